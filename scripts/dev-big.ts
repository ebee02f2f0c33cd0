// Debug aid: in-process summarize time on one big file (best of 5, after a warm-up).
import { readFileSync } from 'node:fs';
import { summarize } from '../lambdas/core';
const bytes = readFileSync(process.argv[2]!);
summarize(bytes);
let best = Infinity;
for (let r = 0; r < 5; r++) {
  const t0 = performance.now();
  summarize(bytes);
  best = Math.min(best, performance.now() - t0);
}
console.log(`summarize best ${best.toFixed(0)} ms`);
