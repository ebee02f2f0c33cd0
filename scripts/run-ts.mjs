#!/usr/bin/env node
// Runs a TypeScript script that imports language data: bundles it with the same esbuild loaders as
// the CLI (scripts/build.mjs) into a temporary file, then imports it. Used by `npm run eval` and `npm run bench`.
//   node scripts/run-ts.mjs scripts/eval.ts [args...]
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATA_LOADERS } from './build.mjs';
import { packData } from './pack-data.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/run-ts.mjs <script.ts> [args...]');
  process.exit(2);
}
packData();
const dir = mkdtempSync(join(tmpdir(), 'solieu-run-'));
const outfile = join(dir, 'script.mjs');
await build({
  entryPoints: [resolve(entry)],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  loader: DATA_LOADERS,
  packages: 'external',
  // The script's own folder, not the temporary bundle's.
  define: { 'import.meta.dirname': JSON.stringify(dirname(resolve(entry))) },
  logLevel: 'error',
});
process.argv = [process.argv[0], resolve(entry), ...args];
try {
  await import(pathToFileURL(outfile).href);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
