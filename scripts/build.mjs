#!/usr/bin/env node
// Bundles the command-line entry points with esbuild into dist/ (run by `npm run build`, `prepare` and
// bin/solieu.mjs when dist/ is missing). Language data loads the way the Lambda bundle loads it.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { packData } from './pack-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** esbuild loaders for language data; cdk/ uses the same map for the Lambda bundle. */
export const DATA_LOADERS = { '.csv': 'text', '.tsv': 'text', '.txt': 'text', '.gz': 'binary' };

const entries = [
  ['lambdas/cli/main.ts', 'dist/solieu.mjs'],
  ['lambdas/local/main.ts', 'dist/local.mjs'],
].filter(([src]) => existsSync(join(root, src)));

/** Bundles every entry point that exists. */
export async function buildAll({ quiet = false } = {}) {
  packData();
  for (const [src, out] of entries) {
    await build({
      entryPoints: [join(root, src)],
      outfile: join(root, out),
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'linked',
      loader: DATA_LOADERS,
      // Some dependencies are CommonJS and call require(); give the ESM bundle one.
      banner: { js: "import { createRequire as __solieuCreateRequire } from 'node:module'; const require = __solieuCreateRequire(import.meta.url);" },
      logLevel: quiet ? 'error' : 'warning',
    });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await buildAll({ quiet: process.argv.includes('--quiet') });
}
