/**
 * The deployed artifact: the handler bundled as cdk/ bundles it, loaded in a fresh `node` process and
 * pointed at an S3-compatible server with AWS_ENDPOINT_URL_S3, as the acceptance check runs it. Against
 * s3rver always; against moto's server too when `moto_server` is installed (a second S3 implementation).
 */
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { batchEvent, nextSequencer, s3Event } from '../helpers/events';
import { getBytes, getText, headObject, listKeys, newClient, putObject, startTestS3, type TestS3 } from '../helpers/s3-server';
import { PNG, SAMPLE } from '../helpers/fixtures';

const KEY = 'incoming/Tin mới (bản 2) + số liệu Cần Thơ.txt';
const matchesTrigger = (key: string): boolean => key.startsWith('incoming/') && key.endsWith('.txt');

let work: string;
let bundle: string;
let bundleBytes: number;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'solieu-bundle-'));
  bundle = join(work, 'index.mjs');
  const bench = (await import(pathToFileURL(join(process.cwd(), 'scripts/bench-coldstart.mjs')).href)) as {
    bundleLikeCdk(outfile: string): Promise<number>;
  };
  bundleBytes = await bench.bundleLikeCdk(bundle);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/**
 * Invokes the bundle once per event in one fresh process, as one warm Lambda container would.
 * Asynchronously: s3rver runs in this process and must keep answering.
 */
async function invokeBundle(endpoint: string, events: unknown[]): Promise<Array<{ result?: unknown; error?: string }>> {
  const results = join(work, `results-${Date.now()}.json`);
  const runner = `
    import { writeFileSync } from 'node:fs';
    const { handler } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
    const out = [];
    for (const event of JSON.parse(process.env.EVENTS)) {
      try { out.push({ result: (await handler(event, { awsRequestId: 'bundle-test', functionName: 'solieu', getRemainingTimeInMillis: () => 60000 })) ?? null }); }
      catch (error) { out.push({ error: error.name + ': ' + error.message }); }
    }
    writeFileSync(process.env.RESULTS, JSON.stringify(out));`;
  await promisify(execFile)(process.execPath, ['--input-type=module', '-e', runner], {
    env: {
      PATH: process.env.PATH,
      EVENTS: JSON.stringify(events),
      RESULTS: results,
      AWS_ENDPOINT_URL_S3: endpoint,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return JSON.parse(readFileSync(results, 'utf8')) as Array<{ result?: unknown; error?: string }>;
}

/** The acceptance scenario, against whichever server `client` talks to. */
async function acceptance(endpoint: string, client: S3Client, bucket: string): Promise<void> {
  const eTag = await putObject(client, bucket, KEY, SAMPLE);
  const pngTag = await putObject(client, bucket, 'incoming/photo.png', PNG, 'image/png');
  const event = s3Event({ bucket, key: KEY, eTag, size: SAMPLE.byteLength, sequencer: nextSequencer() });
  const png = s3Event({ bucket, key: 'incoming/photo.png', eTag: pngTag, size: PNG.byteLength, sequencer: nextSequencer() });

  expect(await invokeBundle(endpoint, [event])).toEqual([{ result: null }]);
  const first = await headObject(client, bucket, `results/${KEY}.json`);
  const doc = JSON.parse((await getText(client, bucket, `results/${KEY}.json`))!) as { figures: unknown[] };
  expect(first?.ContentType).toBe('application/json; charset=utf-8');
  expect(first?.Metadata?.['source-etag']).toBe(eTag);
  expect(doc.figures).toHaveLength(Number(first?.Metadata?.figures));

  // A duplicate event and a PNG: no throw, nothing rewritten, an error report for the PNG.
  expect(await invokeBundle(endpoint, [event, png])).toEqual([{ result: null }, { result: null }]);
  expect((await headObject(client, bucket, `results/${KEY}.json`))?.ETag).toBe(first?.ETag);
  const report = JSON.parse((await getText(client, bucket, 'errors/incoming/photo.png.error.json'))!) as { error: { code: string } };
  expect(report.error.code).toBe('BINARY_INPUT');

  // Batch Operations, schema 2.0, over the same objects.
  const [batch] = await invokeBundle(endpoint, [batchEvent('2.0', [{ taskId: 't1', bucket, key: KEY }])]);
  expect(batch?.result).toMatchObject({ invocationSchemaVersion: '2.0', treatMissingKeysAs: 'PermanentFailure', results: [{ taskId: 't1', resultCode: 'Succeeded' }] });

  // Inputs intact; nothing written that the trigger would fire on.
  expect(Buffer.from((await getBytes(client, bucket, KEY))!)).toEqual(SAMPLE);
  expect(Buffer.from((await getBytes(client, bucket, 'incoming/photo.png'))!)).toEqual(PNG);
  const keys = await listKeys(client, bucket);
  expect(keys.filter(matchesTrigger)).toEqual([KEY]);
  expect(keys).toEqual(['errors/incoming/photo.png.error.json', 'incoming/photo.png', KEY, `results/${KEY}.json`, `results/${KEY}.md`].sort());
}

it('is at most 1 MB', () => {
  expect(bundleBytes).toBeLessThanOrEqual(1024 * 1024);
});

describe('against s3rver', () => {
  let s3: TestS3;
  beforeAll(async () => {
    s3 = await startTestS3();
  });
  afterAll(() => s3.close());

  it('summarizes, ignores the duplicate, reports the PNG, keeps the inputs', { timeout: 60_000 }, async () => {
    await acceptance(s3.endpoint, s3.client, await s3.createBucket());
  });
});

function hasMoto(): boolean {
  try {
    execFileSync('moto_server', ['--help'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}

describe.skipIf(!hasMoto())('against moto (a second S3 implementation, when installed)', () => {
  let moto: ChildProcess;
  let endpoint: string;
  beforeAll(async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = server.address() as { port: number };
        server.close(() => resolve(free));
      });
    });
    endpoint = `http://127.0.0.1:${port}`;
    moto = spawn('moto_server', ['-H', '127.0.0.1', '-p', String(port)], { stdio: 'ignore' });
    for (let i = 0; i < 100; i++) {
      if (await fetch(endpoint).then(() => true, () => false)) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('moto_server did not start');
  }, 30_000);
  afterAll(() => void moto?.kill());

  it('summarizes, ignores the duplicate, reports the PNG, keeps the inputs', { timeout: 60_000 }, async () => {
    const client = newClient(endpoint);
    const bucket = `bundle-${process.pid}`;
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    await acceptance(endpoint, client, bucket);
    client.destroy();
  });
});
