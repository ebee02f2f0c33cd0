/**
 * The local loop: an S3-compatible server (s3rver) inside this process, wired to the very handler that
 * runs in Lambda. Uploads to `incoming/*.txt` become S3 notifications, delivered the way S3 and Lambda
 * deliver them: the key URL-encoded, a sequencer per event, asynchronous invocation with two retries.
 * No AWS account, no Docker, no network beyond the loopback.
 */
import S3rver from '@20minutes/s3rver';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { Context, S3Event } from 'aws-lambda';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseConfig, type RuntimeConfig } from '../adapters/config';
import { silentLog, silentMeter, type Log, type Meter } from '../adapters/observability';
import { encodeEventKey } from '../adapters/s3-event-key';
import { normalizeETag, S3ObjectStore } from '../adapters/s3-store';
import { createHandler, type Handler, type Outcome } from '../handlers/s3-summarize';
import { makeS3rverWritesAtomic } from './atomic-writes';

/** s3rver's built-in credentials; any S3 client can use them against the local endpoint. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;
export const LOCAL_REGION = 'us-east-1';

/** The deployed notification filter (cdk/): prefix `incoming/`, suffix `.txt`. */
export const DEFAULT_TRIGGER = { prefix: 'incoming/', suffix: '.txt' } as const;

export interface LocalLoopOptions {
  /** Keep the server's data here; default a temporary folder, removed by close(). */
  dataDir?: string;
  /** Port to listen on; default 0, a free one. */
  port?: number;
  bucket?: string;
  trigger?: { prefix: string; suffix: string };
  /** Handler settings, as the environment would give them (OUTPUT_PREFIX ...). */
  env?: Record<string, string | undefined>;
  /** Invocations running at once, like a function's reserved concurrency (default 4). */
  concurrency?: number;
  /** Retries of a failed invocation, as Lambda does for asynchronous events (default 2). */
  retries?: number;
  retryDelayMs?: number;
  log?: Log;
  meter?: Meter;
  onOutcome?: (outcome: Outcome) => void;
  /** An event whose invocations all failed: what Lambda hands to the failure destination. */
  onFailure?: (event: S3Event, error: unknown) => void;
}

export interface LocalLoop {
  /** http://127.0.0.1:PORT */
  endpoint: string;
  bucket: string;
  dataDir: string;
  config: RuntimeConfig;
  trigger: { prefix: string; suffix: string };
  /** A client for the local server (path-style, local credentials). */
  client: S3Client;
  /** The handler the events go to. */
  handler: Handler;
  /** Puts an object; when the key matches the trigger, its event is queued before this resolves. */
  upload(key: string, body: string | Uint8Array, contentType?: string): Promise<{ eTag: string }>;
  /** Delivers an event to the handler as Lambda would (queued, retried); for duplicates and reordering. */
  deliver(event: S3Event): Promise<void>;
  /** Every event that matched the trigger, as delivered (keys encoded), in order. */
  readonly delivered: readonly S3Event[];
  /** Keys of uploads that did not match the trigger (results and error reports among them). */
  readonly ignoredKeys: readonly string[];
  readonly stats: { invocations: number; retries: number; failures: number };
  /** Resolves when no invocation is queued or running. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

function lambdaContext(): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'solieu-local',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:000000000000:function:solieu-local',
    memoryLimitInMB: '1024',
    awsRequestId: randomUUID(),
    logGroupName: '/aws/lambda/solieu-local',
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 60_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

/** Starts the server, creates the bucket and wires uploads to the handler. */
export async function startLocalLoop(options: LocalLoopOptions = {}): Promise<LocalLoop> {
  const bucket = options.bucket ?? 'solieu-local';
  const trigger = options.trigger ?? DEFAULT_TRIGGER;
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'solieu-s3-'));
  makeS3rverWritesAtomic();
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    silent: true,
    directory: dataDir,
    // The current SDK signs ListObjectsV2 in a way s3rver does not recompute; this is a local test server.
    allowMismatchedSignatures: true,
    vhostBuckets: false,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = new S3Client({
    endpoint,
    forcePathStyle: true,
    region: LOCAL_REGION,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const config = parseConfig(options.env ?? {});
  const handler = createHandler({
    config,
    store: new S3ObjectStore(client),
    log: options.log ?? silentLog,
    meter: options.meter ?? silentMeter,
    onOutcome: options.onOutcome,
  });

  const delivered: S3Event[] = [];
  const ignoredKeys: string[] = [];
  const stats = { invocations: 0, retries: 0, failures: 0 };
  const retries = options.retries ?? 2;
  const retryDelayMs = options.retryDelayMs ?? 200;
  const queue: Array<() => Promise<void>> = [];
  const idleWaiters: Array<() => void> = [];
  let running = 0;
  let sequence = 0;

  const pump = (): void => {
    while (running < (options.concurrency ?? 4) && queue.length > 0) {
      const job = queue.shift()!;
      running++;
      void job().finally(() => {
        running--;
        pump();
      });
    }
    if (running === 0 && queue.length === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
  };

  const invoke = async (event: S3Event): Promise<void> => {
    for (let attempt = 0; ; attempt++) {
      stats.invocations++;
      try {
        await handler(structuredClone(event), lambdaContext());
        return;
      } catch (error) {
        if (attempt >= retries) {
          stats.failures++;
          options.onFailure?.(event, error);
          return;
        }
        stats.retries++;
        await new Promise((resolve) => setTimeout(resolve, retryDelayMs * (attempt + 1)));
      }
    }
  };

  const deliver = (event: S3Event): Promise<void> =>
    new Promise((resolve) => {
      delivered.push(event);
      queue.push(() => invoke(event).finally(resolve));
      pump();
    });

  // s3rver emits one event per write, with the key raw and a millisecond-clock sequencer. S3 sends the
  // key URL-encoded and a sequencer that grows per key; make the event look like S3's before delivery.
  server.on('event', (raw: S3Event) => {
    for (const record of raw.Records) {
      const key = record.s3.object.key;
      const created = record.eventName.startsWith('ObjectCreated:');
      if (!created || !key.startsWith(trigger.prefix) || !key.endsWith(trigger.suffix)) {
        ignoredKeys.push(key);
        continue;
      }
      sequence++;
      const event: S3Event = {
        Records: [
          {
            ...record,
            eventVersion: '2.1',
            awsRegion: LOCAL_REGION,
            s3: {
              ...record.s3,
              configurationId: 'solieu-local-trigger',
              bucket: { ...record.s3.bucket, arn: `arn:aws:s3:::${record.s3.bucket.name}` },
              object: { ...record.s3.object, key: encodeEventKey(key), sequencer: sequence.toString(16).toUpperCase().padStart(16, '0') },
            },
          },
        ],
      };
      void deliver(event);
    }
  });

  return {
    endpoint,
    bucket,
    dataDir,
    config,
    trigger,
    client,
    handler,
    delivered,
    ignoredKeys,
    stats,
    deliver,
    async upload(key, body, contentType = 'text/plain; charset=utf-8') {
      const res = await client.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType }));
      return { eTag: normalizeETag(res.ETag) };
    },
    idle() {
      if (running === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async close() {
      await new Promise<void>((resolve) => {
        if (running === 0 && queue.length === 0) resolve();
        else idleWaiters.push(resolve);
      });
      client.destroy();
      await server.close();
      if (ownDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
