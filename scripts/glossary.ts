/**
 * Glossary maintenance: `npx tsx scripts/glossary.ts check` loads every built-in file with the same
 * loader the engine uses (so it fails on the same errors) and checks each file is sorted;
 * `... sort` rewrites the files sorted by term key. Run it after editing lambdas/data/glossary.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGlossary, parseGlossaryCsv } from '../lambdas/core/glossary';

const dir = join(import.meta.dirname, '..', 'lambdas', 'data', 'glossary');
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
const command = process.argv[2] ?? 'check';

/** CSV cell, quoted when it must be. */
const cell = (s: string): string => (/[",]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

if (command === 'sort') {
  for (const f of files) {
    const path = join(dir, f);
    const entries = parseGlossaryCsv(readFileSync(path, 'utf8'), f);
    entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    writeFileSync(path, ['vi,en', ...entries.map((e) => `${cell(e.vi)},${cell(e.en)}`)].join('\n') + '\n');
  }
}
const glossary = buildGlossary(files.map((f) => ({ source: f, text: readFileSync(join(dir, f), 'utf8') })));
let unsorted = 0;
for (const f of files) {
  const keys = parseGlossaryCsv(readFileSync(join(dir, f), 'utf8'), f).map((e) => e.key);
  const at = keys.findIndex((k, i) => i > 0 && (keys[i - 1] ?? '') > k);
  if (at > 0) {
    unsorted++;
    console.error(`${f}: not sorted at data row ${at + 1} ("${keys[at]}"); run: npx tsx scripts/glossary.ts sort`);
  }
}
console.log(`${glossary.size} terms in ${files.length} files${unsorted ? `, ${unsorted} unsorted` : ''}`);
process.exit(unsorted ? 1 : 0);
