#!/usr/bin/env node
// The `solieu` command: runs the bundled CLI, building it first when dist/ is missing (a fresh clone
// where `npm ci` ran without scripts).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/solieu.mjs', import.meta.url));
if (!existsSync(bundle)) {
  const { buildAll } = await import('../scripts/build.mjs');
  await buildAll({ quiet: true });
}
const { main } = await import(pathToFileURL(bundle).href);
process.exitCode = await main(process.argv.slice(2));
