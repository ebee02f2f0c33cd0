/**
 * Sentences and words of a plain text, for callers that want segmentation without figures
 * (peer-toolkit comparisons, the gaps tool). Offsets index `text` as given (normalize it first).
 */
import type { Glossary } from './glossary';
import type { Language } from './language';
import { splitSentences } from './sentences';
import { tokenize } from './tokens';
import type { TextSpan } from './types';
import { segmentWords, segmenterFor } from './words';

/** The sentences of a text, line by line. */
export function sentenceSpans(text: string, language: Language): TextSpan[] {
  const out: TextSpan[] = [];
  const line = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = line.exec(text)) !== null) {
    const tokens = tokenize(text, m.index, m.index + m[0].length, language.abbreviations);
    for (const [a, b] of splitSentences(tokens)) {
      const start = tokens[a]!.start;
      const end = tokens[b - 1]!.end;
      out.push({ text: text.slice(start, end), start, end });
    }
  }
  return out;
}

/** The words of a text (longest match over the lexicon and glossary), sentence by sentence. */
export function wordSpans(text: string, language: Language, glossary: Glossary): TextSpan[][] {
  const segmenter = segmenterFor(language, glossary);
  return sentenceSpans(text, language).map((s) => {
    const tokens = tokenize(text, s.start, s.end, language.abbreviations);
    return segmentWords(tokens, segmenter, text).map((w) => ({ text: w.text, start: w.start, end: w.end }));
  });
}

/** The tokens (syllables, numbers, punctuation) of a text, without word grouping. */
export function tokenSpans(text: string, language: Language): TextSpan[] {
  const out: TextSpan[] = [];
  const line = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = line.exec(text)) !== null) {
    for (const t of tokenize(text, m.index, m.index + m[0].length, language.abbreviations)) out.push({ text: t.text, start: t.start, end: t.end });
  }
  return out;
}
