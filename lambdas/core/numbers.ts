/**
 * Reading numbers: digits ("." separates thousands, "," marks decimals), Vietnamese number words
 * (một … chín, mười, mươi, mốt, lăm, tư, linh/lẻ, trăm, nghìn/ngàn, vạn, triệu, tỷ/tỉ, rưỡi, nửa)
 * and mixes of both ("1,5 triệu", "2 tỷ 300 triệu", "3 nghìn tỷ"). Values are computed in decimal
 * so that "1,315 triệu" is exactly 1315000.
 */
import { termKey } from './keys';
import type { Language } from './language';
import type { Word } from './words';

const DECIMAL_MARKS = new Set([termKey('phẩy'), termKey('chấm')]);
const CHUC = termKey('chục');

/** A number read from words[first, last). */
export interface ReadNumber {
  value: number;
  first: number;
  last: number;
  /**
   * The scale English should name ("1,3 triệu" → 1e6 → "1.3 million"): the product of the first run of
   * scale words when it is a million or more, else 1 (the value is written out in digits).
   */
  scale: number;
  /** Written with digits (at least partly). */
  digits: boolean;
  /** Number of number words read. */
  numberWords: number;
}

/**
 * The value of a digit string in Vietnamese notation: "1.100" → 1100, "2,5" → 2.5, "1.200.000" →
 * 1200000, "01,10" → 1.1. A dot group that is not three digits long reads as a decimal point
 * ("3.5"), which the date rules see first. Returns NaN for anything else.
 */
export function parseDigits(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  let m = /^(\d{1,3}(?:\.\d{3})+)(?:,(\d+))?$/.exec(text);
  if (m) return decimal(m[1]!.replace(/\./g, ''), m[2] ?? '');
  m = /^(\d+),(\d+)$/.exec(text);
  if (m) return decimal(m[1]!, m[2]!);
  m = /^(\d+)\.(\d{1,2}|\d{4,})$/.exec(text);
  if (m) return decimal(m[1]!, m[2]!);
  return Number.NaN;
}

/** Exact decimal value of integer and fraction digit strings, times 10^exp. */
export function decimal(intPart: string, fraction: string, exp = 0): number {
  const mantissa = (intPart.replace(/^0+(?=\d)/, '') || '0') + fraction;
  return Number(`${mantissa}e${exp - fraction.length}`);
}

/** Multiplies exactly in decimal: 1.315 × 1e6 = 1315000, not 1315000.0000000002. */
export function scaleBy(value: number, factor: number): number {
  if (factor === 1) return value;
  const exact = Number((value * factor).toPrecision(15));
  return exact;
}

const SUFFIX_SCALE: Readonly<Record<string, number>> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, g: 1e9, G: 1e9 };

/**
 * Reads the longest number starting at words[i], or returns null. Only the numeric core is read;
 * qualifiers, units and the "is this word really a number here" checks are the caller's.
 */
export function readNumber(words: readonly Word[], i: number, lang: Language): ReadNumber | null {
  let total = 0;
  let group = 0;
  let pending: number | null = null;
  let afterTens = false;
  let afterHundred = false;
  let afterZeroTens = false;
  let lastScale = Number.POSITIVE_INFINITY;
  let maxScale = 1;
  let scaleRun = 1;
  let scaleRunDone = false;
  let lastWasScale = false;
  let sawAtom = false;
  let digits = false;
  let numberWords = 0;
  let j = i;
  const peekRole = (k: number) => {
    const w = words[k];
    return w && w.type === 'word' ? lang.numberWords.get(w.key)?.role : undefined;
  };
  for (; j < words.length; j++) {
    const w = words[j]!;
    if (w.type === 'num') {
      if (sawAtom && !lastWasScale) break;
      let v = parseDigits(w.text);
      if (!Number.isFinite(v)) break;
      // "100K", "3M", "1,2M": a scale letter written against the digits.
      const next = words[j + 1];
      if (next && !w.spacedAfter && next.type === 'word' && SUFFIX_SCALE[next.text] !== undefined) {
        v = scaleBy(v, SUFFIX_SCALE[next.text]!);
        j++;
      }
      if (!sawAtom) pending = v;
      else group += v;
      sawAtom = true;
      digits = true;
      lastWasScale = false;
      afterTens = false;
      if (scaleRun > 1) scaleRunDone = true;
      continue;
    }
    if (w.type !== 'word') break;
    const nw = lang.numberWords.get(w.key);
    if (!nw) {
      // Decimal words: "hai phẩy 23", "một chấm ba".
      if (DECIMAL_MARKS.has(w.key) && sawAtom) {
        const frac = words[j + 1];
        if (frac && frac.type === 'num' && /^\d+$/.test(frac.text)) {
          const base = total + group + (pending ?? 0);
          total = 0;
          group = 0;
          pending = decimal(String(Math.trunc(base)), frac.text);
          j++;
          digits = true;
          continue;
        }
        const fw = frac && lang.numberWords.get(frac.key);
        if (fw && fw.role === 'digit') {
          pending = total + group + (pending ?? 0) + fw.value / 10;
          total = 0;
          group = 0;
          j++;
          numberWords++;
          continue;
        }
      }
      break;
    }
    const v = nw.value;
    switch (nw.role) {
      case 'digit': {
        if (afterTens || afterZeroTens) {
          // "hai mươi hai", "một trăm linh năm"; "mười năm" is ten years, not fifteen ("mười lăm").
          if (v === 5 && afterTens) break;
          group += v;
          afterTens = false;
          afterZeroTens = false;
          numberWords++;
          sawAtom = true;
          lastWasScale = false;
          continue;
        }
        if (pending !== null) break; // "ba bốn": two numbers, a range for the caller
        if (afterHundred || (sawAtom && !lastWasScale)) {
          // After "trăm" or a scale, a digit only continues the number before mươi/trăm ("hai nghìn năm trăm").
          const nextRole = peekRole(j + 1);
          if (nextRole !== 'tens' && nextRole !== 'hundred') break;
        } else if (lastWasScale) {
          const nextRole = peekRole(j + 1);
          if (nextRole !== 'tens' && nextRole !== 'hundred' && nextRole !== 'scale') break;
        }
        pending = v;
        numberWords++;
        sawAtom = true;
        lastWasScale = false;
        continue;
      }
      case 'zero-tens':
        if (!afterHundred) break;
        afterZeroTens = true;
        numberWords++;
        continue;
      case 'unit-after-tens':
        if (!afterTens || (v === 4 && group % 100 === 10)) break; // "mười tư" is not a number
        group += v;
        afterTens = false;
        numberWords++;
        continue;
      case 'ten':
        if (pending !== null || afterTens) break;
        group += 10;
        afterTens = true;
        afterHundred = false;
        numberWords++;
        sawAtom = true;
        lastWasScale = false;
        continue;
      case 'tens':
        if (pending === null && w.key !== CHUC) {
          break; // "mươi" needs a digit before it
        }
        group += (pending ?? 1) * 10;
        pending = null;
        afterTens = true;
        afterHundred = false;
        numberWords++;
        sawAtom = true;
        lastWasScale = false;
        continue;
      case 'hundred':
        if (afterHundred) break;
        group = (pending ?? (group || 1)) * 100 + (pending !== null ? group : 0);
        pending = null;
        afterHundred = true;
        afterTens = false;
        numberWords++;
        sawAtom = true;
        lastWasScale = false;
        continue;
      case 'scale': {
        let current = group + (pending ?? 0);
        if (!sawAtom) current = 1;
        if (v > maxScale || total === 0) {
          total = scaleBy(total + current, v);
          if (!scaleRunDone) scaleRun *= v;
        } else {
          if (v >= lastScale) break;
          total += scaleBy(current, v);
          scaleRunDone = true;
        }
        maxScale = Math.max(maxScale, v);
        lastScale = v;
        group = 0;
        pending = null;
        afterTens = false;
        afterHundred = false;
        afterZeroTens = false;
        lastWasScale = true;
        sawAtom = true;
        numberWords++;
        continue;
      }
      case 'half-after':
        // "triệu rưỡi" = 1.5 million, "trăm rưỡi" = 150.
        if (lastWasScale) {
          total += lastScale / 2;
        } else if (afterHundred && pending === null && group % 100 === 0) {
          group += 50;
        } else break;
        numberWords++;
        scaleRunDone = true;
        continue;
      case 'half':
        if (sawAtom) {
          // "một nửa": one half.
          if (pending === 1 && total === 0 && group === 0) {
            pending = 0.5;
            numberWords++;
            continue;
          }
          break;
        }
        pending = 0.5;
        numberWords++;
        sawAtom = true;
        continue;
      default:
        break;
    }
    break;
  }
  if (!sawAtom || j === i) return null;
  const value = total + group + (pending ?? 0);
  if (!Number.isFinite(value)) return null;
  const scale = scaleRun >= 1e6 ? scaleRun : 1;
  return { value, first: i, last: j, scale, digits, numberWords };
}
