/**
 * Language data, parsed: the tables of lambdas/data turned into lookup structures. The engine gets a
 * `Language` and never reads files itself.
 */
import type { Approx, FigureKind } from './types';
import { lowerKey, termKey } from './keys';

/** The raw texts of lambdas/data (see lambdas/data/README.md). */
export interface LanguageSources {
  /** `word<TAB>POS` lines; `#` lines are comments. */
  lexicon: string;
  numberWords: string;
  qualifiers: string;
  units: string;
  abbreviations: string;
  notNumbers: string;
  /** Lexicon words segmentation must not use. */
  lexiconDrop: string;
  /** Words to add to the lexicon. */
  lexiconAdd: string;
  uncountable: string;
  plurals: string;
  postpositive: string;
  contextWords: string;
}

export type NumberRole =
  | 'digit'
  | 'zero-tens'
  | 'unit-after-tens'
  | 'ten'
  | 'tens'
  | 'hundred'
  | 'scale'
  | 'half-after'
  | 'half'
  | 'pair';

export interface NumberWord {
  value: number;
  role: NumberRole;
}

export type UnitRole = 'currency' | 'percent' | 'measure' | 'time' | 'times' | 'container' | 'classifier';

export interface UnitInfo {
  kind: FigureKind | 'count';
  role: UnitRole;
}

export interface Qualifier {
  approx: Approx;
  /** Number of words of the qualifier. */
  words: number;
}

export interface Language {
  /** Word key → parts of speech ("N", "V", "A", "NV" ...; "X" unknown). */
  lexicon: ReadonlyMap<string, string>;
  numberWords: ReadonlyMap<string, NumberWord>;
  qualifiersBefore: ReadonlyMap<string, Qualifier>;
  qualifiersAfter: ReadonlyMap<string, Qualifier>;
  units: ReadonlyMap<string, UnitInfo>;
  /** First words of the units of several words ("mét" of "mét vuông"). */
  unitOpeners: ReadonlySet<string>;
  /** Largest number of words of a unit or qualifier. */
  maxUnitWords: number;
  maxQualifierWords: number;
  abbreviations: ReadonlySet<string>;
  /** Keys of words that begin with a number word and are not numbers. */
  notNumbers: ReadonlySet<string>;
  uncountable: ReadonlySet<string>;
  plurals: ReadonlyMap<string, string>;
  postpositive: ReadonlySet<string>;
  /** True when a multi-word key starts like a number ("ba tháng", "trăm năm") and is not a listed non-number. */
  opensWithNumber: (key: string) => boolean;
  /** Word key → its roles around numbers (see lambdas/data/context-words.csv). */
  roles: ReadonlyMap<string, ReadonlySet<ContextRole>>;
}

export type ContextRole =
  | 'label-id'
  | 'label-date'
  | 'label-year'
  | 'label-ordinal'
  | 'label-time'
  | 'date-lead'
  | 'stop'
  | 'adverb'
  | 'not-action'
  | 'determiner'
  | 'calendar'
  | 'animal'
  | 'change-to'
  | 'range'
  | 'honorific';

function dataLines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** Rows of a small CSV table without quoting, header dropped. */
function tableRows(text: string): string[][] {
  return dataLines(text)
    .slice(1)
    .map((l) => l.split(',').map((c) => c.trim()));
}

/**
 * Number words that make a dictionary word suspect when they open it ("ba tháng", "hai bên"): digits,
 * "mười", "nửa" and vague words always; scale words only before a unit or another number word
 * ("trăm năm", "nghìn tỷ"), so "tỷ lệ" and "triệu phú" stay words.
 */
const NUMBER_OPENERS = new Set(['digit', 'ten', 'half']);
const SCALE_OPENERS = new Set(['tens', 'hundred', 'scale']);
const VAGUE_OPENERS = ['vài', 'mấy', 'dăm'];

/** Parses the language tables. */
export function buildLanguage(src: LanguageSources): Language {
  const numberWords = new Map<string, NumberWord>();
  for (const [vi, value, role] of tableRows(src.numberWords)) {
    if (vi && value && role) numberWords.set(termKey(vi), { value: Number(value), role: role as NumberRole });
  }
  const qualifiersBefore = new Map<string, Qualifier>();
  const qualifiersAfter = new Map<string, Qualifier>();
  let maxQualifierWords = 1;
  for (const [vi, approx, position] of tableRows(src.qualifiers)) {
    if (!vi || !approx) continue;
    const key = termKey(vi);
    const words = key.split(' ').length;
    maxQualifierWords = Math.max(maxQualifierWords, words);
    (position === 'after' ? qualifiersAfter : qualifiersBefore).set(key, { approx: approx as Approx, words });
  }
  const units = new Map<string, UnitInfo>();
  let maxUnitWords = 1;
  for (const [vi, kind, role] of tableRows(src.units)) {
    if (!vi || !kind || !role) continue;
    const key = termKey(vi);
    maxUnitWords = Math.max(maxUnitWords, key.split(' ').length);
    units.set(key, { kind: kind as UnitInfo['kind'], role: role as UnitRole });
  }
  const notNumbers = new Set(dataLines(src.notNumbers).map(termKey));
  const openers = new Set<string>(VAGUE_OPENERS.map(termKey));
  const scaleOpeners = new Set<string>();
  for (const [key, w] of numberWords) {
    if (NUMBER_OPENERS.has(w.role)) openers.add(key);
    if (SCALE_OPENERS.has(w.role)) scaleOpeners.add(key);
  }
  /** True when a multi-word key starts like a number ("ba tháng", "trăm năm"), unless listed as a non-number. */
  const opensWithNumber = (key: string): boolean => {
    const space = key.indexOf(' ');
    if (space < 0) return false;
    const first = key.slice(0, space);
    const isOpener = openers.has(first);
    if (!isOpener && !scaleOpeners.has(first)) return false;
    if (notNumbers.has(key)) return false;
    if (isOpener) return true;
    const end = key.indexOf(' ', space + 1);
    const second = key.slice(space + 1, end < 0 ? undefined : end);
    return units.has(second) || numberWords.has(second);
  };
  const dropped = new Set(dataLines(src.lexiconDrop).map(termKey));
  const lexicon = new Map<string, string>();
  for (const line of dataLines(src.lexicon)) {
    const tab = line.indexOf('\t');
    const word = tab < 0 ? line : line.slice(0, tab);
    // The generated lexicon is NFC and lower case already.
    const key = lowerKey(word);
    if (dropped.has(key) || opensWithNumber(key)) continue;
    lexicon.set(key, tab < 0 ? 'X' : line.slice(tab + 1));
  }
  for (const key of notNumbers) if (!lexicon.has(key)) lexicon.set(key, 'X');
  for (const line of dataLines(src.lexiconAdd)) {
    const [word, pos] = line.split('\t');
    if (word && !lexicon.has(termKey(word))) lexicon.set(termKey(word), pos?.trim() || 'X');
  }
  const plurals = new Map<string, string>();
  for (const [singular, plural] of tableRows(src.plurals)) if (singular && plural) plurals.set(singular, plural);
  const roles = new Map<string, Set<ContextRole>>();
  for (const [vi, role] of tableRows(src.contextWords)) {
    if (!vi || !role) continue;
    const key = termKey(vi);
    let set = roles.get(key);
    if (!set) roles.set(key, (set = new Set()));
    set.add(role as ContextRole);
  }
  const unitOpeners = new Set<string>();
  for (const key of units.keys()) {
    const space = key.indexOf(' ');
    if (space > 0) unitOpeners.add(key.slice(0, space));
  }
  return {
    unitOpeners,
    opensWithNumber,
    roles,
    lexicon,
    numberWords,
    qualifiersBefore,
    qualifiersAfter,
    units,
    maxUnitWords,
    maxQualifierWords,
    abbreviations: new Set(dataLines(src.abbreviations)),
    notNumbers,
    uncountable: new Set(dataLines(src.uncountable).map((w) => w.toLowerCase())),
    plurals,
    postpositive: new Set(dataLines(src.postpositive).map((w) => w.toLowerCase())),
  };
}
