/** `npm start` and `npm start -- --serve`, run in-process: what a user sees. */
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { main } from '../../lambdas/local/main';

const PNG = readFileSync(new URL('../fixtures/red-pixel.png', import.meta.url));
const GOLD = JSON.parse(readFileSync(new URL('../fixtures/gold.json', import.meta.url), 'utf8')) as { articles: Array<{ figures: unknown[] }> };

/** Runs main, collecting what it writes to stdout and stderr. */
async function run(argv: string[], options: Parameters<typeof main>[1] = {}, onStdout?: (text: string) => void) {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    onStdout?.(out.join(''));
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    err.push(String(chunk));
    return true;
  });
  try {
    const code = await main(argv, options);
    return { code, stdout: out.join(''), stderr: err.join('') };
  } finally {
    vi.restoreAllMocks();
  }
}

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

it('npm start: uploads the sample, prints its English summary and the result keys', async () => {
  const { code, stdout, stderr } = await run([]);
  expect(code).toBe(0);
  expect(stderr).toMatch(/local S3 server at http:\/\/127\.0\.0\.1:\d+/);
  expect(stdout).toMatch(/== incoming\/cantho-2023-02\.txt: \d+ figures? ==/);
  expect(stdout).toContain('Result keys:\n  s3://solieu-local/results/incoming/cantho-2023-02.txt.json\n  s3://solieu-local/results/incoming/cantho-2023-02.txt.md\n');
});

it('[engine] npm start prints the sample\'s English figures', async () => {
  const { stdout } = await run([]);
  expect(stdout).toContain(`: ${GOLD.articles[0]!.figures.length} figures ==`);
  for (const figure of ['1,100', 'nearly 300', '2 kg']) expect(stdout).toContain(figure);
});

it('npm start -- FILE --json: summarizes the files given, JSON on stdout; a bad file is reported and fails the run', async () => {
  dir = mkdtempSync(join(tmpdir(), 'solieu-main-'));
  writeFileSync(join(dir, 'tin (1).txt'), 'Công an phát hiện hơn 600 vụ phạm tội.');
  writeFileSync(join(dir, 'ảnh.txt'), PNG);
  const { code, stdout } = await run(['--json', '--data', join(dir, 'data'), join(dir, 'tin (1).txt'), join(dir, 'ảnh.txt')]);
  expect(code).toBe(1);
  const lines = stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(lines[0]).toMatchObject({ key: 'incoming/tin (1).txt', result: 's3://solieu-local/results/incoming/tin (1).txt.json', document: { schemaVersion: 1 } });
  expect(lines[1]).toMatchObject({ key: 'incoming/ảnh.txt', report: { error: { code: 'BINARY_INPUT' } } });
});

it('npm start -- --serve: prints the endpoint and an upload command, and summarizes what any client uploads', async () => {
  let stop!: () => void;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  let uploaded = false;
  const done = run(['--serve'], { stop: stopped }, (text) => {
    const endpoint = /S3 endpoint: (http:\/\/127\.0\.0\.1:\d+)/.exec(text)?.[1];
    if (endpoint && !uploaded) {
      uploaded = true;
      // Any S3 client: here a separate SDK client, with the printed credentials.
      const client = new S3Client({ endpoint, forcePathStyle: true, region: 'us-east-1', credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
      void client.send(new PutObjectCommand({ Bucket: 'solieu-local', Key: 'incoming/article.txt', Body: 'Thu giữ hơn 2 kg ma túy.' }));
    }
    if (text.includes('summarized incoming/article.txt')) stop();
  });
  const { code, stdout } = await done;
  expect(code).toBe(0);
  expect(stdout).toMatch(/aws s3 cp article\.txt s3:\/\/solieu-local\/incoming\/article\.txt --endpoint-url http:\/\/127\.0\.0\.1:\d+/);
  expect(stdout).toContain('AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER');
  expect(stdout).toContain('summarized incoming/article.txt -> s3://solieu-local/results/incoming/article.txt.json');
}, 30_000);

it('rejects unknown options with usage', async () => {
  const { code, stderr } = await run(['--nope']);
  expect(code).toBe(2);
  expect(stderr).toContain('Usage: npm start');
});
