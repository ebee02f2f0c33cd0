import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { summarize } from '../lambdas/core';
const dir = '/work/shared/corpus/dev';
const arts = readdirSync(dir).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(dir, f)));
summarize(arts[0]!);
const t0 = performance.now();
for (let r = 0; r < 20; r++) for (const a of arts) summarize(a);
console.log(((performance.now() - t0) / 20).toFixed(1), 'ms per round');
