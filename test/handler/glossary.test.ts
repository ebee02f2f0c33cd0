/**
 * GLOSSARY_KEY: a user glossary object in the event's bucket, merged over the built-in one and kept by
 * ETag, so editors change terms without a redeploy.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../lambdas/adapters/s3-store';
import { nextSequencer, s3Event } from '../helpers/events';
import { testHandler, type TestHandler } from '../helpers/handler';
import { getText, headObject, newClient, putObject, startTestS3, type TestS3 } from '../helpers/s3-server';

const SAMPLE = readFileSync(new URL('../fixtures/cantho-2023-02.txt', import.meta.url));
const GLOSSARY_KEY = 'config/glossary.csv';
const KEY = 'incoming/cantho-2023-02.txt';

let s3: TestS3;
let bucket: string;
let t: TestHandler;
/** What the handler's store answered for the glossary object, call by call. */
let glossaryReads: string[];

beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3.close());
beforeEach(async () => {
  bucket = await s3.createBucket();
  glossaryReads = [];
  // A store that notes each read of the glossary: 'body' when S3 sent it, 'not-modified' when it did not.
  const store = new S3ObjectStore(newClient(s3.endpoint));
  const get = store.get.bind(store);
  store.get = async (b, k, options) => {
    const res = await get(b, k, options);
    if (k === GLOSSARY_KEY) glossaryReads.push(res === 'not-modified' ? 'not-modified' : res === undefined ? 'missing' : 'body');
    return res;
  };
  t = testHandler(s3.endpoint, { GLOSSARY_KEY }, { store });
});

async function summarizeSample(): Promise<Record<string, string>> {
  const eTag = await putObject(s3.client, bucket, KEY, SAMPLE);
  await t.handler(s3Event({ bucket, key: KEY, eTag, sequencer: nextSequencer() }));
  return (await headObject(s3.client, bucket, `results/${KEY}.json`))!.Metadata!;
}

describe('user glossary', () => {
  it('is merged, recorded in the result metadata, and read again only when its ETag changes', async () => {
    const first = await putObject(s3.client, bucket, GLOSSARY_KEY, 'vi,en\nđối tượng,suspects\nvụ việc,incidents\n');
    expect((await summarizeSample()).glossary).toBe(`user:${first}`);
    const doc = JSON.parse((await getText(s3.client, bucket, `results/${KEY}.json`))!) as { untranslated: Array<{ vi: string }> };
    expect(doc.untranslated.map((u) => u.vi)).not.toContain('đối tượng');

    // Second invocation: S3 answers 304, nothing is read or parsed again.
    await t.handler(s3Event({ bucket, key: 'incoming/other.txt', eTag: 'x', sequencer: nextSequencer() }));
    expect(glossaryReads).toEqual(['body', 'not-modified']);

    // An editor changes a term: the next invocation uses it, and the article is summarized again with it
    // (the result records the glossary, so an event for the same article is no longer a duplicate).
    const second = await putObject(s3.client, bucket, GLOSSARY_KEY, 'vi,en\nđối tượng,offenders\n');
    t.reset();
    expect((await summarizeSample()).glossary).toBe(`user:${second}`);
    expect(t.outcomes).toMatchObject([{ status: 'summarized' }]);
    expect(glossaryReads.at(-1)).toBe('body');
  });

  it('when broken, is reported once under errors/ and the articles go on with the last good glossary', async () => {
    const good = await putObject(s3.client, bucket, GLOSSARY_KEY, 'vi,en\nđối tượng,suspects\n');
    await summarizeSample();
    const bad = await putObject(s3.client, bucket, GLOSSARY_KEY, 'vi,en\nđối tượng,suspects\nĐối tượng,subjects\n');
    await t.handler(s3Event({ bucket, key: 'incoming/second.txt', eTag: 'x', sequencer: nextSequencer() }));
    await t.handler(s3Event({ bucket, key: 'incoming/third.txt', eTag: 'y', sequencer: nextSequencer() }));

    const report = JSON.parse((await getText(s3.client, bucket, `errors/${GLOSSARY_KEY}.error.json`))!);
    expect(report).toMatchObject({ source: { key: GLOSSARY_KEY, eTag: bad }, error: { code: 'BAD_GLOSSARY' } });
    expect(report.error.message).toMatch(/glossary\.csv:3: duplicate term/);
    expect(t.logs.filter((l) => l.message.startsWith('user glossary rejected'))).toHaveLength(1);

    await putObject(s3.client, bucket, 'incoming/fourth.txt', SAMPLE);
    await t.handler(s3Event({ bucket, key: 'incoming/fourth.txt', sequencer: nextSequencer() }));
    expect((await headObject(s3.client, bucket, 'results/incoming/fourth.txt.json'))?.Metadata?.glossary).toBe(`user:${good}`);
  });

  it('when missing, the built-in glossary is used and a warning logged', async () => {
    expect((await summarizeSample()).glossary).toBe('builtin');
    expect(t.logs.some((l) => l.level === 'warn' && l.message.includes('glossary not found'))).toBe(true);
  });

  it('an upload of the glossary itself is not summarized', async () => {
    const eTag = await putObject(s3.client, bucket, GLOSSARY_KEY, 'vi,en\n');
    await t.handler(s3Event({ bucket, key: GLOSSARY_KEY, eTag, sequencer: nextSequencer() }));
    expect(t.outcomes).toMatchObject([{ status: 'skipped', reason: 'glossary-file' }]);
  });
});
