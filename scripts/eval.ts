/**
 * `npm run eval`: scores the engine against the annotated dev corpus (../shared/corpus/dev/gold.json,
 * rules in ../shared/corpus/GUIDELINES.md) with the shared scorer, ../shared/tools/score.mjs.
 * Skips cleanly when ../shared is absent (a user's clone has no corpus).
 *   npm run eval -- [--corpus DIR] [--gold FILE] [--verbose]
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summarize } from '../lambdas/core';

const root = resolve(import.meta.dirname ?? '.', '..');
const { values } = parseArgs({
  options: {
    corpus: { type: 'string', default: resolve(root, '../shared/corpus/dev') },
    gold: { type: 'string' },
    scorer: { type: 'string', default: resolve(root, '../shared/tools/score.mjs') },
    verbose: { type: 'boolean', default: false },
  },
});
const corpus = values.corpus!;
const gold = values.gold ?? join(corpus, 'gold.json');
if (!existsSync(gold) || !existsSync(values.scorer!)) {
  console.log(`eval: skipped, no corpus at ${corpus} (it lives in ../shared, outside a user's clone)`);
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), 'solieu-eval-'));
try {
  const articles: Array<{ file: string }> = JSON.parse(readFileSync(gold, 'utf8')).articles;
  const started = process.hrtime.bigint();
  for (const { file } of articles) {
    try {
      const doc = summarize(readFileSync(join(corpus, file)), { source: file });
      writeFileSync(join(out, `${file}.json`), JSON.stringify(doc));
    } catch (error) {
      console.log(`${file}: engine error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const args = [values.scorer!, '--gold', gold, '--outputs', out, ...(values.verbose ? ['--verbose'] : [])];
  process.stdout.write(execFileSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 64 << 20 }));
  console.log(`eval: ${articles.length} articles summarized in ${ms.toFixed(0)} ms`);
} finally {
  rmSync(out, { recursive: true, force: true });
}
