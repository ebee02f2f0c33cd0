import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';

/**
 * Loads language data the way esbuild's loaders do in the CLI and Lambda bundles:
 * `.csv`, `.tsv` and `.txt` as text, `.gz` as bytes (see scripts/build.mjs and cdk/summarizer-function.ts).
 */
function dataFiles(): Plugin {
  return {
    name: 'solieu-data-files',
    enforce: 'pre',
    load(id) {
      const file = id.split('?')[0] ?? id;
      if (/\.(csv|tsv|txt)$/.test(file)) {
        return `export default ${JSON.stringify(readFileSync(file, 'utf8'))};`;
      }
      if (file.endsWith('.gz')) {
        const b64 = readFileSync(file).toString('base64');
        return `export default Uint8Array.from(Buffer.from(${JSON.stringify(b64)}, 'base64'));`;
      }
      return null;
    },
  };
}

export default defineConfig({
  plugins: [dataFiles()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Language data packs (lambdas/data/pack) are made before any test imports them.
    globalSetup: ['test/setup/pack-data.ts'],
  },
});
