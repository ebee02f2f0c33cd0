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
}

const TOKEN = new RegExp(
  [
    // 0 web and e-mail addresses: "https://…", "www.…", "a@b.vn", "vnexpress.net"
    String.raw`((?:https?://|www\.)[^\s<>"“”]+[^\s<>"“”.,;:!?)]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov|edu|info|biz)(?:/[^\s<>"“”]*[^\s<>"“”.,;:!?)])?(?![\w.]*\w))`,
    // 0b a currency code written against its amount: "USD1,23", "Rs20", "VN$1000"
    String.raw`((?:USD|EUR|VND|GBP|INR|AED|JPY|CNY|SGD|Rs|VN)(?=\$?\d))`,
    // 1 date: d/m/y, d-m-y, d.m.y; month/year m/yyyy
    String.raw`(\d{1,2}[/.\-]\d{1,2}[/.\-](?:\d{4}|\d{2})(?![\d\p{L}])|\d{1,2}[/.\-](?:19|20)\d\d(?![\d\p{L}]))`,
    // 2 code with slashes ending in letters: decree and house numbers, "24/24h"
    String.raw`(\d+(?:/\d+)*/[\p{L}\p{M}\d]*\p{L}[\p{L}\p{M}\d\-]*)`,
    // 3 licence plate: 51A1-0495, 57K-23, 30S-087.12
    String.raw`(\d{2}\p{Lu}{1,2}(?:\d{1,2}(?:-[\d.]+)?|-[\d.]+)(?![\d\p{L}]))`,
    // 4 time of day: 15h30, 23h, 0h15, 22:06(:26)
    String.raw`(\d{1,2}h(?:\d{1,2})?(?![\p{L}\d])|\d{1,2}:\d{2}(?::\d{2})?(?!\d))`,
    // 5 number
    String.raw`(\d+(?:[.,]\d+)*)`,
    // 6 word
    String.raw`([\p{L}\p{M}][\p{L}\p{M}\d]*(?:[\-'’][\p{L}\p{M}\d]+)*)`,
    // 7 ellipsis
    String.raw`(\.{2,}|…)`,
    // 8 any other visible character
    String.raw`(\S)`,
  ].join('|'),
  'gu',
);

const TYPES: readonly TokenType[] = ['url', 'word', 'date', 'code', 'code', 'time', 'num', 'word', 'punct', 'punct'];
const GROUPS = TYPES.length;

/** Abbreviations (with their period) that must not end a sentence. */
export type AbbreviationSet = ReadonlySet<string>;

/**
 * Tokenizes `text[start, end)`. Offsets are absolute. An abbreviation ("TP.", "Q.", "ThS.") keeps its
 * period, and an abbreviation written against the next word ("TP.HCM", "E.Town") stays one token.
 */
export function tokenize(text: string, start: number, end: number, abbreviations: AbbreviationSet): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = start;
  // Tokens never span whitespace and `end` is a line end, so matching on the whole text is safe.
  const slice = text;
  let m: RegExpExecArray | null;
  let prevEnd = start;
  while ((m = TOKEN.exec(slice)) !== null && m.index < end) {
    let type: TokenType = 'punct';
    for (let g = 1; g <= GROUPS; g++) {
      if (m[g] !== undefined) {
        type = TYPES[g - 1]!;
        break;
      }
    }
    const tokStart = m.index;
    let tokEnd = tokStart + m[0].length;
    const spaced = tokStart === start || tokStart > prevEnd;
    if (type === 'word' && slice[tokEnd] === '.') {
      const withDot = slice.slice(tokStart, tokEnd + 1);
      const isAbbr = abbreviations.has(withDot) || /^\p{Lu}\.$/u.test(withDot);
      if (isAbbr) {
        tokEnd++;
        // "TP.HCM": the abbreviation written against a capitalized word.
        const rest = /^\p{Lu}[\p{L}\p{M}\d]*/u.exec(slice.slice(tokEnd, tokEnd + 40));
        if (rest && /^\p{Lu}/u.test(withDot)) tokEnd += rest[0].length;
        TOKEN.lastIndex = tokEnd;
      }
    }
    // "1.600m-2.000m": a short unit glued to the dash of a range is not a word like "Covid-19".
    const glued = type === 'word' ? /^([a-zđ]{1,3}\d?)-\d/.exec(slice.slice(tokStart, tokEnd)) : null;
    if (glued) {
      tokEnd = tokStart + glued[1]!.length;
      TOKEN.lastIndex = tokEnd;
    }
    const tokText = slice.slice(tokStart, tokEnd);
    tokens.push({ text: tokText, start: tokStart, end: tokEnd, type, spaced, key: type === 'word' ? termKey(tokText) : tokText.toLowerCase() });
    prevEnd = tokEnd;
  }
  return tokens;
}
