/**
 * The pipeline: bytes -> decode/normalize -> article -> sentences -> words -> numbers -> figures
 * -> English -> summary. Pure: no I/O, no environment.
 */
import { parseArticle } from './article';
import { decodeBytes, normalizeText } from './decode';
import { extractFigures, type ArticleState } from './figures';
import type { Glossary } from './glossary';
import { termKey } from './keys';
import type { Language } from './language';
import { renderMarkdown, summaryBullets } from './render';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';
import { SCHEMA_VERSION, type Figure, type NumberMention, type Sentence, type SummaryDocument, type UntranslatedTerm } from './types';
import { segmentWords, segmenterFor } from './words';

export interface EngineOptions {
  /** Glossary to translate with (the built-in one, possibly merged with a user's). */
  glossary: Glossary;
  /** Language tables. */
  language: Language;
  /** File name or object key, recorded in the document. */
  source?: string;
}

/** Summarizes one article given as bytes (any accepted encoding) or as text. */
export function summarizeWith(input: Uint8Array | string, options: EngineOptions): SummaryDocument {
  const { glossary, language } = options;
  const text = normalizeText(typeof input === 'string' ? input.normalize('NFC') : decodeBytes(input));
  const { article, lines } = parseArticle(text);
  const segmenter = segmenterFor(language, glossary);
  const sentences: Sentence[] = [];
  const numbers: NumberMention[] = [];
  const figures: Figure[] = [];
  const untranslated = new Map<string, UntranslatedTerm>();
  const state: ArticleState = { tableUnit: null, lastCurrency: null };
  lines.forEach((line, lineIndex) => {
    const tokens = tokenize(text, line.start, line.end, language.abbreviations);
    const following = lines[lineIndex + 1];
    const nextLine = following ? text.slice(following.start, following.end) : undefined;
    for (const [a, b] of splitSentences(tokens)) {
      const first = tokens[a]!;
      const last = tokens[b - 1]!;
      const index = sentences.length;
      sentences.push({ index, text: text.slice(first.start, last.end), start: first.start, end: last.end, paragraph: line.paragraph });
      const words = segmentWords(tokens.slice(a, b), segmenter, text);
      const found = extractFigures(words, { lang: language, glossary, text, sentence: index, state, ...(nextLine !== undefined ? { nextLine } : {}) });
      numbers.push(...found.numbers);
      figures.push(...found.figures);
      for (const vi of found.untranslated) {
        const key = termKey(vi);
        const u = untranslated.get(key);
        if (u) u.count++;
        else untranslated.set(key, { vi, count: 1, sentence: index });
      }
    }
  });
  const untranslatedList = [...untranslated.values()].sort((x, y) => y.count - x.count || x.sentence - y.sentence);
  const base = {
    schemaVersion: SCHEMA_VERSION,
    source: options.source ?? null,
    text,
    article,
    sentences,
    numbers,
    figures,
    untranslated: untranslatedList,
  };
  const bullets = summaryBullets(figures);
  return { ...base, summary: { markdown: renderMarkdown(base, bullets), bullets } };
}
