/**
 * Load through the local loop (`npm start`'s pipeline): 500 uploads, 10% of them duplicates and 5% bad,
 * plus redelivered events. Nothing may be lost, nothing written twice, every bad input reported.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CountingMeter } from '../../lambdas/adapters/observability';
import { summarize } from '../../lambdas/core/index';
import { resultJson, type Outcome } from '../../lambdas/handlers/summarize-object';
import { startLocalLoop, type LocalLoop } from '../../lambdas/local/loop';
import { getText, headObject, listKeys } from '../helpers/s3-server';

const SAMPLE = readFileSync(new URL('../fixtures/cantho-2023-02.txt', import.meta.url), 'utf8');
const PNG = readFileSync(new URL('../fixtures/red-pixel.png', import.meta.url));
const UPLOADS = 500;
const DUPLICATES = UPLOADS / 10;
const BAD = UPLOADS / 20;
const GOOD = UPLOADS - DUPLICATES - BAD;

/** Deterministic shuffling (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_BODIES: Array<[string, Uint8Array | string]> = [
  ['BINARY_INPUT', PNG],
  ['INVALID_UTF8', Buffer.from([0x43, 0xe1, 0x6e, 0x20, 0x54, 0x68, 0xf5])],
  ['EMPTY_INPUT', ''],
  ['BINARY_INPUT', Buffer.from('văn bản\u0000rác', 'utf8')],
];

let loop: LocalLoop;
const outcomes: Outcome[] = [];
const failures: unknown[] = [];
const meter = new CountingMeter();

beforeAll(async () => {
  loop = await startLocalLoop({ concurrency: 8, retryDelayMs: 50, meter, onOutcome: (o) => outcomes.push(o), onFailure: (_e, error) => failures.push(error) });
});
afterAll(() => loop.close());

it(`${UPLOADS} uploads (${DUPLICATES} duplicates, ${BAD} bad) and redelivered events: nothing lost, nothing twice, every bad input reported`, { timeout: 180_000 }, async () => {
  const rand = random(20260101);
  const good = Array.from({ length: GOOD }, (_, i) => ({
    key: `incoming/${String(i).padStart(3, '0')} tin mới (bản+${i % 7}) Cần Thơ.txt`,
    body: `${SAMPLE}\n\nTin số ${i}: thu giữ hơn ${i + 1} kg ma túy.\n`,
  }));
  const bad = Array.from({ length: BAD }, (_, i) => {
    const [code, body] = BAD_BODIES[i % BAD_BODIES.length]!;
    return { key: `incoming/hỏng ${i} (${code}).txt`, body, code };
  });
  const duplicates = Array.from({ length: DUPLICATES }, () => good[Math.floor(rand() * GOOD)]!);
  const uploads = [...good, ...bad, ...duplicates].map((u) => ({ u, r: rand() })).sort((a, b) => a.r - b.r).map(({ u }) => u);
  expect(uploads).toHaveLength(UPLOADS);

  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < uploads.length) {
        const { key, body } = uploads[next++]!;
        await loop.upload(key, body);
      }
    }),
  );
  // S3 delivers at least once and in no set order: deliver a tenth of the events again, newest first.
  const again = loop.delivered.filter(() => rand() < 0.1).reverse();
  for (const event of again) void loop.deliver(structuredClone(event));
  await loop.idle();
  const seconds = (performance.now() - started) / 1000;

  const count = (status: string, reason?: string) => outcomes.filter((o) => o.status === status && (!reason || (o.status === 'skipped' && o.reason === reason))).length;
  console.log(
    `load: ${UPLOADS} uploads + ${again.length} redelivered events in ${seconds.toFixed(1)} s; ` +
      `${loop.stats.invocations} invocations, ${count('summarized')} summarized, ${count('reported')} reported, ` +
      `${count('skipped', 'duplicate')} duplicates and ${count('skipped', 'stale')} stale events skipped, ${loop.stats.retries} retries`,
  );

  // Nothing failed, nothing was lost.
  expect(failures).toEqual([]);
  expect(loop.delivered).toHaveLength(UPLOADS + again.length);
  const keys = await listKeys(loop.client, loop.bucket);
  const expected = [
    ...good.flatMap((g) => [g.key, `results/${g.key}.json`, `results/${g.key}.md`]),
    ...bad.flatMap((b) => [b.key, `errors/${b.key}.error.json`]),
  ].sort();
  // No duplicate or stray outputs: exactly one result pair per article, one report per bad file.
  expect(keys).toEqual(expected);
  // Outputs never match the trigger; so they never caused an invocation.
  expect(loop.ignoredKeys.filter((k) => k.startsWith('incoming/'))).toEqual([]);

  // Every result belongs to the current version of its article, and is what the engine makes of it.
  for (const g of good) {
    const head = await headObject(loop.client, loop.bucket, `results/${g.key}.json`);
    const input = await headObject(loop.client, loop.bucket, g.key);
    expect(head?.Metadata?.['source-etag']).toBe(input?.ETag?.replace(/"/g, ''));
  }
  for (const g of good.slice(0, 10)) {
    expect(await getText(loop.client, loop.bucket, `results/${g.key}.json`)).toBe(resultJson(summarize(g.body, { source: g.key })));
  }
  // Every bad input is reported with its reason.
  for (const b of bad) {
    const report = JSON.parse((await getText(loop.client, loop.bucket, `errors/${b.key}.error.json`))!) as { error: { code: string } };
    expect(report.error.code).toBe(b.code);
  }
  // Duplicates did no work beyond the check (concurrent twins may both write the same bytes).
  expect(count('summarized')).toBeGreaterThanOrEqual(GOOD);
  expect(count('summarized') + count('skipped')).toBe(UPLOADS + again.length - count('reported'));
  expect(count('summarized')).toBeLessThan(GOOD + DUPLICATES / 2);
  expect(meter.get('BadInput')).toBe(count('reported'));
  expect(seconds).toBeLessThan(120);
});
