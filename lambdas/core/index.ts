/** The engine's public surface: pure functions, no AWS, no filesystem, no environment. */
export { summarize, type SummarizeOptions } from './summarize';
export { decodeBytes, normalizeText } from './decode';
export { Glossary, buildGlossary, parseGlossaryCsv, type GlossaryEntry } from './glossary';
export { termKey } from './keys';
export * from './errors';
export * from './types';
