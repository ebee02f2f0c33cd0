#!/usr/bin/env node
// Cold start of the Lambda bundle: bundles lambdas/handlers/s3-summarize.ts the way cdk/ does (esbuild,
// ESM, minified, SDK bundled, data loaders) and a baseline bundle that only creates an S3Client, then
// times module init (the `import` of the bundle) in fresh `node` processes and prints the medians, the
// ratio and the bundle sizes. Budget (issue 4): bundle <= 1 MB, init <= 1.5x the baseline.
//
//   npm run bench:coldstart [-- --runs N] [--check] [--json]
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { DATA_LOADERS } from './build.mjs';
import { packData } from './pack-data.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const MAX_BYTES = 1024 * 1024;
const MAX_RATIO = 1.5;

// Kept in step with cdk/summarizer-function.ts (NodejsFunction bundling). `charset: 'utf8'` keeps the
// Vietnamese language data as UTF-8; esbuild's default (ascii) escapes every non-ASCII character as \uXXXX,
// which makes the data files several times larger. The ascii size is printed too, for comparison.
const ESM_REQUIRE_BANNER =
  "import { createRequire as __solieuCreateRequire } from 'node:module'; const require = __solieuCreateRequire(import.meta.url);";
const bundling = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node24',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_BANNER },
  minify: true,
  charset: 'utf8',
  sourcemap: false,
  loader: DATA_LOADERS,
  logLevel: 'error',
  absWorkingDir: root,
};

/** The handler entry point CDK deploys. */
export const HANDLER_ENTRY = join(root, 'lambdas/handlers/s3-summarize.ts');

/** Bundles an entry point (default: the handler) to `outfile` as cdk/ does; returns the bundle's size. */
export async function bundleLikeCdk(outfile, { entry = HANDLER_ENTRY, charset = 'utf8' } = {}) {
  packData(); // the gzip packs of language data the bundle embeds, made fresh if a source changed
  await build({ ...bundling, charset, entryPoints: [entry], outfile, nodePaths: [join(root, 'node_modules')] });
  return statSync(outfile).size;
}

async function bench({ runs, check, json }) {
  const work = mkdtempSync(join(tmpdir(), 'solieu-bench-'));
  try {
    const baselineEntry = join(work, 'baseline.mjs');
    writeFileSync(baselineEntry, "import { S3Client } from '@aws-sdk/client-s3';\nconst client = new S3Client({});\nexport const handler = async () => client;\n");
    const bundles = {
      handler: { entry: HANDLER_ENTRY, out: join(work, 'handler/index.mjs') },
      baseline: { entry: baselineEntry, out: join(work, 'baseline/index.mjs') },
    };
    for (const b of Object.values(bundles)) await bundleLikeCdk(b.out, { entry: b.entry });
    const asciiOut = join(work, 'handler-ascii/index.mjs');
    await bundleLikeCdk(asciiOut, { charset: 'ascii' });

    // One fresh process per sample; handler and baseline alternate so drift hits both alike.
    const env = { ...process.env, AWS_REGION: 'us-east-1', AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };
    const probe = (file) =>
      Number(
        execFileSync(
          process.execPath,
          ['--input-type=module', '-e', `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); process.stdout.write(String(performance.now() - t));`],
          { env, encoding: 'utf8' },
        ),
      );
    probe(bundles.handler.out); // warm the file cache
    probe(bundles.baseline.out);
    const samples = { handler: [], baseline: [] };
    for (let i = 0; i < runs; i++) {
      samples.handler.push(probe(bundles.handler.out));
      samples.baseline.push(probe(bundles.baseline.out));
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const result = {
      runs,
      node: process.version,
      handler: { bytes: statSync(bundles.handler.out).size, asciiBytes: statSync(asciiOut).size, initMs: +median(samples.handler).toFixed(1) },
      baseline: { bytes: statSync(bundles.baseline.out).size, initMs: +median(samples.baseline).toFixed(1) },
    };
    result.ratio = +(result.handler.initMs / result.baseline.initMs).toFixed(2);
    result.ok = result.handler.bytes <= MAX_BYTES && result.ratio <= MAX_RATIO;

    if (json) console.log(JSON.stringify(result));
    else {
      const kb = (n) => `${(n / 1024).toFixed(0)} KiB`;
      console.log(`cold start (module init, median of ${runs} fresh node ${process.version} processes)`);
      console.log(`  handler bundle : ${kb(result.handler.bytes).padStart(9)}  init ${result.handler.initMs} ms   (budget ${kb(MAX_BYTES)})`);
      console.log(`  S3Client only  : ${kb(result.baseline.bytes).padStart(9)}  init ${result.baseline.initMs} ms`);
      console.log(`  (the handler bundle with esbuild's default charset=ascii would be ${kb(result.handler.asciiBytes)})`);
      console.log(`  ratio          : ${result.ratio}x   (budget ${MAX_RATIO}x)  ${result.ok ? 'OK' : 'OVER BUDGET'}`);
    }
    if (check && !result.ok) process.exitCode = 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { runs: { type: 'string', default: '21' }, check: { type: 'boolean' }, json: { type: 'boolean' } } });
  await bench({ runs: Number(values.runs), check: !!values.check, json: !!values.json });
}
