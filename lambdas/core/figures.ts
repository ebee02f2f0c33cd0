/**
 * From words to numbers and figures. For each number the reader asks, in order:
 * is it a date, a year, a time, an age, an ordinal or an identifier (by its form and the words around
 * it)? If not, what qualifies it (hơn, gần, khoảng …), is it a range, what unit follows (currency,
 * measure, time, %, times), what does it count, and which verb does it belong to? Each answer comes
 * from the language tables in lambdas/data; this file holds only the order of the questions.
 */
import { formatScaled, formatNumber, joinList, multiplesPhrase, QUALIFIER_EN } from './english';
import type { Glossary } from './glossary';
import { termKey } from './keys';
import type { ContextRole, Language, UnitInfo } from './language';
import { readNumber, scaleBy, type ReadNumber } from './numbers';
import { isVerbEnglish, renderNounPhrase, readNounPhrase, type NounPhrase } from './phrases';
import type { Approx, Figure, FigureKind, NumberKind, NumberMention, Term } from './types';
import type { Word } from './words';

/** What one sentence yields. */
export interface SentenceFigures {
  numbers: NumberMention[];
  figures: Figure[];
  /** Vietnamese terms the glossary lacked, in order of appearance. */
  untranslated: string[];
}

/** State shared across the sentences of one article. */
export interface ArticleState {
  /** The article is about shares ("cổ phiếu"): a ticker after a number counts shares ("12.760 BBT"). */
  stocks?: boolean;
  /** Unit named by a table header line such as "Giá cũ (đồng/lít)". */
  tableUnit: UnitSpec | null;
  /** Currency of the last money figure, for "15,5 triệu" with the currency left out. */
  lastCurrency: UnitSpec | null;
}

export interface ExtractContext {
  lang: Language;
  /** The start (up to 80 characters) of the next line, given for short lines only: tables put a code's unit on the line below it. */
  nextLine?: string;
  glossary: Glossary;
  /** The normalized article text. */
  text: string;
  sentence: number;
  state: ArticleState;
}

/** A resolved unit: what follows a number. */
export interface UnitSpec {
  kind: FigureKind;
  role: UnitInfo['role'] | 'none';
  /** Unit words as written ("đồng/lượng"). */
  vi: string;
  /** English unit, singular ("VND per tael", "kg", "year"). */
  en: string;
  /** English "per …" part, if any. */
  per: string | null;
  /** Word index range of the unit (and its per part). */
  first: number;
  last: number;
  key: string;
}

const K = {
  tu: termKey('từ'),
  tro: termKey('trở'),
  tuoi: termKey('tuổi'),
  gio: termKey('giờ'),
  phut: termKey('phút'),
  mot: termKey('một'),
  ca: termKey('cả'),
  hang: termKey('hàng'),
  vai: termKey('vài'),
  may: termKey('mấy'),
  dam: termKey('dăm'),
  am: termKey('âm'),
  gap: termKey('gấp'),
  lan: termKey('lần'),
  moi: termKey('mỗi'),
  so: termKey('số'),
  nam: termKey('năm'),
  khong: termKey('không'),
  ruoi: termKey('rưỡi'),
  tu4: termKey('tư'),
  doi: termKey('đôi'),
  muc: termKey('mức'),
  oMuc: termKey('ở mức'),
  dat: termKey('đạt'),
  la: termKey('là'),
  tu_: termKey('tù'),
  tuGiam: termKey('tù giam'),
  tuTreo: termKey('tù treo'),
  anTreo: termKey('án treo'),
  tuChungThan: termKey('tù chung thân'),
  tuHinh: termKey('tử hình'),
  choHuong: termKey('cho hưởng'),
  richter: termKey('richter'),
  do: termKey('độ'),
  kem: termKey('kém'),
  hon: termKey('hơn'),
  giua: termKey('giữa'),
  va: termKey('và'),
  hoac: termKey('hoặc'),
  hay: termKey('hay'),
} as const;

/** "4pm", "9 am". */
const AM_PM = new Set(['am', 'pm', 'a.m.', 'p.m.']);
/** Words after which a day and month read as a date even without "ngày". */
const TIME_OF_DAY = new Set(['sáng', 'chiều', 'tối', 'trưa', 'đêm', 'khuya', 'ngày', 'hôm'].map(termKey));
/** Words that make "X giờ" a clock time ("lúc 10 giờ", "Đúng 10 giờ"). */
const CLOCK_CUES = new Set(['lúc', 'đúng', 'vào', 'vào lúc', 'từ', 'đến', 'tới', 'trước', 'sau'].map(termKey));
/** Words that make "X giờ" a length of time rather than a clock time. */
const DURATION_CUES = new Set(['trong', 'mất', 'kéo dài', 'suốt', 'vòng', 'hết', 'trong vòng'].map(termKey));
/** Words that make a bare year-like number a year even when a noun follows ("năm 2005 tăng"). */
const YEAR_FORMS = /^(?:19|20)\d\d$/;
/** Relative-time words after "năm" that make it the noun "year" ("năm nay", "năm qua"). */
const YEAR_RELATIVE = new Set(['nay', 'qua', 'trước', 'sau', 'tới', 'ngoái', 'kia', 'đó', 'ấy', 'này', 'học', 'xưa', 'nào', 'mới', 'tài', 'sinh'].map(termKey));
/** Number words whose reading as a number needs a countable word after them. */
const AMBIGUOUS_WORDS = new Set(['một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'bẩy', 'tám', 'chín', 'mười', 'không', 'nửa', 'tư', 'đôi', 'lẻ', 'linh', 'mươi', 'lăm', 'nhăm', 'mốt', 'rưỡi', 'vạn', 'chục'].map(termKey));
const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '«']);
const MULTIPLE_OPENERS = new Map<string, 'many' | 'few'>([
  [K.hang, 'many'],
  [termKey('nhiều'), 'many'],
  [K.ca, 'many'],
  [K.vai, 'few'],
  [K.may, 'few'],
  [K.dam, 'few'],
]);

function hasRole(lang: Language, w: Word | undefined, role: ContextRole): boolean {
  return w !== undefined && (lang.roles.get(w.key)?.has(role) ?? false);
}

function isTitleWord(w: Word | undefined): boolean {
  if (!w || w.type !== 'word') return false;
  const c = w.text.charAt(0);
  return c !== c.toLowerCase();
}

const ACRONYM = /^\p{Lu}[\p{Lu}\d]+$/u;
function isAcronym(w: Word | undefined): boolean {
  return !!w && w.type === 'word' && w.cap === 2 && w.text.length >= 2 && ACRONYM.test(w.text);
}

/** The core of a number with how it was written. */
interface Core extends ReadNumber {
  /** Vague scale ("hàng trăm"): the scales named and how vague. */
  multiples?: { scales: number[]; vague: 'many' | 'few' };
  /** "cả hai / cả bốn + noun": all N. */
  all?: boolean;
  /** Product of the scale words the number ends with ("200 triệu" → 1e6), for the other end of a range. */
  tail: number;
}

export function extractFigures(words: readonly Word[], ctx: ExtractContext): SentenceFigures {
  const out: SentenceFigures = { numbers: [], figures: [], untranslated: [] };
  const { lang } = ctx;
  /** Index of the first word not yet consumed by an earlier number. */
  let consumed = 0;
  const lineIsNumber = words.length <= 2 && words.length > 0 && words[0]!.type === 'num';

  // A short header line that names a unit in brackets, "Giá cũ (đồng/lít)", sets the unit of the table below it.
  if (words.length <= 8) {
    const open = words.findIndex((w) => w.text === '(');
    if (open >= 0) {
      const unit = readUnit(words, open + 1, ctx);
      if (unit && words[unit.last]?.text === ')') ctx.state.tableUnit = unit;
    }
  }

  const mention = (first: number, last: number, value: number, kind: NumberKind, valueMax?: number): void => {
    const a = words[first]!;
    const b = words[last - 1]!;
    const m: NumberMention = { text: ctx.text.slice(a.start, b.end), value, kind, start: a.start, end: b.end, sentence: ctx.sentence };
    if (valueMax !== undefined) m.valueMax = valueMax;
    out.numbers.push(m);
  };

  // Whether the sentence holds a number besides "một" (then a "một" may stand in a list of counts).
  const hasOtherNumber = words.some((w) => w.type === 'num' || (w.key !== K.mot && lang.numberWords.get(w.key)?.role === 'digit'));
  let i = 0;
  while (i < words.length) {
    const w = words[i]!;
    if (w.type === 'url') {
      i++;
      continue;
    }
    if (w.type === 'date' || w.type === 'time' || w.type === 'code') {
      const lead = /^\d+/.exec(w.text);
      if (lead) mention(i, i + 1, Number(lead[0]), w.type === 'code' ? 'identifier' : w.type);
      i++;
      continue;
    }
    // Most words cannot start a number: skip them before any reading.
    if (w.type === 'word' ? !lang.numberWords.has(w.key) && !STARTERS.has(w.key) && !w.key.startsWith(GAP_SPACE) : w.type === 'punct' && !SIGN_OR_MARK.has(w.text)) {
      i++;
      continue;
    }
    const special = readRatio(words, i, ctx, out);
    if (special > i) {
      consumed = special;
      i = special;
      continue;
    }
    // "một" before a noun, with no other number in the sentence, is the article: the commonest case.
    if (w.key === K.mot && !hasOtherNumber && !mayCountOne(words, i, lang)) {
      mention(i, i + 1, 1, 'article');
      i++;
      continue;
    }
    // "không" is "not" unless a number continues it ("không trăm") or it stands alone.
    if (w.key === K.khong && words.length > 2 && lang.numberWords.get(words[i + 1]?.key ?? '')?.role !== 'hundred') {
      i++;
      continue;
    }
    const core = readCore(words, i, ctx);
    if (!core) {
      i++;
      continue;
    }
    const end = analyze(core, words, ctx, out, mention, consumed, lineIsNumber);
    consumed = Math.max(end, core.last);
    i = consumed;
  }
  return out;
}

/** Words other than number words that may start a number: vague scales, "gấp", "âm", currency codes. */
const STARTERS = new Set([...['hàng', 'nhiều', 'cả', 'vài', 'mấy', 'dăm', 'gấp', 'âm'].map(termKey), 'usd', 'eur', 'vnd', 'gbp', 'inr', 'aed', 'jpy', 'cny', 'sgd', 'rs', 'rs.', 'vn']);
/** Punctuation that may start a number: a minus sign, a decimal comma (",77"), a currency symbol. */
const SIGN_OR_MARK = new Set(['-', ',', '$', '€', '£', '¥']);

/** Adjectives of a comparison: "cao hơn 30.000 đồng so với" is the difference. */
const COMPARATIVES_OF_DIFFERENCE = new Set(['cao', 'thấp', 'đắt', 'rẻ', 'lớn', 'nhỏ', 'nhiều', 'ít', 'nhanh', 'chậm', 'dài', 'ngắn', 'nặng', 'nhẹ', 'sớm', 'muộn', 'trễ'].map(termKey));

function soVoiFollows(words: readonly Word[], from: number): boolean {
  for (let k = from; k < words.length && k < from + 8; k++) if (words[k]!.key === SO_VOI || (words[k]!.key === termKey('so') && words[k + 1]?.key === termKey('với'))) return true;
  return false;
}

/** "một" that may count: before a time unit, "nửa", "rưỡi", a comma ("một, hai"), or alone. */
function mayCountOne(words: readonly Word[], i: number, lang: Language): boolean {
  const next = words[i + 1];
  if (!next || words.length <= 2) return true;
  if (next.text === ',' || lang.numberWords.has(next.key)) return true;
  const role = lang.units.get(next.key)?.role;
  return role === 'time' || (role !== undefined && role !== 'classifier' && role !== 'container');
}

/** Comparison words before "gấp": "tăng gấp đôi", "cao gấp ba". */
const COMPARATIVES = new Set(['tăng', 'cao', 'lớn', 'nhiều', 'hơn', 'là', 'bằng', 'đã', 'sẽ', 'lên', 'gần', 'tới', 'đến', 'xấp xỉ'].map(termKey));
const SO_VOI = termKey('so với');
const GAP_SPACE = `${termKey('gấp')} `;

/**
 * Ratios written without a plain number: "gấp đôi" (2), "gấp rưỡi" (1.5), "gấp ba" after a comparison
 * ("tăng gấp ba"; "tờ tiền gấp đôi" is a folded note), and fractions of a whole: "1/3 số người".
 * Returns the index after the figure, or `i` when there is none.
 */
function readRatio(words: readonly Word[], i: number, ctx: ExtractContext, out: SentenceFigures): number {
  const { lang } = ctx;
  const w = words[i]!;
  // "gấp đôi" may be one dictionary word or two.
  const joined = w.key.startsWith(GAP_SPACE) ? w.key.slice(GAP_SPACE.length) : null;
  if ((w.key === K.gap && words[i + 1]) || (joined && !joined.includes(' '))) {
    const prev = words[i - 1];
    const numberKey = joined ?? words[i + 1]!.key;
    const nw = lang.numberWords.get(numberKey);
    const value = numberKey === K.doi ? 2 : numberKey === K.ruoi ? 1.5 : nw?.role === 'digit' && nw.value >= 2 ? nw.value : numberKey === K.tu4 ? 4 : 0;
    if (!value) return i;
    const numberAt = joined ? i : i + 1;
    const after = words[numberAt + 1];
    const withLan = after?.key === K.lan;
    const cued = withLan || after?.key === SO_VOI || (prev !== undefined && COMPARATIVES.has(prev.key));
    if (!cued) return i;
    const last = withLan ? numberAt + 2 : numberAt + 1;
    pushSimpleFigure(words, i, last, value, 'ratio', `${formatNumber(value)} times`, 'times', ctx, out);
    return last;
  }
  // "1/3 số người", "28/31 tỉnh": a fraction of a whole (not a day and month).
  if (w.type === 'num' && words[i + 1]?.text === '/' && words[i + 2]?.type === 'num' && !w.spacedAfter && !words[i + 1]!.spacedAfter) {
    const a = Number(w.text);
    const b = Number(words[i + 2]!.text);
    const value = a / b;
    if (!/^\d+$/.test(w.text) || !/^\d+$/.test(words[i + 2]!.text) || !Number.isFinite(value) || value <= 0 || value >= 1) return i;
    const ofWhole = words[i + 3]?.key === K.so;
    const notDate = a > 31 || b > 12;
    const prevWord = words[i - 1];
    if (!ofWhole && !(notDate && countableAt(words, i + 3, ctx) && !(prevWord && (hasRole(lang, prevWord, 'label-id') || hasRole(lang, prevWord, 'label-date'))))) return i;
    const np = readNounPhrase(words, ofWhole ? i + 4 : i + 3, ctx);
    const thing = np ? renderNounPhrase(np, words, ctx, true, out) : null;
    const last = np ? np.last : i + 4;
    pushSimpleFigure(words, i, last, value, 'ratio', `${w.text}/${words[i + 2]!.text}${thing ? ` of ${thing.en}` : ''}`, null, ctx, out);
    return last;
  }
  return i;
}

function pushSimpleFigure(
  words: readonly Word[], first: number, last: number, value: number, kind: FigureKind, en: string, unit: string | null,
  ctx: ExtractContext, out: SentenceFigures,
): void {
  const a = words[first]!;
  const b = words[last - 1]!;
  out.numbers.push({ text: ctx.text.slice(a.start, b.end), value, kind, start: a.start, end: b.end, sentence: ctx.sentence });
  out.figures.push({
    vi: ctx.text.slice(a.start, b.end), value, approx: 'exact', kind, unit, qualifier: null, thing: null,
    action: findAction(words, first, ctx, out), en,
    sentence: ctx.sentence, start: a.start, end: b.end,
  });
}

/** Reads the number (if any) that starts at words[i], with vague scales and signs. */
function readCore(words: readonly Word[], i: number, ctx: ExtractContext): Core | null {
  const { lang } = ctx;
  const w = words[i];
  if (!w) return null;
  // Vague scales: "hàng trăm", "hàng chục nghìn", "vài trăm", "cả tỷ".
  const vague = MULTIPLE_OPENERS.get(w.key);
  if (vague) {
    const scales: number[] = [];
    let j = i + 1;
    for (; j < words.length; j++) {
      const nw = lang.numberWords.get(words[j]!.key);
      if (!nw || !(nw.role === 'scale' || nw.role === 'hundred' || (nw.role === 'tens' && words[j]!.key === termKey('chục')))) break;
      scales.push(nw.value);
    }
    if (scales.length > 0) {
      const value = scales.reduce((a, b) => a * b, 1);
      const scale = scales.slice(1).reduce((a, b) => a * b, 1);
      return { value, first: i, last: j, scale: 1, digits: false, numberWords: scales.length, multiples: { scales, vague }, tail: scale };
    }
    if (w.key === K.ca) {
      // "cả hai dự án", "cả 2": all N.
      const inner = readCore(words, i + 1, ctx);
      if (inner && !inner.multiples) return { ...inner, first: i, all: true };
    }
    return null;
  }
  // Signs: "âm 1.200.000", "-1200000", "- 1.200.000" (a whole line).
  if ((w.key === K.am || w.text === '-') && words[i + 1]) {
    const prev = words[i - 1];
    const afterNumber = prev && (prev.type === 'num' || lang.numberWords.has(prev.key));
    const inner = !afterNumber ? readCore(words, i + 1, ctx) : null;
    if (inner && !inner.multiples && (w.key === K.am || (inner.digits && (i === 0 || !w.spacedAfter)))) {
      if (w.text === '-' && w.spacedAfter && !(i === 0 && inner.last === words.length)) return null;
      return { ...inner, value: -inner.value, first: i };
    }
    return null;
  }
  // ",77": a decimal written without its zero.
  if (w.text === ',' && !w.spacedAfter && words[i + 1]?.type === 'num' && (i === 0 || words[i - 1]!.spacedAfter || words[i - 1]!.text === '-')) {
    const frac = words[i + 1]!.text;
    if (/^\d+$/.test(frac)) {
      const inner = readNumber(words, i + 1, lang);
      if (inner) {
        const base = Number(`0.${frac}`);
        const value = inner.value === Number(frac) ? base : scaleBy(base, inner.value / Number(frac));
        return { ...inner, value, first: i, tail: 1 };
      }
    }
  }
  if (w.type !== 'num' && !(w.type === 'word' && lang.numberWords.has(w.key))) return null;
  const n = readNumber(words, i, lang);
  if (!n) return null;
  if (!n.digits && !acceptNumberWords(n, words, ctx)) return null;
  return { ...n, tail: tailScale(words, n, lang) };
}

function tailScale(words: readonly Word[], n: ReadNumber, lang: Language): number {
  let product = 1;
  for (let k = n.last - 1; k > n.first; k--) {
    const nw = lang.numberWords.get(words[k]!.key);
    if (!nw || nw.role !== 'scale') break;
    product *= nw.value;
  }
  return product;
}

/** Decides whether number words are a number here ("năm người") or something else ("năm nay", "Ba Đình"). */
function acceptNumberWords(n: ReadNumber, words: readonly Word[], ctx: ExtractContext): boolean {
  const { lang } = ctx;
  const first = words[n.first]!;
  const next = words[n.last];
  const wholeLine = n.first === 0 && (n.last === words.length || (n.last === words.length - 1 && /^[.!?]$/.test(words[n.last]!.text)));
  if (wholeLine) return true;
  if (n.numberWords > 1 && !AMBIGUOUS_WORDS.has(words[n.last - 1]!.key)) {
    // "hai trăm", "ba mươi", "mười hai": unambiguous once two number words agree.
    return !(first.key === K.khong && words[n.first + 1]?.key !== termKey('trăm'));
  }
  if (first.key === K.khong || first.key === K.tu4 || first.key === K.doi) return false;
  // A capitalized number word inside a sentence before another capitalized word is a name ("Mười Tường").
  const prev = words[n.first - 1];
  if (isTitleWord(first) && prev && !OPEN_QUOTES.has(prev.text) && prev.text !== ':' && isTitleWord(next)) return false;
  if (!next) return false;
  if (first.key === K.nam && (next.type === 'num' || YEAR_RELATIVE.has(next.key))) return false;
  if (n.numberWords > 1) return countableAt(words, n.last, ctx) || hasUnitAt(words, n.last, ctx);
  if (!AMBIGUOUS_WORDS.has(first.key)) {
    // A scale word alone ("trăm", "tỷ") is a number only after a qualifier: "hơn trăm xe".
    return prev !== undefined && ctx.lang.qualifiersBefore.has(prev.key);
  }
  // "ba, bốn xe", "một hai người": a number word next to another is a range the caller reads.
  if (next.text === ',' || lang.numberWords.get(next.key)?.role === 'digit') {
    const after = next.text === ',' ? words[n.last + 1] : next;
    if (after && lang.numberWords.get(after.key)?.role === 'digit') return true;
  }
  return countableAt(words, n.last, ctx) || hasUnitAt(words, n.last, ctx);
}

function hasUnitAt(words: readonly Word[], k: number, ctx: ExtractContext): boolean {
  return unitLookup(words, k, ctx.lang) !== null || words[k]?.text === '%';
}

/** A word that can be counted: a noun, a name, an acronym, a glossary term, an opening quote. */
function countableAt(words: readonly Word[], k: number, ctx: ExtractContext): boolean {
  const w = words[k];
  if (!w) return false;
  if (w.type === 'word' && OPEN_QUOTES.has(w.text)) return true;
  if (w.type === 'punct') return OPEN_QUOTES.has(w.text);
  if (w.type !== 'word') return false;
  const { lang } = ctx;
  if (hasRole(lang, w, 'stop') && !ctx.glossary.getByKey(w.key)) return false;
  if (lang.numberWords.has(w.key)) return false;
  if (w.pos === 'NP' || isAcronym(w)) return true;
  if (w.pos.includes('N') || w.pos.includes('G')) return true;
  if (ctx.glossary.getByKey(w.key) && !/^[VA]/.test(w.pos)) return true;
  return w.pos === '' && !ctx.lang.roles.has(w.key);
}

/** The longest unit at words[k]: currency, measure, time, %, times, container or classifier. */
function unitLookup(words: readonly Word[], k: number, lang: Language): { info: UnitInfo; key: string; last: number } | null {
  const w = words[k];
  if (!w) return null;
  const own = lang.units.get(w.key);
  let best: { info: UnitInfo; key: string; last: number } | null = own ? { info: own, key: w.key, last: k + 1 } : null;
  // Units of several words ("mét vuông", "đô la mỹ") start with a word that opens one.
  if (!lang.unitOpeners.has(w.key)) return best;
  let key = w.key;
  for (let j = k + 1; j < words.length && j < k + lang.maxUnitWords; j++) {
    key = `${key} ${words[j]!.key}`;
    const info = lang.units.get(key);
    if (info) best = { info, key, last: j + 1 };
  }
  return best;
}

function englishOf(ctx: ExtractContext, key: string, fallback: string, out?: SentenceFigures): string {
  const entry = ctx.glossary.getByKey(key);
  if (entry) return entry.en;
  out?.untranslated.push(fallback);
  return fallback;
}

/**
 * Reads the unit after a number at words[k]: "%", "đồng", "đồng/lượng", "USD/m2/tháng", "kg",
 * "(đồng)/xe", "đồng mỗi tháng". Containers and classifiers are units too (count kind).
 */
function readUnit(words: readonly Word[], k: number, ctx: ExtractContext, out?: SentenceFigures): UnitSpec | null {
  const { lang } = ctx;
  let start = k;
  let paren = false;
  if (words[k]?.text === '(' && words[k + 1]) {
    const inner = unitLookup(words, k + 1, lang);
    if (inner && inner.info.role === 'currency' && words[inner.last]?.text === ')') {
      paren = true;
      start = k + 1;
    }
  }
  const found = unitLookup(words, start, lang);
  if (!found) return null;
  const { info, key } = found;
  let last = found.last + (paren ? 1 : 0);
  const kind: FigureKind = info.kind === 'count' ? (info.role === 'times' ? 'count' : 'count') : info.kind;
  let en = englishOf(ctx, key, words.slice(start, found.last).map((w) => w.text).join(' '), out);
  const perParts: string[] = [];
  // Per parts: "/lượng", "/m2/tháng", "/người"; "mỗi tháng", "một tháng" after money or a measure.
  for (;;) {
    const slash = words[last];
    if (slash?.text === '/' && words[last + 1]) {
      const perUnit = unitLookup(words, last + 1, lang);
      if (perUnit) {
        perParts.push(englishOf(ctx, perUnit.key, words.slice(last + 1, perUnit.last).map((w) => w.text).join(' '), out));
        last = perUnit.last;
        continue;
      }
      const noun = words[last + 1]!;
      if (noun.type === 'word' && !lang.numberWords.has(noun.key)) {
        perParts.push(englishOf(ctx, noun.key, noun.text, out));
        last += 2;
        continue;
      }
    }
    if ((slash?.key === K.moi || slash?.key === K.mot) && (kind === 'money' || kind === 'quantity' || kind === 'percent') && words[last + 1]) {
      const perUnit = unitLookup(words, last + 1, lang);
      if (perUnit && perUnit.info.role === 'time') {
        perParts.push(englishOf(ctx, perUnit.key, words[last + 1]!.text, out));
        last = perUnit.last;
        continue;
      }
    }
    break;
  }
  if (info.role === 'percent') en = '%';
  const per = perParts.length ? perParts.map((p) => `per ${p}`).join(' ') : null;
  return {
    kind,
    role: info.role,
    vi: ctx.text.slice(words[k]!.start, words[last - 1]!.end),
    en,
    per,
    first: k,
    last,
    key,
  };
}

/** The longest qualifier that ends right before words[k]. */
function qualifierBefore(words: readonly Word[], k: number, ctx: ExtractContext): { approx: Approx; first: number } | null {
  const { lang } = ctx;
  let key = '';
  let best: { approx: Approx; first: number } | null = null;
  for (let j = k - 1; j >= 0 && j >= k - lang.maxQualifierWords; j--) {
    key = j === k - 1 ? words[j]!.key : `${words[j]!.key} ${key}`;
    const q = lang.qualifiersBefore.get(key);
    if (q) best = { approx: q.approx, first: j };
  }
  return best;
}

function qualifierAfter(words: readonly Word[], k: number, ctx: ExtractContext): { approx: Approx; last: number } | null {
  const { lang } = ctx;
  let key = '';
  let best: { approx: Approx; last: number } | null = null;
  for (let j = k; j < words.length && j < k + lang.maxQualifierWords; j++) {
    key = j === k ? words[j]!.key : `${key} ${words[j]!.key}`;
    const q = lang.qualifiersAfter.get(key);
    // "hơn" after a number qualifies it only at the end of the phrase: before another number or a noun it
    // is the next figure's ("… làm chết hơn 1.000 người").
    const next = words[j + 1];
    const opensNext = next !== undefined && (next.type === 'num' || ctx.lang.numberWords.has(next.key) || countableAt(words, j + 1, ctx));
    if (q && !(key === K.hon && opensNext)) best = { approx: q.approx, last: j + 1 };
  }
  return best;
}

/** Day and month "29-4", "12/6", "24.10"; returns the index after the month, or -1. */
function dayMonthEnd(words: readonly Word[], core: Core): number {
  const d = words[core.first]!;
  if (d.type !== 'num') return -1;
  const dotted = /^(\d{1,2})\.(\d{1,2})$/.exec(d.text);
  if (dotted) {
    const day = Number(dotted[1]);
    const month = Number(dotted[2]);
    return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? core.first + 1 : -1;
  }
  if (!/^\d{1,2}$/.test(d.text)) return -1;
  const sep = words[core.first + 1];
  const m = words[core.first + 2];
  if (!sep || !m || (sep.text !== '-' && sep.text !== '/' && sep.text !== '.') || m.type !== 'num' || !/^\d{1,2}$/.test(m.text)) return -1;
  if (!d.spacedAfter !== !sep.spacedAfter) return -1;
  const day = Number(d.text);
  const month = Number(m.text);
  return day >= 1 && day <= 31 && month >= 1 && month <= 12 ? core.first + 3 : -1;
}

interface Mention {
  (first: number, last: number, value: number, kind: NumberKind, valueMax?: number): void;
}

/**
 * Classifies one number and, if it is a figure, builds it. Returns the index of the first word after
 * everything consumed.
 */
function analyze(
  core: Core,
  words: readonly Word[],
  ctx: ExtractContext,
  out: SentenceFigures,
  mention: Mention,
  consumed: number,
  lineIsNumber: boolean,
): number {
  const { lang } = ctx;
  const prev = core.first > consumed ? words[core.first - 1] : undefined;
  const next = words[core.last];

  // 1. Dates, years, times, ages, ordinals, identifiers.
  const firstWord = words[core.first]!;
  if (firstWord.type === 'num' && core.last === core.first + 1) {
    // Row numbers glued to a word ("4Chiếc", "2áo len") are table artifacts: text puts a space before
    // a counted noun; only units are written against the digits ("50.000đ", "2kg", "100K").
    const glued = !firstWord.spacedAfter && next?.type === 'word' && !isGluedUnit(next, ctx);
    // "02", "014": a leading zero makes a code.
    const zero = /^0\d+$/.test(firstWord.text);
    // A table cell with only a number, whose unit word sits alone on the next line, is a code ("15" / "Chiếc").
    const codeAboveUnit = lineIsNumber && ctx.nextLine !== undefined && isLoneUnitLine(ctx.nextLine, ctx);
    // A small whole number alone on a line, above a line of text, numbers a table row.
    const rowNumber =
      lineIsNumber && /^\d{1,2}$/.test(firstWord.text) && ctx.nextLine !== undefined && /^\p{L}/u.test(ctx.nextLine.trim()) && !isLoneUnitLine(ctx.nextLine, ctx);
    if (glued || zero || codeAboveUnit || rowNumber) {
      mention(core.first, core.last, core.value, 'identifier');
      return core.last + (glued ? 1 : 0);
    }
  }
  const dm = dayMonthEnd(words, core);
  if (dm > 0) {
    const after = dm < words.length ? dm : -1;
    const unitAfter = after > 0 && (hasUnitAt(words, after, ctx) || countableAt(words, after, ctx));
    if (hasRole(lang, prev, 'date-lead') || hasRole(lang, prev, 'label-date') || !unitAfter || words[core.first]!.text.includes('.')) {
      // "ngày 3 và 4-10": the month follows a second day.
      mention(core.first, dm, core.value, 'date');
      return dm;
    }
  }
  if (core.digits && !core.multiples && YEAR_FORMS.test(words[core.first]!.text) && core.last === core.first + 1) {
    const sep = words[core.last];
    const other = sep && (sep.text === '-' || sep.text === '–') ? words[core.last + 1] : undefined;
    const isRange = other?.type === 'num' && YEAR_FORMS.test(other.text);
    if (hasRole(lang, prev, 'label-year') || isRange || !(countableAt(words, core.last, ctx) || hasUnitAt(words, core.last, ctx))) {
      mention(core.first, isRange ? core.last + 2 : core.last, core.value, 'year', isRange ? Number(other!.text) : undefined);
      return isRange ? core.last + 2 : core.last;
    }
  }
  // Clock times: "lúc 1 giờ 30 chiều", "3 giờ rưỡi chiều", "11 giờ kém 15", "4pm".
  if (next && (AM_PM.has(next.key) || (next.key === K.gio && isClockTime(core, words, ctx, prev)))) {
    let last = core.last + 1;
    if (words[last]?.key === K.ruoi) last++;
    else if (words[last]?.key === K.kem && words[last + 1]?.type === 'num') last += 2;
    else if (words[last]?.type === 'num') {
      last++;
      if (words[last]?.key === K.phut) last++;
    }
    if (words[last] && TIME_OF_DAY.has(words[last]!.key)) last++;
    mention(core.first, core.last, core.value, 'time');
    return last;
  }
  // Currencies written before the amount: "$10", "USD1,23", "EUR 20", "Rs. 20", "VN$1000".
  const prefix = currencyBefore(words, core.first, consumed, ctx);
  // "mỗi lần 50-100 viên": "each time", not a label.
  const each = words[core.first - 2]?.key === K.moi;
  if (prev && !core.multiples && !prefix && !each) {
    const label = labelKind(prev, core, words, ctx);
    if (label) {
      let last = core.last;
      // "lần 2, 3", "ngày 3 và 4": a list of labels.
      while ((words[last]?.text === ',' || words[last]?.key === K.va) && words[last + 1]?.type === 'num' && !hasUnitAt(words, last + 2, ctx) && !countableAt(words, last + 2, ctx)) {
        last += 2;
      }
      mention(core.first, last, core.value, label);
      return last;
    }
  }
  // House numbers: "16 Trần Phú", "36B ấp Ánh Sáng", "11 ngõ Thái Học".
  if (core.digits && core.last === core.first + 1 && next && isAddress(words, core)) {
    mention(core.first, core.last, core.value, 'identifier');
    return core.last;
  }
  if (next?.key === K.tuoi || (next && lang.units.get(next.key)?.role === 'time' && words[core.last + 1]?.key === K.tuoi && !sentenceHasAnimal(words, ctx))) {
    const last = next.key === K.tuoi ? core.last + 1 : core.last + 2;
    mention(core.first, core.last, core.value, 'age');
    return last;
  }
  // Fixed expressions: magnitudes ("4,8 độ Richter").
  if (next && next.key === K.do && words[core.last + 1]?.key === K.richter) {
    mention(core.first, core.last, core.value, 'other');
    return core.last + 2;
  }

  // 2. A figure candidate: qualifier, range, unit, counted thing.
  const numberFirst = prefix ? prefix.first : core.first;
  let spanFirst = numberFirst;
  let approx: Approx = core.multiples ? 'multiples' : 'exact';
  let qualifier: Term | null = null;
  let from = false;
  let between = false;
  const before = words[numberFirst - 1];
  if ((before?.key === K.tu || before?.key === K.giua) && numberFirst - 1 >= consumed) {
    from = before.key === K.tu;
    between = before.key === K.giua;
    spanFirst = numberFirst - 1;
  }
  const q = qualifierBefore(words, from || between ? numberFirst - 1 : numberFirst, ctx);
  if (q && q.first >= consumed && !core.multiples) {
    // "cao hơn 3 USD/ounce so với …" states a difference: its amount, exact.
    approx = words[q.first]!.key === K.hon && COMPARATIVES_OF_DIFFERENCE.has(words[q.first - 1]?.key ?? '') && soVoiFollows(words, core.last) ? 'exact' : q.approx;
    qualifier = term(words, q.first, from || between ? numberFirst - 1 : numberFirst, ctx);
    spanFirst = q.first;
  }
  const gap = words[spanFirst - 1]?.key === K.gap || words[core.first - 1]?.key === K.gap;

  let unit = readUnit(words, core.last, ctx, out) ?? (prefix ? prefix.unit : null);
  let value = core.value;
  let valueMax: number | undefined;
  let last = unit && unit.first >= core.last ? unit.last : core.last;
  /** The scale English names for the figure ("from 13 million to 13.1 million"). */
  let scale = core.scale;
  // "7 năm rưỡi", "một tháng rưỡi": half a unit more.
  if (unit && words[last]?.key === K.ruoi) {
    value += 0.5;
    last++;
  }
  let rangeWord: string | null = null;

  // Ranges: "10-15 người", "từ 10 đến 15", "35.000-45.000 đồng", "30,4% đến 32,8%", "ba, bốn xe".
  const conn = words[last];
  let changeTo = false;
  if (conn && !core.multiples) {
    const isRangeWord = hasRole(lang, conn, 'range') || (between && conn.key === K.va);
    const isChange = from && hasRole(lang, conn, 'change-to');
    const isComma = conn.text === ',' && !core.digits && !unit;
    const adjacentWord = !core.digits && !unit && lang.numberWords.get(conn.key)?.role === 'digit';
    if (isRangeWord || isChange || isComma || adjacentWord) {
      let at = adjacentWord ? last : last + 1;
      // "từ một tháng đến dưới ba tháng": the upper end may carry its own qualifier.
      const q2 = isRangeWord && words[at] ? lang.qualifiersBefore.get(words[at]!.key) : undefined;
      if (q2 && q2.words === 1 && words[at + 1]) at++;
      // "từ $1,42 đến $2": the upper end may repeat a currency symbol; "VND1000-VND2000".
      if (prefix && words[at] && words[at]!.key === prefix.unit.key && words[at + 1]?.type === 'num') at++;
      const second = words[at] ? readCore(words, at, ctx) : null;
      if (second && !second.multiples) {
        const unit2 = readUnit(words, second.last, ctx);
        if (unit2 && words[unit2.last]?.key === K.ruoi) {
          second.value += 0.5;
          unit2.last++;
        }
        const sameUnit = !unit || !unit2 || unit.key === unit2.key;
        let low = value;
        if (!unit && core.tail === 1 && second.tail > 1 && low < second.value / second.tail * 10) low = scaleBy(low, second.tail);
        if (isChange && sameUnit) {
          // "từ 7.500 lên 8.000 đồng/lít": two figures; the first borrows the unit of the second.
          changeTo = true;
          if (!unit && unit2) {
            unit = { ...unit2, first: core.last, last: core.last };
            value = low;
          } else if (unit && unit2 && !unit.per && unit2.per) {
            // "từ 7.300 đồng lên 7.800 đồng/lít": the old price is per litre too.
            unit = { ...unit, per: unit2.per };
          }
        } else if (sameUnit && (isRangeWord || isComma || adjacentWord)) {
          const ordered = second.value > low;
          const byWord = conn.key === K.hoac || conn.key === K.hay;
          if (between) approx = 'range';
          const consecutive = (isComma || adjacentWord) && second.value === value + 1;
          const dashOrTo = isRangeWord && !byWord && (ordered || gap);
          if (byWord || consecutive || dashOrTo) {
            value = low;
            valueMax = second.value;
            scale = Math.max(scale, second.scale);
            approx = approx === 'exact' || approx === 'about' ? 'range' : approx;
            if (approx !== 'range' && q) approx = 'range';
            rangeWord = byWord || consecutive ? 'or' : 'to';
            unit = unit2 ?? unit;
            last = unit2 ? unit2.last : second.last;
          }
        }
      } else if (from && (conn.key === termKey('đến') || conn.key === termKey('tới')) && words[last + 1]) {
        // "từ 12 năm đến tù chung thân": a range with no numeric upper end reads "at least".
        const tail = words[last + 1]!.key;
        if (tail === K.tuChungThan || tail === K.tu_ || tail === K.tuHinh) approx = 'at_least';
      }
    }
  }

  // Cents after a whole amount: "2 đô la và 23 xen", "hai đô 23", "1 đô la và bốn mươi hai xen".
  if (unit?.role === 'currency' && valueMax === undefined && !isCentUnit(unit.key, ctx)) {
    let at = last;
    if (words[at]?.key === K.va) at++;
    const cents = words[at] ? readCore(words, at, ctx) : null;
    if (cents && !cents.multiples && cents.value > 0 && cents.value < 100 && Number.isInteger(cents.value)) {
      const centWord = words[cents.last];
      const centUnit = centWord ? lang.units.get(centWord.key) : undefined;
      const hasCentWord = !!centWord && centUnit?.role === 'currency' && isCentUnit(centWord.key, ctx);
      const ends = !centWord || /^[.!?;,)]$/.test(centWord.text);
      if (hasCentWord || (ends && at === last)) {
        value = Number((value + cents.value / 100).toFixed(2));
        last = hasCentWord ? cents.last + 1 : cents.last;
      }
    }
  }
  // "16 - 23 tuổi": ages.
  if (words[last]?.key === K.tuoi && !unit) {
    mention(core.first, last, value, 'age', valueMax);
    return last + 1;
  }
  // "Nghị định 60 và 61 ngày 05/7/1994": a time unit followed by a date is a date's label
  // ("hai tháng 8 và 9" is two months: a number word counts them).
  if (unit?.role === 'time' && core.digits && words[unit.last] && (words[unit.last]!.type === 'date' || words[unit.last]!.type === 'num') && valueMax === undefined && unit.key !== K.nam) {
    mention(core.first, core.last, value, 'other');
    return core.last;
  }
  // Units inherited: "15,5 triệu" (currency of the sentence), a table cell, "ở mức 240,24".
  let countedNp: NounPhrase | null | undefined;
  if (!unit && !changeTo) {
    countedNp = readNounPhrase(words, last, ctx, !core.digits);
    if (!countedNp) {
      const inherited = inheritUnit(core, words, ctx, prev, lineIsNumber, out);
      if (inherited) unit = { ...inherited, first: last, last };
    }
  }

  // After the unit: calendar periods.
  if (unit?.role === 'time') {
    const after = words[last];
    if (after && hasRole(lang, after, 'calendar') && (words[last + 1]?.key === K.nam || unit.key === K.nam || words[last + 1] === undefined || words[last + 1]!.type === 'num')) {
      mention(core.first, unit.last, value, 'date');
      return last + 1;
    }
  }

  // The counted thing.
  let np: NounPhrase | null = null;
  let kind: FigureKind;
  let prison: string | null = null;
  if (unit) {
    kind = unit.kind;
    if (unit.role === 'times') kind = gap || !Number.isInteger(value) ? 'ratio' : 'count';
    if (unit.role === 'time') {
      const after = words[last];
      if (after && after.key === K.tuTreo) {
        prison = 'suspended';
        last++;
      } else if (after && (after.key === K.tu_ || after.key === K.tuGiam)) {
        prison = 'in prison';
        last++;
        if (words[last]?.key === K.choHuong && words[last + 1]?.key === K.anTreo) {
          prison = 'suspended';
          last += 2;
        }
      } else if (after?.key === K.anTreo) {
        prison = 'suspended';
        last++;
      } else if (after?.key === K.tuoi) {
        // "hai tháng tuổi" of poultry: an age that is a duration.
        prison = 'old';
        last++;
      }
    }
    if (qualifierAfter(words, last, ctx)) {
      // "hai tháng tuổi trở lên": the qualifier follows; no counted thing.
    } else if (unit.per) {
      // "30 con/kg": a rate names both of its parts already.
    } else if (unit.role === 'container' || unit.role === 'classifier' || unit.role === 'measure' || unit.role === 'time') {
      np = readNounPhrase(words, last, ctx, true, unit.role === 'time');
    } else if (unit.role === 'percent' && words[last]?.key === K.so) {
      np = readNounPhrase(words, last + 1, ctx);
    }
  } else {
    np = countedNp !== undefined ? countedNp : readNounPhrase(words, last, ctx, !core.digits);
    kind = 'count';
    // "5 trên tổng số 8 cửa", "3 trong số 5 bị cáo": a part of a counted whole counts the same thing.
    if (!np) np = partOfWhole(words, core.last, ctx);
    if (!np) {
      // A bare number: not a figure.
      mention(core.first, core.last, value, 'other', valueMax);
      return core.last;
    }
  }
  if (np && !np.borrowed) last = np.last;
  const after = valueMax === undefined ? qualifierAfter(words, last, ctx) : null;
  if (after) {
    approx = after.approx;
    qualifier = term(words, last, after.last, ctx);
    last = after.last;
  } else if (from && approx === 'exact' && !changeTo && valueMax === undefined && words[last]?.key === K.tro) {
    approx = 'at_least';
  }

  // "một" is the article "a" unless it measures time, is "một nửa", or stands in a list of counts.
  if (!core.digits && core.numberWords === 1 && words[core.first]!.key === K.mot && valueMax === undefined && !core.all) {
    const isTime = unit?.role === 'time';
    const inList = listNeighbour(words, spanFirst, last, ctx);
    if (!isTime && !inList) {
      mention(core.first, core.last, 1, 'article');
      return core.last;
    }
  }

  const figureKind: FigureKind = kind;
  mention(core.first, valueMax !== undefined ? (unit && unit.first > core.last ? unit.first : last) : core.last, value, figureKind, valueMax);
  // Fix the mention's end for ranges: it covers both numbers.
  const lastMention = out.numbers[out.numbers.length - 1]!;
  if (valueMax !== undefined) {
    const endWord = findSecondNumberEnd(words, core.last, last, ctx);
    lastMention.end = words[endWord - 1]!.end;
    lastMention.text = ctx.text.slice(lastMention.start, lastMention.end);
  }

  const thing = np ? renderNounPhrase(np, words, ctx, value !== 1 || valueMax !== undefined, out) : null;
  const action = findAction(words, spanFirst, ctx, out);
  const en = renderFigure({
    core, scale, value, valueMax, approx, qualifierApprox: q?.approx ?? null, qualifier, numberStart: words[core.first]!.start, unit, thing, kind: figureKind, rangeWord, prison, ctx,
  });
  const a = words[spanFirst]!;
  const b = words[last - 1]!;
  const figure: Figure = {
    vi: ctx.text.slice(a.start, b.end),
    value,
    approx,
    kind: figureKind,
    unit: unit ? unitEnglish(unit, value, valueMax, prison) : null,
    qualifier,
    thing: thing ? { vi: thing.vi, en: thing.en, start: thing.start, end: thing.end } : null,
    action,
    en,
    sentence: ctx.sentence,
    start: a.start,
    end: b.end,
  };
  if (valueMax !== undefined) figure.valueMax = valueMax;
  out.figures.push(figure);
  if (unit?.kind === 'money' && unit.role === 'currency') ctx.state.lastCurrency = unit;
  return last;
}

function findSecondNumberEnd(words: readonly Word[], from: number, limit: number, ctx: ExtractContext): number {
  let end = from;
  for (let k = from; k < limit; k++) {
    const w = words[k]!;
    if (w.type === 'num' || ctx.lang.numberWords.has(w.key)) end = k + 1;
  }
  return end;
}

function term(words: readonly Word[], first: number, last: number, ctx: ExtractContext): Term {
  const a = words[first]!;
  const b = words[last - 1]!;
  const vi = ctx.text.slice(a.start, b.end);
  const entry = ctx.glossary.get(vi);
  return { vi, en: entry ? entry.en : null, start: a.start, end: b.end };
}

function sentenceHasAnimal(words: readonly Word[], ctx: ExtractContext): boolean {
  const animals: string[] = [];
  for (const [key, roles] of ctx.lang.roles) if (roles.has('animal')) animals.push(` ${key} `);
  return words.some((w) => {
    const padded = ` ${w.key} `;
    return animals.some((a) => padded.includes(a));
  });
}

const ADDRESS_NOUNS = new Set(['ngõ', 'hẻm', 'ngách', 'kiệt', 'phố', 'đường', 'đại lộ', 'lô', 'ấp', 'thôn', 'xóm', 'tổ'].map(termKey));

/** A number that is an address: a street name, a letter suffix or an alley follows it. */
function isAddress(words: readonly Word[], core: Core): boolean {
  const next = words[core.last]!;
  const digits = words[core.first]!;
  if (!digits.spacedAfter && next.type === 'word' && /^\p{Lu}$/u.test(next.text)) return true;
  if (next.pos === 'NP' && !isAcronym(next)) return true;
  const after = words[core.last + 1];
  return ADDRESS_NOUNS.has(next.key) && !!after && (isTitleWord(after) || after.type === 'num');
}

/** A unit that may be written against its digits: measures, currencies, "%" ("2kg", "50.000đ"). */
function isGluedUnit(w: Word, ctx: ExtractContext): boolean {
  const role = ctx.lang.units.get(w.key)?.role;
  if (role === 'currency' || role === 'percent' || /^[kKmMgG]$/.test(w.text) || /^(?:h|am|pm|x)$/i.test(w.text)) return true;
  // Measures are written in lower case against their digits ("2kg", "28.000m2"); "1Chỉ may" is a row.
  return role === 'measure' && w.text.charAt(0) === w.text.charAt(0).toLowerCase();
}

/** A line that holds nothing but a unit or classifier word ("Chiếc", "Kg", "Tá đôi"). */
function isLoneUnitLine(line: string, ctx: ExtractContext): boolean {
  const key = termKey(line.trim());
  if (!key || key.split(' ').length > 2) return false;
  return ctx.lang.units.has(key) || ctx.lang.units.has(key.split(' ')[0]!);
}

const PART_OF = new Set(['trên', 'trong', 'trong số'].map(termKey));
const WHOLE = new Set(['tổng số', 'số', 'tổng', 'trong số', 'trên tổng số'].map(termKey));

/**
 * The noun phrase of "X trên (tổng số) Y <noun>" or "X trong (số) Y <noun>", read from after Y, with the
 * span it covers given back so that the part ("5") reads "5 <nouns>". Null when the words do not fit.
 */
function partOfWhole(words: readonly Word[], k: number, ctx: ExtractContext): NounPhrase | null {
  if (!words[k] || !PART_OF.has(words[k]!.key)) return null;
  let j = k + 1;
  if (words[j] && WHOLE.has(words[j]!.key)) j++;
  if (words[j]?.type !== 'num' && !ctx.lang.numberWords.has(words[j]?.key ?? '')) return null;
  const whole = readNumber(words, j, ctx.lang);
  if (!whole) return null;
  const np = readNounPhrase(words, whole.last, ctx);
  // Only the part is this figure: its span ends at the part; the noun phrase lends its English.
  return np ? { ...np, borrowed: true } : null;
}

/** True for the hundredth units (xu, xen, cent). */
function isCentUnit(key: string, ctx: ExtractContext): boolean {
  return /^cents?$/.test(ctx.glossary.getByKey(key)?.en ?? '');
}

/** A currency written right before the number ("$", "USD", "EUR", "Rs.", "VN$"): its unit and first word. */
function currencyBefore(words: readonly Word[], first: number, consumed: number, ctx: ExtractContext): { unit: UnitSpec; first: number } | null {
  const prev = words[first - 1];
  if (!prev || first - 1 < consumed) return null;
  const info = ctx.lang.units.get(prev.key);
  if (!info || info.role !== 'currency') return null;
  // Only symbols and codes come first; "đồng 20" is not "20 đồng".
  if (!/^[$€£¥]$/.test(prev.text) && !/^(?:[A-Z]{3}|Rs\.?)$/.test(prev.text)) return null;
  let start = first - 1;
  let key = prev.key;
  // "VN$1000": a country prefix before the symbol.
  const before = words[first - 2];
  if (prev.text === '$' && before && before.text === 'VN' && !before.spacedAfter) {
    start = first - 2;
    key = termKey('đồng');
  }
  const unit: UnitSpec = {
    kind: 'money', role: 'currency', vi: ctx.text.slice(words[start]!.start, prev.end),
    en: englishOf(ctx, key, prev.text), per: null, first: start, last: first, key,
  };
  return { unit, first: start };
}

/** What a label word before a number makes of it ("Điều 134" → identifier, "tháng 2" → date). */
function labelKind(prev: Word, core: Core, words: readonly Word[], ctx: ExtractContext): NumberKind | null {
  const { lang } = ctx;
  const roles = lang.roles.get(prev.key);
  const unit = unitLookup(words, core.last, lang);
  const strongUnit = unit && (unit.info.role === 'currency' || unit.info.role === 'percent' || unit.info.role === 'measure');
  if (roles) {
    if (roles.has('label-date')) return strongUnit ? null : 'date';
    if (roles.has('label-year')) return unit ? null : 'year';
    if (roles.has('label-ordinal')) return strongUnit ? null : 'ordinal';
    if (roles.has('label-time')) return 'time';
    if (roles.has('label-id')) return strongUnit || words[core.last]?.text === '%' ? null : 'identifier';
  }
  // "Đại Hùng 1", "CS 113", "xăng 92", "hợp đồng 02": a name or noun right before a bare number.
  const leadingZero = words[core.first]!.type === 'num' && /^0\d/.test(words[core.first]!.text);
  if (leadingZero && !unit) return 'identifier';
  if ((prev.pos === 'NP' || isAcronym(prev) || (isTitleWord(prev) && prev.first > 0)) && !unit && core.digits) {
    return countableAt(words, core.last, ctx) && !isTitleWord(words[core.last]) ? null : 'identifier';
  }
  return null;
}

function isClockTime(core: Core, words: readonly Word[], ctx: ExtractContext, prev: Word | undefined): boolean {
  let after = words[core.last + 1];
  if (after?.key === K.ruoi || after?.key === K.kem) {
    if (after.key === K.kem) return true;
    after = words[core.last + 2];
  }
  if (after?.type === 'num') return true;
  if (after && TIME_OF_DAY.has(after.key)) return true;
  if (hasRole(ctx.lang, prev, 'label-time') || (prev && CLOCK_CUES.has(prev.key) && !DURATION_CUES.has(prev.key))) return true;
  if (prev && DURATION_CUES.has(prev.key)) return false;
  // "khoảng 23 giờ" is about eleven at night; "gần 5 giờ" is nearly five hours.
  if (prev && ctx.lang.qualifiersBefore.has(prev.key) && core.value < 13) return false;
  return core.value >= 13 && core.value <= 24 && Number.isInteger(core.value);
}

/** True when the "một …" phrase stands in a list with other counts ("một khẩu K59, một cát-tút và hai viên đạn"). */
function listNeighbour(words: readonly Word[], first: number, last: number, ctx: ExtractContext): boolean {
  const { lang } = ctx;
  const isMot = (k: number) => words[k]?.key === K.mot;
  const isCount = (k: number) => {
    const w = words[k];
    return !!w && (w.type === 'num' || lang.numberWords.get(w.key)?.role === 'digit');
  };
  const isSeparator = (w: Word | undefined) => !!w && (w.text === ',' || w.key === K.va || w.key === K.hoac);
  // Forward through the list: "một X, một Y và hai Z" counts once a real number ("hai", "2") turns up.
  // The separator may come after a name or a verb: "Một công dân Nga thiệt mạng, 2 người bị bắt cóc".
  let from = last;
  for (let item = 0; item < 4; item++) {
    let next = -1;
    for (let k = from; k < words.length && k <= from + 3; k++) {
      const w = words[k]!;
      if (isSeparator(w) && isCount(k + 1)) {
        next = k + 1;
        break;
      }
      if (w.type !== 'word' || hasRole(lang, w, 'stop')) break;
    }
    if (next < 0) break;
    if (!isMot(next)) return true;
    from = next + 2;
  }
  // Backward: the item before is a count, a real number, then only noun words up to the separator.
  const before = words[first - 1];
  if (isSeparator(before)) {
    for (let k = first - 2; k >= 0 && k >= first - 6; k--) {
      if (isCount(k)) return !isMot(k) && k < first - 2;
      const w = words[k]!;
      if (w.type !== 'word' || /^V/.test(w.pos) || hasRole(lang, w, 'stop')) return false;
    }
  }
  return false;
}

/** A unit for a number written bare: a table's header unit, the sentence's currency, "ở mức 240,24". */
function inheritUnit(core: Core, words: readonly Word[], ctx: ExtractContext, prev: Word | undefined, lineIsNumber: boolean, out: SentenceFigures): UnitSpec | null {
  const { lang, state } = ctx;
  if (lineIsNumber && state.tableUnit) return state.tableUnit;
  const lastWord = words[core.last - 1]!;
  const scaleWord = lang.numberWords.get(lastWord.key);
  if (scaleWord?.role === 'scale' && !core.multiples) {
    // "15,5 triệu" with the currency left out: the article's last currency, else VND.
    if (scaleWord.value >= 1e6 && state.lastCurrency) return state.lastCurrency;
    return moneyUnit(ctx);
  }
  if (prev && (prev.key === K.muc || prev.key === K.oMuc || prev.key === K.dat || hasRole(lang, prev, 'change-to'))) {
    const previous = out.figures[out.figures.length - 1];
    if (previous && previous.unit && (previous.kind === 'quantity' || previous.kind === 'money' || previous.kind === 'percent')) {
      return {
        kind: previous.kind,
        role: previous.kind === 'percent' ? 'percent' : previous.kind === 'money' ? 'currency' : 'measure',
        vi: '',
        en: previous.kind === 'percent' ? '%' : singularUnit(previous.unit, ctx.lang),
        per: null,
        first: 0,
        last: 0,
        key: '',
      };
    }
  }
  return null;
}

function singularUnit(unit: string, lang: Language): string {
  for (const [s, p] of lang.plurals) if (p === unit) return s;
  return unit.endsWith('s') && !unit.endsWith('ss') ? unit.slice(0, -1) : unit;
}

function moneyUnit(ctx: ExtractContext): UnitSpec {
  return { kind: 'money', role: 'currency', vi: '', en: englishOf(ctx, termKey('đồng'), 'VND'), per: null, first: 0, last: 0, key: termKey('đồng') };
}

/** English unit of a figure: "VND per tael", "kg", "years", "%". */
function unitEnglish(unit: UnitSpec, value: number, valueMax: number | undefined, prison: string | null): string {
  const plural = value !== 1 || valueMax !== undefined;
  let en = unit.en;
  if (unit.role === 'measure' || unit.role === 'time' || unit.role === 'times' || unit.role === 'container' || unit.role === 'classifier') {
    en = plural ? pluralizeSimple(en) : en;
  }
  if (prison) en = `${en} ${prison}`;
  return unit.per ? `${en} ${unit.per}` : en;
}

/** Plural for unit words without the language tables (units are simple nouns or symbols). */
function pluralizeSimple(en: string): string {
  if (/^[A-Z%]/.test(en) || /^(kg|km|g|cm|mm|mg|ml|m|ha)$/.test(en) || /\d/.test(en)) return en;
  const irregular: Record<string, string> = { foot: 'feet', 'square meter': 'square meters', century: 'centuries', 'degree Celsius': 'degrees Celsius' };
  if (irregular[en]) return irregular[en]!;
  if (/(s|x|ch|sh)$/.test(en)) return `${en}es`;
  if (/[^aeiou]y$/.test(en)) return `${en.slice(0, -1)}ies`;
  return `${en}s`;
}


/** The verb (or verbs: "điều tra, phá") right before a figure, skipping adverbs ("đã", "được"). */
function findAction(words: readonly Word[], first: number, ctx: ExtractContext, out: SentenceFigures): Term | null {
  const { lang, glossary } = ctx;
  let k = first - 1;
  while (k >= 0 && hasRole(lang, words[k], 'adverb')) k--;
  const verbs: number[] = [];
  let end = k + 1;
  const isVerb = (w: Word): boolean => {
    if (w.type !== 'word' || hasRole(lang, w, 'not-action') || (hasRole(lang, w, 'stop') && !glossary.getByKey(w.key))) return false;
    // A capitalized word inside the sentence is a name ("Thọ"), not a verb.
    if (w.first > 0 && isTitleWord(w)) return false;
    if (lang.numberWords.has(w.key) || lang.qualifiersBefore.has(w.key)) return false;
    if (w.pos.startsWith('V')) return true;
    const entry = glossary.getByKey(w.key);
    return !!entry && !/^N/.test(w.pos) && isVerbEnglish(entry.en);
  };
  while (k >= 0) {
    const w = words[k]!;
    if (isVerb(w)) {
      verbs.unshift(k);
      k--;
      const sep = words[k];
      if (sep && (sep.text === ',' || sep.key === K.va) && words[k - 1] && isVerb(words[k - 1]!)) {
        k--;
        continue;
      }
      break;
    }
    break;
  }
  if (verbs.length === 0) return null;
  const a = words[verbs[0]!]!;
  const b = words[end - 1]!;
  const ens = verbs.map((v) => {
    const w = words[v]!;
    const entry = glossary.getByKey(w.key);
    if (!entry) out.untranslated.push(w.text);
    return entry ? entry.en : null;
  });
  const en = ens.every((e) => e !== null) ? joinList(ens as string[]) : null;
  return { vi: ctx.text.slice(a.start, b.end), en, start: a.start, end: b.end };
}

interface RenderInput {
  core: Core;
  scale: number;
  /** The approx the qualifier alone gives, when a range overrides it ("khoảng 23 - 24"). */
  qualifierApprox: Approx | null;
  /** Offset where the number starts, to tell a qualifier before it from one after. */
  numberStart: number;
  value: number;
  valueMax: number | undefined;
  approx: Approx;
  qualifier: Term | null;
  unit: UnitSpec | null;
  thing: { en: string; uncountable: boolean } | null;
  kind: FigureKind;
  rangeWord: string | null;
  prison: string | null;
  ctx: ExtractContext;
}

/** The English phrase of a figure: "more than 1,100 cases", "from 350,000 to 450,000 VND per tael". */
function renderFigure(r: RenderInput): string {
  const { core, value, valueMax, approx, unit, thing, scale } = r;
  const num = (v: number) => formatScaled(v, scale > 1 && v >= scale / 1000 ? scale : 1);
  const plural = value !== 1 || valueMax !== undefined;
  let amount: string;
  if (core.multiples) {
    amount = multiplesPhrase(core.multiples.scales, core.multiples.vague);
  } else if (valueMax !== undefined) {
    const lo = num(value);
    const hi = num(valueMax);
    const pct = unit?.role === 'percent' ? '%' : '';
    amount = r.rangeWord === 'or' ? `${lo}${pct} or ${hi}${pct}` : `from ${lo}${pct} to ${hi}${pct}`;
  } else {
    amount = num(value);
  }
  let qual = '';
  const numberStart = r.ctx.text.length > 0 ? r.numberStart : 0;
  if (approx !== 'exact' && approx !== 'range' && approx !== 'multiples') {
    // A qualifier after the number ("2 lần trở lên") reads before it in English ("at least 2 times").
    const before = r.qualifier !== null && r.qualifier.start < numberStart;
    const glossed = before ? r.qualifier?.en : null;
    qual = glossed && /[a-z]/.test(glossed) ? glossed : QUALIFIER_EN[approx] ?? '';
    if (approx === 'less_than' && r.kind === 'count' && qual === 'less than') qual = 'fewer than';
  } else if (approx === 'range' && r.qualifier && valueMax !== undefined) {
    // "khoảng 23 - 24": about 23 to 24.
    const glossed = r.qualifier.en;
    qual = glossed && /[a-z]/.test(glossed) ? glossed : QUALIFIER_EN[r.qualifierApprox ?? ''] ?? '';
    if (qual) amount = amount.replace(/^from /, '');
  }
  const of = core.multiples && core.multiples.vague === 'many' ? ' of' : '';
  let body: string;
  if (!unit) {
    body = thing ? `${amount}${of} ${thing.en}` : amount;
  } else if (unit.role === 'percent') {
    body = valueMax !== undefined ? amount : `${amount}%`;
    if (unit.per) body += ` ${unit.per}`;
    if (thing) body += ` of ${thing.en}`;
  } else if (unit.role === 'currency') {
    const word = plural && /^(cent|euro|dollar|pound|rupee|dirham)$/.test(unit.en) ? `${unit.en}s` : unit.en;
    body = `${amount}${of} ${word}${unit.per ? ` ${unit.per}` : ''}`;
  } else if (unit.role === 'classifier') {
    body = thing ? `${amount}${of} ${thing.en}` : `${amount}${of} ${plural ? pluralizeSimple(unit.en) : unit.en}`;
  } else {
    const u = plural || core.multiples ? pluralizeSimple(unit.en) : unit.en;
    body = `${amount}${of} ${u}`;
    if (r.prison) body += ` ${r.prison}`;
    if (unit.per) body += ` ${unit.per}`;
    if (thing) body += ` of ${thing.en}`;
  }
  return qual ? `${qual} ${body}` : body;
}

