// Debug aid: times the phases of one summary (decode, segment + extract, JSON) on a file.
import { readFileSync } from 'node:fs';
import { summarize } from '../lambdas/core';
import { builtinGlossary, builtinLanguage } from '../lambdas/data';
const t0 = performance.now();
builtinLanguage();
builtinGlossary();
const t1 = performance.now();
const bytes = readFileSync(process.argv[2]!);
const t2 = performance.now();
const doc = summarize(bytes);
const t3 = performance.now();
const json = JSON.stringify(doc);
const t4 = performance.now();
console.log(`data ${(t1 - t0).toFixed(0)} ms, read ${(t2 - t1).toFixed(0)}, summarize ${(t3 - t2).toFixed(0)}, json ${(t4 - t3).toFixed(0)} (${(json.length / 1e6).toFixed(1)} MB)`);
