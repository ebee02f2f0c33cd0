/**
 * Faults a server cannot produce on cue (throttling, 500s), injected into the real SDK client: the handler
 * must rethrow them, so that Lambda retries and the failure destination apply, and leave no partial output.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nextSequencer, s3Event } from '../helpers/events';
import { injectFaults, type FaultRule } from '../helpers/faults';
import { testHandler, type TestHandler } from '../helpers/handler';
import { getBytes, listKeys, putObject, startTestS3, type TestS3 } from '../helpers/s3-server';
import { PNG, SAMPLE } from '../helpers/fixtures';

const KEY = 'incoming/Tin (mới) + Cần Thơ.txt';

let s3: TestS3;
let bucket: string;
let t: TestHandler;

beforeAll(async () => {
  s3 = await startTestS3();
  t = testHandler(s3.endpoint);
});
afterAll(() => s3.close());
beforeEach(async () => {
  bucket = await s3.createBucket();
  t.reset();
});

const isJson = (k: string): boolean => k.endsWith('.txt.json');
const isMd = (k: string): boolean => k.endsWith('.md');

describe.each(['throttle', 'internal'] as const)('%s errors', (kind) => {
  it.each<[string, Omit<FaultRule, 'kind'>]>([
    ['reading the article', { command: 'GetObjectCommand' }],
    ['checking for a result', { command: 'HeadObjectCommand' }],
    ['writing the Markdown', { command: 'PutObjectCommand', key: isMd }],
    ['writing the JSON', { command: 'PutObjectCommand', key: isJson }],
  ])('while %s: rethrown, nothing partial left, and the retry succeeds', async (_when, rule) => {
    const eTag = await putObject(s3.client, bucket, KEY, SAMPLE);
    const event = s3Event({ bucket, key: KEY, eTag, sequencer: nextSequencer() });
    const remove = injectFaults(t.client, [{ ...rule, kind }]);
    try {
      await expect(t.handler(event)).rejects.toMatchObject({ name: kind === 'throttle' ? 'SlowDown' : 'InternalError' });
    } finally {
      remove();
    }
    expect(await listKeys(s3.client, bucket)).toEqual([KEY]);
    expect(Buffer.from((await getBytes(s3.client, bucket, KEY))!)).toEqual(SAMPLE);
    expect(t.logs.some((l) => l.level === 'error' && l.fields.key === KEY)).toBe(true);

    // Lambda's retry, once the fault has passed.
    await t.handler(event);
    expect(await listKeys(s3.client, bucket)).toEqual([KEY, `results/${KEY}.json`, `results/${KEY}.md`]);
  });

  it('while writing an error report: rethrown, so the report is not lost', async () => {
    const eTag = await putObject(s3.client, bucket, 'incoming/photo.txt', PNG);
    const event = s3Event({ bucket, key: 'incoming/photo.txt', eTag, sequencer: nextSequencer() });
    const remove = injectFaults(t.client, [{ command: 'PutObjectCommand', kind }]);
    try {
      await expect(t.handler(event)).rejects.toThrow();
    } finally {
      remove();
    }
    expect(await listKeys(s3.client, bucket)).toEqual(['incoming/photo.txt']);
    await t.handler(event);
    expect(await listKeys(s3.client, bucket)).toEqual(['errors/incoming/photo.txt.error.json', 'incoming/photo.txt']);
  });
});

it('a failure in one record does not stop the others; the event is still rethrown for the retry', async () => {
  const good = await putObject(s3.client, bucket, KEY, SAMPLE);
  const other = 'incoming/other.txt';
  const otherTag = await putObject(s3.client, bucket, other, SAMPLE);
  const remove = injectFaults(t.client, [{ command: 'GetObjectCommand', kind: 'internal', key: (k) => k === other }]);
  try {
    await expect(t.handler(s3Event({ bucket, key: other, eTag: otherTag }, { bucket, key: KEY, eTag: good }))).rejects.toThrow();
  } finally {
    remove();
  }
  expect(await listKeys(s3.client, bucket)).toEqual([KEY, other, `results/${KEY}.json`, `results/${KEY}.md`].sort());
});

it('an updated article keeps its previous result when writing the new one fails', async () => {
  const v1 = await putObject(s3.client, bucket, KEY, 'Bản một: hơn 1.100 vụ việc.');
  await t.handler(s3Event({ bucket, key: KEY, eTag: v1, sequencer: nextSequencer() }));
  const v2 = await putObject(s3.client, bucket, KEY, 'Bản hai: gần 300 vụ.');
  const remove = injectFaults(t.client, [{ command: 'PutObjectCommand', kind: 'internal', key: isMd }]);
  try {
    await expect(t.handler(s3Event({ bucket, key: KEY, eTag: v2, sequencer: nextSequencer() }))).rejects.toThrow();
  } finally {
    remove();
  }
  const json = new TextDecoder().decode(await getBytes(s3.client, bucket, `results/${KEY}.json`));
  expect(JSON.parse(json).text).toContain('Bản một');
});

it('without read access to its outputs it still summarizes, and warns once', async () => {
  const eTag = await putObject(s3.client, bucket, KEY, SAMPLE);
  const remove = injectFaults(t.client, [{ command: 'HeadObjectCommand', kind: 'denied' }]);
  try {
    await t.handler(s3Event({ bucket, key: KEY, eTag, sequencer: nextSequencer() }));
    await t.handler(s3Event({ bucket, key: KEY, eTag, sequencer: nextSequencer() }));
  } finally {
    remove();
  }
  expect(t.outcomes.map((o) => o.status)).toEqual(['summarized', 'summarized']);
  expect(t.logs.filter((l) => l.message.startsWith('no read access'))).toHaveLength(1);
  expect(await listKeys(s3.client, bucket)).toEqual([KEY, `results/${KEY}.json`, `results/${KEY}.md`]);
});
