// vitest globalSetup: makes the gzipped language data packs the engine imports (scripts/pack-data.mjs).
// @ts-expect-error -- a plain ES module script without type declarations
import { packData } from '../../scripts/pack-data.mjs';

export default function setup(): void {
  (packData as () => string[])();
}
