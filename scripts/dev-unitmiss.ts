// Debug aid: gold figures whose unit words our English lacks (the scorer's "unit" metric), per article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../lambdas/core';

const [dir, goldFile] = process.argv.slice(2) as [string, string];
const gold = JSON.parse(readFileSync(goldFile, 'utf8'));
for (const art of gold.articles) {
  const doc = summarize(readFileSync(join(dir, art.file)));
  const preds = doc.figures.slice();
  const used = new Set<number>();
  for (const g of art.figures) {
    const i = preds.findIndex((p, k) => !used.has(k) && Math.abs(p.value - g.value) <= 1e-9 * Math.max(1, Math.abs(g.value)));
    if (i < 0) continue;
    used.add(i);
    const p = preds[i]!;
    const hay = `${(p.unit ?? '').toLowerCase()} ${p.en.toLowerCase()}`;
    const ok = (g.unit_en as string[]).some((u) => (/[a-z]/i.test(u) ? new RegExp(`\\b${u.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(hay) : hay.includes(u.toLowerCase())));
    if (!ok) console.log(`${art.file}\t${g.vi}\t=> ${p.en} [${p.unit ?? ''}]\twant ${JSON.stringify(g.unit_en)}`);
  }
}
