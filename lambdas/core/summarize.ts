/**
 * The pipeline: bytes -> decode/normalize -> article -> sentences -> words -> numbers -> figures
 * -> English -> summary. Pure: no I/O, no environment.
 */
import { parseArticle } from './article';
import { decodeBytes, normalizeText } from './decode';
import { extractFigures, type ArticleState } from './figures';
import type { Glossary } from './glossary';
import { keyText, termKey } from './keys';
import type { Language } from './language';
import { renderMarkdown, summaryBullets } from './render';
import { splitSentences } from './sentences';
import { tokenize, type Token } from './tokens';
import { SCHEMA_VERSION, type Figure, type NumberMention, type Sentence, type SummaryDocument, type UntranslatedTerm } from './types';
import { segmentWords, segmenterFor } from './words';

/** Words that open a number without being number words: "hàng trăm", "gấp đôi", "âm 5". */
const VAGUE = new Set(['hàng', 'vài', 'nhiều', 'cả', 'mấy', 'dăm'].map(termKey));
const GAP = termKey('gấp');
const AM = termKey('âm');
const MOT = termKey('một');
const KHONG = termKey('không');
/** Number words that only continue a number ("hai mươi tư", "một trăm linh năm"). */
const CONTINUATIONS = new Set(['tư', 'linh', 'lẻ', 'mốt', 'lăm', 'nhăm', 'mươi', 'rưỡi'].map(termKey));

/**
 * True when tokens [a, b) may hold a number: digits, a number word that can start one, a vague scale
 * ("hàng trăm"), or a short line with a bracket that may name a table's unit ("Giá cũ (đồng/lít)").
 * A cheap look at the next token rules out the commonest non-numbers ("không" = not, "một" = a).
 */
function mayHoldNumber(tokens: readonly Token[], a: number, b: number, language: Language): boolean {
  const isNumberWord = (t: Token | undefined) => t !== undefined && (t.type === 'num' || language.numberWords.has(t.key));
  for (let i = a; i < b; i++) {
    const t = tokens[i]!;
    if (t.type === 'num') return true;
    if (t.type === 'punct') {
      if (t.text === '(' && b - a <= 10) return true;
      continue;
    }
    if (t.type !== 'word') continue;
    const next = i + 1 < b ? tokens[i + 1] : undefined;
    if (VAGUE.has(t.key) || t.key === GAP || t.key === AM) {
      if (isNumberWord(next) || (next && next.key.startsWith(`${GAP} `))) return true;
      continue;
    }
    if (!language.numberWords.has(t.key) || CONTINUATIONS.has(t.key)) continue;
    if (t.key === KHONG) {
      if (b - a <= 2 || isNumberWord(next)) return true;
      continue;
    }
    if (t.key === MOT) {
      // "một" counts before a time unit, in "một nửa", next to another number ("một, hai"), or alone.
      if (b - a <= 2 || !next || next.text === ',' || isNumberWord(next) || language.units.get(next.key)?.role === 'time') return true;
      continue;
    }
    return true;
  }
  return false;
}

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
  const keys = keyText(text);
  const sentences: Sentence[] = [];
  const numbers: NumberMention[] = [];
  const figures: Figure[] = [];
  const untranslated = new Map<string, UntranslatedTerm>();
  const state: ArticleState = { tableUnit: null, lastCurrency: null, stocks: /cổ phiếu|chứng khoán/i.test(text) };
  lines.forEach((line, lineIndex) => {
    const tokens = tokenize(text, line.start, line.end, language.abbreviations, keys);
    const following = lines[lineIndex + 1];
    // Only table rows (a line that is just a number) look at the next line: slice it only for short lines.
    const nextLine = following && line.end - line.start <= 24 ? text.slice(following.start, Math.min(following.end, following.start + 80)) : undefined;
    for (const [a, b] of splitSentences(tokens)) {
      const first = tokens[a]!;
      const last = tokens[b - 1]!;
      const index = sentences.length;
      sentences.push({ index, text: text.slice(first.start, last.end), start: first.start, end: last.end, paragraph: line.paragraph });
      // Most sentences hold no number at all: skip segmenting them.
      if (!mayHoldNumber(tokens, a, b, language)) {
        // Still list the numbers that need no reading: dates, times, codes, and "một" as the article.
        for (let i = a; i < b; i++) {
          const t = tokens[i]!;
          if (t.key === MOT) numbers.push({ text: t.text, value: 1, kind: 'article', start: t.start, end: t.end, sentence: index });
          else if (t.type === 'date' || t.type === 'time' || t.type === 'code') {
            const lead = /^\d+/.exec(t.text);
            if (lead) numbers.push({ text: t.text, value: Number(lead[0]), kind: t.type === 'code' ? 'identifier' : t.type, start: t.start, end: t.end, sentence: index });
          }
        }
        continue;
      }
      const words = segmentWords(tokens, segmenter, text, a, b, keys);
      const found = extractFigures(words, { lang: language, glossary, text, sentence: index, state, nextLine });
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
