/**
 * The output contract: SummaryDocument, schema version 1 (published as schema/summary-document.schema.json).
 * Every `start`/`end` is a pair of UTF-16 code-unit offsets into `SummaryDocument.text`, the normalized text,
 * so `text.slice(start, end)` is exactly the Vietnamese the item quotes.
 */

export const SCHEMA_VERSION = 1 as const;

/** Kinds of numbers that are figures. */
export type FigureKind = 'count' | 'money' | 'quantity' | 'percent' | 'ratio' | 'duration';
/** Kinds of numbers that are never figures. `article` is "một" used as "a". */
export type OtherKind = 'date' | 'time' | 'year' | 'ordinal' | 'identifier' | 'age' | 'article' | 'other';
export type NumberKind = FigureKind | OtherKind;

/** How a figure's value relates to the true amount. */
export type Approx =
  | 'exact'
  | 'more_than'
  | 'less_than'
  | 'nearly'
  | 'about'
  | 'at_least'
  | 'at_most'
  | 'range'
  | 'multiples';

/** A stretch of the normalized text. */
export interface Span {
  start: number;
  end: number;
}

/** A quoted stretch with its text. */
export interface TextSpan extends Span {
  text: string;
}

export interface Article {
  /** From the optional header line (" date 2023-02 (PLO)- ..."), else null. */
  dateline: string | null;
  /** The outlet named in the header, else null. */
  outlet: string | null;
  /** The headline, when the first line reads as one; else null. */
  title: TextSpan | null;
  /** Body paragraphs (the title excluded), in order. */
  paragraphs: Span[];
}

export interface Sentence extends TextSpan {
  index: number;
  /** Index into article.paragraphs, or -1 for the title. */
  paragraph: number;
}

/** Every number the engine read, figure or not. */
export interface NumberMention extends TextSpan {
  value: number;
  /** Upper end of a range, when the number is one. */
  valueMax?: number;
  kind: NumberKind;
  /** Index into sentences. */
  sentence: number;
}

/** A Vietnamese term of a figure and its English (null when the glossary has none). */
export interface Term extends Span {
  vi: string;
  en: string | null;
}

/** A key figure: a quantity that measures something in the article. */
export interface Figure extends Span {
  /** The Vietnamese span: qualifier + number + unit or counted noun phrase, as written. */
  vi: string;
  value: number;
  valueMax?: number;
  approx: Approx;
  kind: FigureKind;
  /** English unit of measure ("kg", "VND per tael", "%", "years"); null for plain counts. */
  unit: string | null;
  /** The qualifier as written ("hơn", "trở lên"), if any. */
  qualifier: Term | null;
  /** What is counted or measured ("vụ việc" = "cases"), if stated. */
  thing: Term | null;
  /** The action the figure belongs to ("triệt phá" = "broke up"), if stated right before it. */
  action: Term | null;
  /** English rendering: "more than 1,100 cases". */
  en: string;
  /** Index into sentences. */
  sentence: number;
}

/** One line of the English summary: the figures of one sentence. */
export interface SummaryBullet {
  sentence: number;
  /** English: each figure with its action, joined by "; ". */
  text: string;
  /** Indexes into figures. */
  figures: number[];
}

/** A Vietnamese term with no glossary entry, and how often it came up. */
export interface UntranslatedTerm {
  vi: string;
  count: number;
  /** Index of the first sentence where it came up. */
  sentence: number;
}

export interface SummaryDocument {
  schemaVersion: typeof SCHEMA_VERSION;
  /** File name or object key the text came from, if known. */
  source: string | null;
  /** The normalized text (NFC, LF line ends, entities decoded) that every offset indexes. */
  text: string;
  article: Article;
  sentences: Sentence[];
  numbers: NumberMention[];
  figures: Figure[];
  summary: {
    markdown: string;
    bullets: SummaryBullet[];
  };
  untranslated: UntranslatedTerm[];
}
