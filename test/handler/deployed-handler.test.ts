/**
 * The exported `handler`, as Lambda loads it: nothing read or created at import; on the first call it
 * reads the environment (with AWS_ENDPOINT_URL_S3, path-style) and logs and counts through Powertools.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { lambdaContext, nextSequencer, s3Event } from '../helpers/events';
import { headObject, putObject, startTestS3, type TestS3 } from '../helpers/s3-server';

const SAMPLE = readFileSync(new URL('../fixtures/cantho-2023-02.txt', import.meta.url));
const KEY = 'incoming/Tin (mới) + Cần Thơ.txt';
let s3: TestS3;

beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(() => s3.close());

it('reads its settings on the first call, not at import, and logs and counts as documented', async () => {
  // Note every environment variable read while the module loads.
  const original = process.env;
  const read = new Set<string>();
  process.env = new Proxy(original, {
    get(target, name) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name);
    },
  });
  let handler;
  try {
    ({ handler } = await import('../../lambdas/handlers/s3-summarize'));
  } finally {
    process.env = original;
  }
  const ours = /^(OUTPUT_BUCKET|OUTPUT_PREFIX|ERROR_PREFIX|MAX_BYTES|GLOSSARY_KEY|AWS_ENDPOINT_URL_S3|AWS_REGION|POWERTOOLS_\w+)$/;
  expect([...read].filter((name) => ours.test(name))).toEqual([]);

  const bucket = await s3.createBucket();
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    OUTPUT_PREFIX: 'summaries/',
    ERROR_PREFIX: 'rejects/',
    POWERTOOLS_SERVICE_NAME: 'solieu-test',
    POWERTOOLS_METRICS_NAMESPACE: 'SolieuTest',
  });
  const eTag = await putObject(s3.client, bucket, KEY, SAMPLE);
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    return true;
  });
  try {
    await handler(s3Event({ bucket, key: KEY, eTag, sequencer: nextSequencer() }), lambdaContext('req-123'));
  } finally {
    write.mockRestore();
  }
  expect(await headObject(s3.client, bucket, `summaries/${KEY}.json`)).toBeDefined();

  const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  const summarized = records.find((r) => r.message === 'summarized');
  expect(summarized).toMatchObject({ level: 'INFO', service: 'solieu-test', bucket, key: KEY, etag: eTag, function_request_id: 'req-123' });
  const emf = records.find((r) => r._aws !== undefined) as { _aws: { CloudWatchMetrics: Array<{ Namespace: string; Metrics: Array<{ Name: string }> }> } } & Record<string, unknown>;
  expect(emf._aws.CloudWatchMetrics[0]!.Namespace).toBe('SolieuTest');
  expect(emf._aws.CloudWatchMetrics[0]!.Metrics.map((m) => m.Name).sort()).toEqual(['ArticlesProcessed', 'FiguresFound', 'UntranslatedTerms']);
  expect(emf.ArticlesProcessed).toBe(1);
});
