/**
 * The handler against a real S3-compatible server, through the real SDK client: what it writes, where,
 * with which metadata; what it does with duplicate, late, bad and foreign events.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { summarize } from '../../lambdas/core/index';
import { resultJson } from '../../lambdas/handlers/summarize-object';
import { lambdaContext, nextSequencer, s3Event, type S3RecordInput } from '../helpers/events';
import { testHandler, type TestHandler } from '../helpers/handler';
import { getBytes, getText, headObject, listKeys, putObject, startTestS3, type TestS3 } from '../helpers/s3-server';
import { fixture, PNG, SAMPLE } from '../helpers/fixtures';

const GOLD = JSON.parse(fixture('gold.json').toString('utf8')) as { articles: Array<{ file: string; figures: unknown[] }> };

/** The deployed trigger: prefix incoming/, suffix .txt. */
const matchesTrigger = (key: string): boolean => key.startsWith('incoming/') && key.endsWith('.txt');
/** A key with everything S3 encodes: spaces, '+', parentheses, diacritics. */
const HARD_KEY = 'incoming/Tin mới (bản 2) + số liệu Cần Thơ.txt';

let s3: TestS3;
let client: S3Client;
let bucket: string;
let t: TestHandler;

beforeAll(async () => {
  s3 = await startTestS3();
  client = s3.client;
  t = testHandler(s3.endpoint);
});
afterAll(() => s3.close());
beforeEach(async () => {
  bucket = await s3.createBucket();
  t.reset();
});

/** Uploads an object and returns the S3 event for it. */
async function upload(key: string, body: string | Uint8Array, extra: Partial<S3RecordInput> = {}): Promise<S3RecordInput> {
  const eTag = await putObject(client, bucket, key, body);
  return { bucket, key, eTag, size: typeof body === 'string' ? Buffer.byteLength(body) : body.byteLength, sequencer: nextSequencer(), ...extra };
}

const puts = (): string[] => t.calls.filter((c) => c === 'PutObjectCommand' || c === 'DeleteObjectCommand');

describe('an uploaded article', () => {
  it('gets a JSON result and a Markdown summary beside it, linked to the source', async () => {
    const record = await upload(HARD_KEY, SAMPLE);
    await expect(t.handler(s3Event(record), lambdaContext())).resolves.toBeUndefined();

    const jsonKey = `results/${HARD_KEY}.json`;
    const mdKey = `results/${HARD_KEY}.md`;
    const json = await headObject(client, bucket, jsonKey);
    const md = await headObject(client, bucket, mdKey);
    expect(json?.ContentType).toBe('application/json; charset=utf-8');
    expect(md?.ContentType).toBe('text/markdown; charset=utf-8');
    for (const head of [json, md]) {
      expect(head?.Metadata).toMatchObject({
        'solieu-output': 'result',
        'source-bucket': bucket,
        'source-etag': record.eTag,
        'source-sequencer': record.sequencer,
        glossary: 'builtin',
      });
      expect(decodeURIComponent(head?.Metadata?.['source-key'] ?? '')).toBe(HARD_KEY);
    }

    // The result is exactly what the engine makes of the same bytes.
    const expected = summarize(SAMPLE, { source: HARD_KEY });
    const stored = await getText(client, bucket, jsonKey);
    expect(stored).toBe(resultJson(expected));
    expect(JSON.parse(stored!).figures).toHaveLength(expected.figures.length);
    expect(json?.Metadata?.figures).toBe(String(expected.figures.length));
    expect(await getText(client, bucket, mdKey)).toBe(expected.summary.markdown);

    expect(t.outcomes).toMatchObject([{ status: 'summarized', figures: expected.figures.length }]);
    expect(t.meter.get('ArticlesProcessed')).toBeGreaterThanOrEqual(1);
  });

  it('[engine] the sample article yields its 11 gold figures', async () => {
    // Needs the engine (lambdas/core) to find figures; fails until it does.
    const record = await upload('incoming/cantho-2023-02.txt', SAMPLE);
    await t.handler(s3Event(record));
    const doc = JSON.parse((await getText(client, bucket, 'results/incoming/cantho-2023-02.txt.json'))!) as { figures: Array<{ en: string }> };
    expect(GOLD.articles[0]!.figures).toHaveLength(11);
    expect(doc.figures).toHaveLength(11);
  });

  it('leaves the input as it was and writes nothing that matches its own trigger', async () => {
    const record = await upload(HARD_KEY, SAMPLE);
    const png = await upload('incoming/photo.txt', PNG);
    await t.handler(s3Event(record, png));
    expect(Buffer.from((await getBytes(client, bucket, HARD_KEY))!)).toEqual(SAMPLE);
    expect((await headObject(client, bucket, HARD_KEY))?.ETag).toBe(`"${record.eTag}"`);
    const keys = await listKeys(client, bucket);
    expect(keys.filter(matchesTrigger).sort()).toEqual([HARD_KEY, 'incoming/photo.txt'].sort());
    expect(keys).toEqual(
      [HARD_KEY, 'incoming/photo.txt', `results/${HARD_KEY}.json`, `results/${HARD_KEY}.md`, 'errors/incoming/photo.txt.error.json'].sort(),
    );
    expect(t.calls).not.toContain('DeleteObjectCommand');
    expect(t.calls.filter((c) => c === 'PutObjectCommand')).toHaveLength(3);
  });
});

describe('duplicates and order', () => {
  it('a duplicate event changes nothing and does no work', async () => {
    const event = s3Event(await upload(HARD_KEY, SAMPLE));
    await t.handler(event);
    const before = await headObject(client, bucket, `results/${HARD_KEY}.json`);
    t.reset();
    await t.handler(event);
    await t.handler(structuredClone(event));
    expect(t.outcomes.map((o) => o.status === 'skipped' && o.reason)).toEqual(['duplicate', 'duplicate']);
    expect(t.calls).not.toContain('GetObjectCommand');
    expect(puts()).toEqual([]);
    expect((await headObject(client, bucket, `results/${HARD_KEY}.json`))?.LastModified).toEqual(before?.LastModified);
  });

  it('uploading the same bytes again is a duplicate too', async () => {
    await t.handler(s3Event(await upload(HARD_KEY, SAMPLE)));
    t.reset();
    await t.handler(s3Event(await upload(HARD_KEY, SAMPLE)));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'duplicate' }]);
    expect(puts()).toEqual([]);
  });

  it('an event without an ETag is recognized as a duplicate once the object is read', async () => {
    const record = await upload(HARD_KEY, SAMPLE);
    await t.handler(s3Event(record));
    t.reset();
    await t.handler(s3Event({ ...record, eTag: undefined }));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'duplicate' }]);
    expect(puts()).toEqual([]);
  });

  it('an older event arriving after a newer one does not overwrite the newer result', async () => {
    const v1 = await upload(HARD_KEY, 'Phiên bản một: hơn 1.100 vụ việc.');
    const v2 = await upload(HARD_KEY, 'Phiên bản hai: gần 300 vụ.');
    await t.handler(s3Event(v2));
    t.reset();
    await t.handler(s3Event(v1));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'stale' }]);
    expect(puts()).toEqual([]);
    const head = await headObject(client, bucket, `results/${HARD_KEY}.json`);
    expect(head?.Metadata?.['source-etag']).toBe(v2.eTag);
    expect(JSON.parse((await getText(client, bucket, `results/${HARD_KEY}.json`))!).text).toContain('Phiên bản hai');
  });

  it('an event for a version that was already replaced summarizes the current object, which the newer event then finds done', async () => {
    const v1 = await upload(HARD_KEY, 'Phiên bản một: hơn 1.100 vụ việc.');
    const v2 = await upload(HARD_KEY, 'Phiên bản hai: gần 300 vụ.');
    await t.handler(s3Event(v1));
    await t.handler(s3Event(v2));
    expect(t.outcomes.map((o) => o.status === 'skipped' ? o.reason : o.status)).toEqual(['summarized', 'duplicate']);
    expect((await headObject(client, bucket, `results/${HARD_KEY}.json`))?.Metadata?.['source-etag']).toBe(v2.eTag);
  });

  it('A, B, A again: late events never bring back B', async () => {
    const a1 = await upload(HARD_KEY, 'Bản A: hơn 1.100 vụ việc.');
    const b = await upload(HARD_KEY, 'Bản B: gần 300 vụ.');
    const a2 = await upload(HARD_KEY, 'Bản A: hơn 1.100 vụ việc.');
    expect(a2.eTag).toBe(a1.eTag);
    // Delivered newest first, then the others late.
    await t.handler(s3Event(a2));
    await t.handler(s3Event(b));
    await t.handler(s3Event(a1));
    expect(JSON.parse((await getText(client, bucket, `results/${HARD_KEY}.json`))!).text).toContain('Bản A');
    expect(t.outcomes.map((o) => o.status === 'skipped' ? o.reason : o.status)).toEqual(['summarized', 'stale', 'stale']);
  });

  it('records in one event run in sequencer order, whatever order they come in', async () => {
    const v1 = await upload(HARD_KEY, 'Bản một: hơn 1.100 vụ việc.');
    const v2 = await upload(HARD_KEY, 'Bản hai: gần 300 vụ.');
    await t.handler(s3Event(v2, v1));
    // v1 runs first and already reads v2 (the current object); v2 then finds it done.
    expect(t.outcomes.map((o) => [o.ref.sequencer, o.status === 'skipped' ? o.reason : o.status])).toEqual([
      [v1.sequencer, 'summarized'],
      [v2.sequencer, 'duplicate'],
    ]);
    expect((await headObject(client, bucket, `results/${HARD_KEY}.json`))?.Metadata?.['source-etag']).toBe(v2.eTag);
  });
});

describe('bad input', () => {
  it.each([
    ['a PNG image', 'incoming/photo.txt', PNG, 'BINARY_INPUT'],
    ['invalid UTF-8', 'incoming/latin1.txt', Buffer.from([0x43, 0xe1, 0x6e, 0x20, 0x54, 0x68, 0xf5]), 'INVALID_UTF8'],
    ['an empty file', 'incoming/empty.txt', Buffer.alloc(0), 'EMPTY_INPUT'],
    ['only whitespace', 'incoming/blank (1).txt', ' \n\t\n', 'EMPTY_INPUT'],
  ])('%s gets an error report and no retry', async (_what, key, body, code) => {
    const record = await upload(key, body);
    const badBefore = t.meter.get('BadInput');
    await expect(t.handler(s3Event(record))).resolves.toBeUndefined();
    const reportKey = `errors/${key}.error.json`;
    const head = await headObject(client, bucket, reportKey);
    expect(head?.ContentType).toBe('application/json; charset=utf-8');
    expect(head?.Metadata).toMatchObject({ 'solieu-output': 'error-report', 'source-etag': record.eTag, 'error-code': code });
    const report = JSON.parse((await getText(client, bucket, reportKey))!);
    expect(report.source).not.toHaveProperty('rawKey');
    expect(report).toMatchObject({
      schemaVersion: 1,
      status: 'rejected',
      source: { bucket, key, eTag: record.eTag, sequencer: record.sequencer },
      error: { code },
    });
    expect(report.error.message.length).toBeGreaterThan(30);
    expect(await headObject(client, bucket, `results/${key}.json`)).toBeUndefined();
    expect(t.meter.get('BadInput') - badBefore).toBe(1);
    // A repeat is recognized from the report's metadata.
    t.reset();
    await t.handler(s3Event(record));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'duplicate' }]);
  });

  it('a file over MAX_BYTES is refused without reading it', async () => {
    const small = testHandler(s3.endpoint, { MAX_BYTES: '1000' });
    const record = await upload(HARD_KEY, SAMPLE);
    await small.handler(s3Event(record));
    const report = JSON.parse((await getText(client, bucket, `errors/${HARD_KEY}.error.json`))!);
    expect(report.error.code).toBe('INPUT_TOO_LARGE');
    expect(report.error.message).toContain(`${SAMPLE.byteLength} bytes`);
    expect(report.source.eTag).toBe(record.eTag);
  });

  it('a key that is not valid URL encoding is reported under the key as sent', async () => {
    await t.handler(s3Event({ bucket, key: '', rawKey: 'incoming/bad%E0%A4%A.txt', sequencer: nextSequencer() }));
    const report = JSON.parse((await getText(client, bucket, 'errors/incoming/bad%E0%A4%A.txt.error.json'))!);
    expect(report.error.code).toBe('INVALID_KEY_ENCODING');
    expect(report.source.rawKey).toBe('incoming/bad%E0%A4%A.txt');
  });
});

describe('events it must not act on', () => {
  it.each([
    ['results/incoming/a.txt.json', 'own-output'],
    ['results/incoming/a.txt.md', 'own-output'],
    ['errors/incoming/a.txt.error.json', 'own-output'],
  ])('ignores its own output %s without touching S3', async (key, reason) => {
    await t.handler(s3Event({ bucket, key, eTag: 'abc', sequencer: nextSequencer() }));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason }]);
    expect(t.calls).toEqual([]);
  });

  it('counts as bad input a key too long to put a prefix before (S3 keys stop at 1,024 bytes)', async () => {
    const key = `incoming/${'ả'.repeat(335)}.txt`; // 1,018 bytes: fits S3, not with errors/ and .error.json
    const bad = t.meter.get('BadInput');
    await t.handler(s3Event({ bucket, key, eTag: 'abc', sequencer: nextSequencer() }));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'key-too-long' }]);
    expect(t.meter.get('BadInput') - bad).toBe(1);
    expect(t.calls).toEqual([]);
  });

  it('ignores removals', async () => {
    await t.handler(s3Event({ bucket, key: 'incoming/a.txt', eventName: 'ObjectRemoved:Delete' }));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'not-created' }]);
    expect(t.calls).toEqual([]);
  });

  it('skips an object deleted before its event arrived', async () => {
    await t.handler(s3Event({ bucket, key: 'incoming/gone.txt', eTag: 'abc', sequencer: nextSequencer() }));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'gone' }]);
    expect(await listKeys(client, bucket)).toEqual([]);
  });

  it('refuses an event it does not know, so that it lands in the failure destination', async () => {
    await expect(t.handler({ hello: 'world' })).rejects.toThrow(/unrecognized event/);
  });
});

describe('settings', () => {
  it('writes to OUTPUT_BUCKET under OUTPUT_PREFIX and ERROR_PREFIX', async () => {
    const out = await s3.createBucket('out');
    const custom = testHandler(s3.endpoint, { OUTPUT_BUCKET: out, OUTPUT_PREFIX: 'summaries', ERROR_PREFIX: 'rejected/' });
    const good = await upload(HARD_KEY, SAMPLE);
    const bad = await upload('incoming/photo.txt', PNG);
    await custom.handler(s3Event(good, bad));
    expect(await listKeys(client, out)).toEqual([`rejected/incoming/photo.txt.error.json`, `summaries/${HARD_KEY}.json`, `summaries/${HARD_KEY}.md`].sort());
    expect(await listKeys(client, bucket)).toEqual([HARD_KEY, 'incoming/photo.txt'].sort());
    // Its own prefixes are guarded too.
    custom.reset();
    await custom.handler(s3Event({ bucket, key: 'summaries/x.txt', eTag: 'e', sequencer: nextSequencer() }));
    expect(custom.outcomes).toMatchObject([{ status: 'skipped', reason: 'own-output' }]);
  });
});
