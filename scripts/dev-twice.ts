// Debug aid: summarizes a big file twice after the sample, printing hrtime marks (µs) for profiles.
import { readFileSync } from 'node:fs';
import { summarize } from '../lambdas/core';
const bytes = readFileSync(process.argv[2]!);
summarize(readFileSync(process.argv[3]!));
const m1 = Number(process.hrtime.bigint() / 1000n);
summarize(bytes);
const m2 = Number(process.hrtime.bigint() / 1000n);
summarize(bytes);
console.log(JSON.stringify({ m1, m2 }));
