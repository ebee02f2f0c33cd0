/**
 * The same handler behind SQS (queued mode) and S3 Batch Operations (backfill), against the real server.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { batchEvent, nextSequencer, s3Event, sqsEvent } from '../helpers/events';
import { injectFaults } from '../helpers/faults';
import { testHandler, type TestHandler } from '../helpers/handler';
import { headObject, listKeys, putObject, startTestS3, type TestS3 } from '../helpers/s3-server';
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

const notification = (key: string, eTag?: string) => s3Event({ bucket, key, eTag, sequencer: nextSequencer() });

describe('SQS events (queued mode)', () => {
  it('summarizes every notification and reports only the messages to retry', async () => {
    const eTag = await putObject(s3.client, bucket, KEY, SAMPLE);
    const failing = 'incoming/throttled.txt';
    await putObject(s3.client, bucket, failing, SAMPLE);
    await putObject(s3.client, bucket, 'incoming/photo.txt', PNG);
    const remove = injectFaults(t.client, [{ command: 'GetObjectCommand', kind: 'throttle', key: (k) => k === failing }]);
    try {
      const result = await t.handler(
        sqsEvent([
          { messageId: 'ok', body: notification(KEY, eTag) },
          { messageId: 'test-event', body: { Service: 'Amazon S3', Event: 's3:TestEvent', Bucket: bucket } },
          { messageId: 'throttled', body: notification(failing) },
          { messageId: 'bad-input', body: notification('incoming/photo.txt') },
          { messageId: 'via-sns', body: { Type: 'Notification', Message: JSON.stringify(notification(KEY, eTag)) } },
          { messageId: 'not-json', body: 'hello' },
        ]),
      );
      expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'throttled' }] });
    } finally {
      remove();
    }
    expect(await headObject(s3.client, bucket, `results/${KEY}.json`)).toBeDefined();
    expect(await headObject(s3.client, bucket, 'errors/incoming/photo.txt.error.json')).toBeDefined();
    expect(await headObject(s3.client, bucket, `results/${failing}.json`)).toBeUndefined();
    // The message redelivered after the throttling passes.
    const again = await t.handler(sqsEvent([{ messageId: 'throttled', body: notification(failing) }]));
    expect(again).toEqual({ batchItemFailures: [] });
    expect(await headObject(s3.client, bucket, `results/${failing}.json`)).toBeDefined();
  });
});

describe('S3 Batch Operations (backfill)', () => {
  it.each(['1.0', '2.0'] as const)('schema %s: one result per task, in the shape Batch Operations reads', async (schema) => {
    await putObject(s3.client, bucket, KEY, SAMPLE);
    await putObject(s3.client, bucket, 'incoming/photo.txt', PNG);
    const event = batchEvent(schema, [
      { taskId: 't1', bucket, key: KEY },
      { taskId: 't2', bucket, key: 'incoming/photo.txt' },
      { taskId: 't3', bucket, key: 'incoming/missing.txt' },
    ]);
    const response = await t.handler(event);
    expect(response).toMatchObject({
      invocationSchemaVersion: schema,
      treatMissingKeysAs: 'PermanentFailure',
      invocationId: `invocation-${schema}`,
      results: [
        { taskId: 't1', resultCode: 'Succeeded', resultString: expect.stringContaining(`s3://${bucket}/results/${KEY}.json`) },
        { taskId: 't2', resultCode: 'PermanentFailure', resultString: expect.stringMatching(/^BINARY_INPUT: .*errors\/incoming\/photo\.txt\.error\.json/) },
        { taskId: 't3', resultCode: 'PermanentFailure', resultString: expect.stringMatching(/^NoSuchKey/) },
      ],
    });
    expect(Object.keys(response as object).sort()).toEqual(['invocationId', 'invocationSchemaVersion', 'results', 'treatMissingKeysAs']);

    // Run again: nothing to do, and that is a success.
    const again = (await t.handler(event)) as { results: Array<{ resultCode: string; resultString: string }> };
    expect(again.results[0]).toMatchObject({ resultCode: 'Succeeded', resultString: expect.stringMatching(/^skipped \(duplicate\)/) });
  });

  it('a throttled task is a TemporaryFailure, so Batch Operations retries it', async () => {
    await putObject(s3.client, bucket, KEY, SAMPLE);
    const remove = injectFaults(t.client, [{ command: 'GetObjectCommand', kind: 'throttle' }]);
    try {
      const response = (await t.handler(batchEvent('1.0', [{ taskId: 't1', bucket, key: KEY }]))) as { results: unknown[] };
      expect(response.results).toEqual([{ taskId: 't1', resultCode: 'TemporaryFailure', resultString: expect.stringContaining('SlowDown') }]);
    } finally {
      remove();
    }
    expect(await listKeys(s3.client, bucket)).toEqual([KEY]);
  });

  it('userArguments force=true summarizes again what was already summarized', async () => {
    await putObject(s3.client, bucket, KEY, SAMPLE);
    const task = [{ taskId: 't1', bucket, key: KEY }];
    await t.handler(batchEvent('2.0', task));
    t.reset();
    const forced = (await t.handler(batchEvent('2.0', task, { force: 'true' }))) as { results: Array<{ resultString: string }> };
    expect(forced.results[0]?.resultString).toMatch(/^summarized/);
    expect(t.outcomes).toMatchObject([{ status: 'summarized' }]);
  });
});
