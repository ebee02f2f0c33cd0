/**
 * `npm run golden:update`: rewrites test/golden/*.expected.json from the engine's current output, so that
 * a deliberate change to the figures shows as a diff in review.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../lambdas/core';
import { goldenView } from '../test/golden/view';

const dir = join(import.meta.dirname ?? '.', '..', 'test', 'golden');
for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt')).sort()) {
  const doc = summarize(readFileSync(join(dir, file)), { source: file });
  const out = join(dir, file.replace(/\.txt$/, '.expected.json'));
  writeFileSync(out, `${JSON.stringify(goldenView(doc), null, 1)}\n`);
  console.log(`${out}: ${doc.figures.length} figures`);
}
