/**
 * The engine's public surface. `summarize` uses the built-in language data and glossary;
 * `summarizeWith` takes them as arguments. No AWS, no filesystem, no environment.
 */
import { builtinGlossary, builtinLanguage } from '../data';
import type { Glossary } from './glossary';
import { sentenceSpans, tokenSpans, wordSpans } from './segment';
import { summarizeWith } from './summarize';
import type { SummaryDocument, TextSpan } from './types';

export interface SummarizeOptions {
  /** Glossary to translate with; the built-in one when absent (merge a user's with `glossary.merge`). */
  glossary?: Glossary;
  /** File name or object key, recorded in the document. */
  source?: string;
}

/** Summarizes one article (bytes in any accepted encoding, or text) with the built-in data. */
export function summarize(input: Uint8Array | string, options: SummarizeOptions = {}): SummaryDocument {
  return summarizeWith(input, {
    glossary: options.glossary ?? builtinGlossary(),
    language: builtinLanguage(),
    ...(options.source !== undefined ? { source: options.source } : {}),
  });
}

/** Sentences of normalized text, with offsets. */
export function sentencesOf(text: string): TextSpan[] {
  return sentenceSpans(text, builtinLanguage());
}

/** Words of normalized text, sentence by sentence (longest match over lexicon and glossary). */
export function wordsOf(text: string, glossary: Glossary = builtinGlossary()): TextSpan[][] {
  return wordSpans(text, builtinLanguage(), glossary);
}

/** Tokens (syllables, numbers, punctuation) of normalized text. */
export function tokensOf(text: string): TextSpan[] {
  return tokenSpans(text, builtinLanguage());
}

export { summarizeWith, type EngineOptions } from './summarize';
export { decodeBytes, normalizeText } from './decode';
export { Glossary, buildGlossary, parseGlossaryCsv, type GlossaryEntry } from './glossary';
export { termKey } from './keys';
export { renderMarkdown } from './render';
export * from './errors';
export * from './types';
