import { readFileSync } from 'node:fs';
import { summarize } from '../lambdas/core';
const doc = summarize(readFileSync(process.argv[2]!));
for (const f of doc.figures) console.log(JSON.stringify([f.vi, f.value, f.valueMax, f.approx, f.kind, f.unit, f.en, f.action?.vi ?? null, f.action?.en ?? null]));
