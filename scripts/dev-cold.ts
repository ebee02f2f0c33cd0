// Debug aid: a cold summarize of a big file against warm repeats, and the data build on its own.
import { readFileSync } from 'node:fs';
import { summarize } from '../lambdas/core';
const bytes = readFileSync(process.argv[2]!);
const small = process.argv[3] ? readFileSync(process.argv[3]) : null;
if (small) {
  const t = performance.now();
  summarize(small);
  console.log(`small first ${(performance.now() - t).toFixed(0)} ms`);
}
for (let r = 0; r < 3; r++) {
  const t0 = performance.now();
  summarize(bytes);
  console.log(`big run ${r}: ${(performance.now() - t0).toFixed(0)} ms`);
}
