/**
 * The pipeline: bytes -> decode/normalize -> article -> sentences -> words -> numbers -> figures
 * -> English -> summary. Pure: no I/O, no environment.
 */
import { decodeBytes, normalizeText } from './decode';
import type { Glossary } from './glossary';
import { SCHEMA_VERSION, type SummaryDocument } from './types';

export interface SummarizeOptions {
  /** Glossary to translate with; the built-in one when absent. */
  glossary?: Glossary;
  /** File name or object key, recorded in the document. */
  source?: string;
}

/** Summarizes one article given as bytes (any accepted encoding) or as text. */
export function summarize(input: Uint8Array | string, options: SummarizeOptions = {}): SummaryDocument {
  const text = normalizeText(typeof input === 'string' ? input.normalize('NFC') : decodeBytes(input));
  return {
    schemaVersion: SCHEMA_VERSION,
    source: options.source ?? null,
    text,
    article: { dateline: null, outlet: null, title: null, paragraphs: [] },
    sentences: [],
    numbers: [],
    figures: [],
    summary: { markdown: '', bullets: [] },
    untranslated: [],
  };
}
