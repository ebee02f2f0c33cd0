/**
 * `npm run bench`: the pipeline's speed and memory over the dev corpus (../shared/corpus/dev).
 * Skips cleanly when the corpus is absent.
 *
 * 1. In process: MB/s of `summarize` over the 40 articles (best of several rounds, after a warm-up).
 * 2. Through the CLI, on a 4 MB file made of the dev articles repeated:
 *    - wall time of `solieu summarize big.txt --format json` (median of 3 runs, output to /dev/null),
 *      against a bare Unicode-regex tokenizer run the same way over the same bytes (a fresh `node`);
 *      the bar is a ratio of at least 0.15;
 *    - peak RSS of the CLI run (GNU time's %M), bar 400 MB.
 *   npm run bench -- [--corpus DIR] [--rounds N]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from '../lambdas/core';

const root = resolve(import.meta.dirname ?? '.', '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus/dev') },
    rounds: { type: 'string', default: '5' },
  },
});
const corpus = values.corpus!;
if (!existsSync(corpus)) {
  console.log(`bench: skipped, no corpus at ${corpus} (it lives in ../shared, outside a user's clone)`);
  process.exit(0);
}
const files = readdirSync(corpus).filter((f) => f.endsWith('.txt')).sort();
const articles = files.map((f) => readFileSync(join(corpus, f)));
const bytes = articles.reduce((n, a) => n + a.length, 0);
const mb = (n: number) => n / 1e6;

// 1. In process.
summarize(articles[0]!);
let best = Number.POSITIVE_INFINITY;
for (let r = 0; r < Number(values.rounds); r++) {
  const t0 = process.hrtime.bigint();
  for (const a of articles) summarize(a);
  best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e9);
}
console.log(`in process: ${files.length} articles, ${mb(bytes).toFixed(2)} MB in ${(best * 1000).toFixed(0)} ms = ${(mb(bytes) / best).toFixed(1)} MB/s`);

// 2. Through the CLI on 4 MB.
const dir = mkdtempSync(join(tmpdir(), 'solieu-bench-'));
try {
  const parts: Buffer[] = [];
  let size = 0;
  while (size < 4 * 1024 * 1024) {
    for (const a of articles) {
      parts.push(a, Buffer.from('\n'));
      size += a.length + 1;
    }
  }
  const big = join(dir, 'big.txt');
  writeFileSync(big, Buffer.concat(parts));
  const tokenizer = join(dir, 'tokenizer.mjs');
  writeFileSync(
    tokenizer,
    `import { readFileSync } from 'node:fs';
const text = new TextDecoder().decode(readFileSync(process.argv[2]));
let n = 0;
const re = /[\\p{L}\\p{M}\\p{N}]+|[^\\s\\p{L}\\p{N}]/gu;
while (re.exec(text)) n++;
process.stdout.write(String(n));
`,
  );
  const gnuTime = existsSync('/usr/bin/time');
  const run = (args: string[]): { seconds: number; rssMb: number | null } => {
    const cmd = gnuTime ? '/usr/bin/time' : process.execPath;
    const argv = gnuTime ? ['-f', '%M', process.execPath, ...args] : args;
    const t0 = process.hrtime.bigint();
    const res = spawnSync(cmd, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (res.status !== 0) throw new Error(`${args.join(' ')} failed: ${res.stderr}`);
    const kb = gnuTime ? Number(res.stderr.trim().split('\n').pop()) : Number.NaN;
    return { seconds, rssMb: Number.isFinite(kb) ? kb / 1024 : null };
  };
  const median = (xs: number[]) => xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const cli = join(root, 'bin', 'solieu.mjs');
  run([cli, 'summarize', big, '--format', 'json']); // builds dist/ if needed, warms the disk cache
  // Interleaved, so that a busy moment of the machine weighs on both alike; medians of 5.
  const base: Array<ReturnType<typeof run>> = [];
  const ours: Array<ReturnType<typeof run>> = [];
  for (let r = 0; r < 5; r++) {
    base.push(run([tokenizer, big]));
    ours.push(run([cli, 'summarize', big, '--format', 'json']));
  }
  const baseS = median(base.map((r) => r.seconds));
  const oursS = median(ours.map((r) => r.seconds));
  const rss = Math.max(...ours.map((r) => r.rssMb ?? 0));
  const size4 = mb(size);
  const ratio = baseS / oursS;
  console.log(`regex tokenizer, fresh node: ${size4.toFixed(2)} MB in ${(baseS * 1000).toFixed(0)} ms = ${(size4 / baseS).toFixed(1)} MB/s`);
  console.log(`solieu CLI, --format json:    ${size4.toFixed(2)} MB in ${(oursS * 1000).toFixed(0)} ms = ${(size4 / oursS).toFixed(1)} MB/s`);
  console.log(`speed ratio ${ratio.toFixed(3)} (bar 0.15): ${ratio >= 0.15 ? 'PASS' : 'FAIL'}`);
  console.log(gnuTime ? `peak RSS ${rss.toFixed(0)} MB (bar 400 MB): ${rss <= 400 ? 'PASS' : 'FAIL'}` : 'peak RSS: /usr/bin/time not found, not measured');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
