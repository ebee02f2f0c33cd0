/**
 * Tokenizer: a line of normalized text to tokens with offsets. One pass of one regular expression;
 * the alternatives are ordered so that compound forms (dates, decree numbers, licence plates, times)
 * win over their parts.
 */
import { termKey } from './keys';

export type TokenType =
  /** letters (may contain digits or inner hyphens: "cát-tút", "K59", "Covid-19", "m2") */
  | 'word'
  /** digits with "." or "," inside: "1.100", "2,5" */
  | 'num'
  /** d/m/y, d-m-y or d.m.y: "12/02/2018", "1-10-2005" */
  | 'date'
  /** time of day: "15h30", "23h", "22:06" */
  | 'time'
  /** identifiers that start with digits: "100/2019/NĐ-CP", "51A1-0495", "66/40F" */
  | 'code'
  /** web addresses and e-mail addresses: never numbers */
  | 'url'
  | 'punct';

export interface Token {
  text: string;
  start: number;
  end: number;
  type: TokenType;
  /** Whitespace (or the line start) comes right before the token. */
  spaced: boolean;
  /** Lookup key (termKey of the text). */
  key: string;
  /** Capitals of a word: 0 none, 1 the first letter only, 2 more. */
  cap: 0 | 1 | 2;
  /**
   * Word fields, set by segmentation when the token is a word on its own (a token then doubles as
   * its one-token Word, which saves an object per token): index range in its sentence, parts of
   * speech, whitespace after it.
   */
  first: number;
  last: number;
  pos: string;
  spacedAfter: boolean;
}

/** The token forms that start with a digit, in the order they win. */
const DIGIT_FORMS: ReadonlyArray<[TokenType, string]> = [
  // date: d/m/y, d-m-y, d.m.y; month/year m/yyyy
  ['date', String.raw`\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d\p{L}])|\d{1,2}[/.\-](?:19|20)\d\d(?![\d\p{L}])`],
  // code with slashes ending in letters: decree and house numbers, "24/24h"
  ['code', String.raw`\d+(?:/\d+)*/[\p{L}\p{M}\d]*\p{L}[\p{L}\p{M}\d\-]*`],
  // licence plate: 51A1-0495, 57K-23, 30S-087.12
  ['code', String.raw`\d{2}\p{Lu}{1,2}(?:\d{1,2}(?:-[\d.]+)?|-[\d.]+)(?![\d\p{L}])`],
  // time of day: 15h30, 23h, 0h15, 22:06(:26)
  ['time', String.raw`\d{1,2}h(?:\d{1,2})?(?![\p{L}\d])|\d{1,2}:\d{2}(?::\d{2})?(?!\d)`],
  // number
  ['num', String.raw`\d+(?:[.,]\d+)*`],
];
const DIGIT_TESTS = DIGIT_FORMS.map(([type, re]) => [type, new RegExp(`^(?:${re})$`, 'u')] as const);

/** One pass, no capture groups (the type is read off the match): cheaper per token. */
const TOKEN = new RegExp(
  [
    // a currency code written against its amount: "USD1,23", "Rs20", "VN$1000"
    String.raw`(?:USD|EUR|VND|GBP|INR|AED|JPY|CNY|SGD|Rs|VN)(?=\$?\d)`,
    ...DIGIT_FORMS.map(([, re]) => `(?:${re})`),
    // "v.v." (etc.), with the dots that may follow it, and initials "T.T.M."
    String.raw`[vV]\.[vV]\.+|(?:\p{Lu}\.){2,}(?!\p{L})`,
    // word (modifier letters such as U+02BA "ʺ", used as quote marks, are not letters here)
    String.raw`[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}][\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}\d]*(?:[\-'’][\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}\d]+)*`,
    // ellipsis
    String.raw`\.{2,}|…`,
    // any other visible character
    String.raw`\S`,
  ].join('|'),
  'gu',
);

/**
 * The raw tokens of a text as [start, end, type], read by the reference regular expression (TOKEN) or
 * by the scanner the tokenizer uses; the two must agree (test/unit/tokens.test.ts checks they do).
 */
export function rawTokens(text: string, reference: boolean): Array<[number, number, TokenType]> {
  const out: Array<[number, number, TokenType]> = [];
  if (reference) {
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(text)) !== null) out.push([m.index, m.index + m[0].length, typeOf(m[0])]);
    return out;
  }
  let pos = 0;
  for (;;) {
    while (pos < text.length && isSpaceAt(text, pos)) pos++;
    if (pos >= text.length) return out;
    const end = scanToken(text, pos, text.length);
    out.push([pos, end, scannedType]);
    pos = end;
  }
}

/** The type of a matched token. */
function typeOf(match: string): TokenType {
  const c = match.charCodeAt(0);
  if (c >= 48 && c <= 57) {
    for (const [type, re] of DIGIT_TESTS) if (re.test(match)) return type;
    return 'num';
  }
  const lower = c | 32;
  if (lower >= 97 && lower <= 122) return 'word';
  if (c < 128) return 'punct';
  return LETTER.test(match) ? 'word' : 'punct';
}

const LETTER = /^[\p{Lu}\p{Ll}\p{Lt}\p{Lo}\p{M}]/u;

// The scanner below reads the same tokens as TOKEN (the tests hold them to it), with a hand-written
// loop for the common case, words, and sticky regular expressions for the rest: about twice as fast.
const CURRENCY_AT = /(?:USD|EUR|VND|GBP|INR|AED|JPY|CNY|SGD|Rs|VN)(?=\$?\d)/uy;
const DIGITS_AT = DIGIT_FORMS.map(([type, re]) => [type, new RegExp(re, 'uy')] as const);
const DOTTED_AT = /[vV]\.[vV]\.+|(?:\p{Lu}\.){2,}(?!\p{L})/uy;
const SPACE = /\s/u;

/** Is the code unit at i a letter of the word class (Lu, Ll, Lt, Lo, M)? Returns its length (0, 1 or 2). */
function letterAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  if ((c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x300 && c <= 0x36f) || (c >= 0x1e00 && c <= 0x1eff)) return 1;
  if (c >= 0xd800 && c <= 0xdbff) {
    const cp = text.codePointAt(i)!;
    return LETTER.test(String.fromCodePoint(cp)) ? 2 : 0;
  }
  return LETTER.test(text.charAt(i)) ? 1 : 0;
}

function isDigitAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 32 || c === 10) return true;
  if (c < 128) return c === 9 || c === 11 || c === 12 || c === 13;
  return SPACE.test(text.charAt(i));
}

/** The type of the token scanToken last read: kept here rather than returned in a tuple, which the
 * tokenizer would allocate once per token. */
let scannedType: TokenType = 'punct';

/** The end of the token that starts at i (a non-space); its type is left in scannedType. */
function scanToken(text: string, i: number, end: number): number {
  const c = text.charCodeAt(i);
  if (c >= 48 && c <= 57) {
    for (const [type, re] of DIGITS_AT) {
      re.lastIndex = i;
      if (re.test(text)) return scanned(re.lastIndex, type);
    }
  }
  const first = letterAt(text, i);
  if (first > 0) {
    if (c === 85 || c === 69 || c === 86 || c === 71 || c === 73 || c === 65 || c === 74 || c === 67 || c === 83 || c === 82) {
      CURRENCY_AT.lastIndex = i;
      if (CURRENCY_AT.test(text)) return scanned(CURRENCY_AT.lastIndex, 'word');
    }
    if (text.charCodeAt(i + first) === 46) {
      DOTTED_AT.lastIndex = i;
      if (DOTTED_AT.test(text)) return scanned(DOTTED_AT.lastIndex, 'word');
    }
    let j = i + first;
    for (;;) {
      while (j < end) {
        const n = letterAt(text, j);
        if (n > 0) j += n;
        else if (isDigitAt(text, j)) j++;
        else break;
      }
      const d = text.charCodeAt(j);
      if (j < end && (d === 45 || d === 39 || d === 0x2019) && (letterAt(text, j + 1) > 0 || isDigitAt(text, j + 1))) {
        j++;
        continue;
      }
      return scanned(j, 'word');
    }
  }
  if (c === 46 && text.charCodeAt(i + 1) === 46) {
    let j = i + 2;
    while (text.charCodeAt(j) === 46) j++;
    return scanned(j, 'punct');
  }
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) return scanned(i + 2, 'punct');
  return scanned(i + 1, 'punct');
}

function scanned(end: number, type: TokenType): number {
  scannedType = type;
  return end;
}

/** Web and e-mail addresses: "https://…", "www.…", "a@b.vn", "vnexpress.net". */
const URL = /(?:(?:https?|ftp):\/\/|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|biz)(?:\/[^\s<>"“”]*[^\s<>"“”.,;:!?)])?(?![\w.]*\w)/giu;
const URL_HINT = /:\/\/|www\.|@|\.(?:vn|com|net|org|gov|edu|info|biz)\b/i;

/** Merges the tokens of each web or e-mail address into one 'url' token (they hold no numbers). */
function mergeUrls(tokens: Token[], text: string, start: number, end: number): Token[] {
  const line = text.slice(start, end);
  if (!URL_HINT.test(line)) return tokens;
  const spans: Array<[number, number]> = [];
  for (const m of line.matchAll(URL)) spans.push([start + m.index, start + m.index + m[0].length]);
  if (spans.length === 0) return tokens;
  const out: Token[] = [];
  let s = 0;
  for (const t of tokens) {
    while (s < spans.length && spans[s]![1] <= t.start) s++;
    const span = spans[s];
    if (span && t.start >= span[0] && t.end <= span[1]) {
      const last = out[out.length - 1];
      if (last && last.type === 'url' && last.start === span[0]) {
        last.end = t.end;
        last.text = text.slice(last.start, last.end);
        last.key = last.text.toLowerCase();
      } else {
        out.push({ ...t, start: span[0], end: t.end, text: text.slice(span[0], t.end), type: 'url', key: text.slice(span[0], t.end).toLowerCase() });
      }
      continue;
    }
    out.push(t);
  }
  return out;
}

/** A capital with its period ("T."), a word written against an abbreviation ("HCM" of "TP.HCM"). */
const INITIAL = /^\p{Lu}\.$/u;
const CAPITALIZED_WORD = /^\p{Lu}[\p{L}\p{M}\d]*/u;
const CAPITAL_FIRST = /^\p{Lu}/u;

/** Abbreviations (with their period) that must not end a sentence. */
export type AbbreviationSet = ReadonlySet<string>;

/**
 * Tokenizes `text[start, end)`. Offsets are absolute. An abbreviation ("TP.", "Q.", "ThS.") keeps its
 * period, and an abbreviation written against the next word ("TP.HCM", "E.Town") stays one token.
 */
export function tokenize(text: string, start: number, end: number, abbreviations: AbbreviationSet, keys?: string | null): Token[] {
  const tokens: Token[] = [];
  let prevEnd = start;
  let pos = start;
  for (;;) {
    while (pos < end && isSpaceAt(text, pos)) pos++;
    if (pos >= end) break;
    const tokStart = pos;
    let tokEnd = scanToken(text, pos, end);
    const type = scannedType;
    let tokText = text.slice(tokStart, tokEnd);
    pos = tokEnd;
    const spaced = tokStart === start || tokStart > prevEnd;
    if (type === 'word') {
      if (text.charCodeAt(tokEnd) === 46 /* . */) {
        const withDot = `${tokText}.`;
        const isAbbr = abbreviations.has(withDot) || INITIAL.test(withDot);
        if (isAbbr) {
          tokEnd++;
          // "TP.HCM": the abbreviation written against a capitalized word.
          const rest = CAPITALIZED_WORD.exec(text.slice(tokEnd, tokEnd + 40));
          if (rest && CAPITAL_FIRST.test(withDot)) tokEnd += rest[0].length;
          pos = tokEnd;
          tokText = text.slice(tokStart, tokEnd);
        }
      }
      if (tokText.includes('-')) {
        // "1.600m-2.000m": a short unit glued to the dash of a range is not a word like "Covid-19".
        const glued = /^([a-zđ]{1,3}\d?)-\d/.exec(tokText);
        if (glued) {
          tokEnd = tokStart + glued[1]!.length;
          pos = tokEnd;
          tokText = glued[1]!;
        }
      }
    }
    let key: string;
    if (type === 'word') {
      // Most words are their own key already: reuse the string rather than slice a copy.
      key = keys ? (sameChars(tokText, keys, tokStart) ? tokText : keys.slice(tokStart, tokEnd)) : termKey(tokText);
    } else {
      key = type === 'punct' || type === 'num' ? tokText : tokText.toLowerCase();
    }
    tokens.push({
      text: tokText, start: tokStart, end: tokEnd, type, spaced, key, cap: type === 'word' && key !== tokText ? capitalization(tokText, key) : 0,
      first: 0, last: 0, pos: '', spacedAfter: true,
    });
    prevEnd = tokEnd;
  }
  return mergeUrls(tokens, text, start, end);
}

function sameChars(text: string, keys: string, at: number): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) !== keys.charCodeAt(at + i)) return false;
  return true;
}

/** 0: lower case, 1: first letter capital ("Trường"), 2: more capitals ("CSGT", "VN-Index"). */
function capitalization(text: string, key: string): 0 | 1 | 2 {
  let capitals = 0;
  let first = false;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) === key.charCodeAt(i)) continue;
    // Differences are capitals or a moved tone mark ("hòa" / "hoà").
    const ch = text.charAt(i);
    if (ch !== ch.toLowerCase()) {
      capitals++;
      if (i === 0) first = true;
    }
  }
  if (capitals === 0) return 0;
  return capitals === 1 && first ? 1 : 2;
}
