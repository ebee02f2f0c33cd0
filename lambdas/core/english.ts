/**
 * English output: numbers as digits with thousands commas, plurals, and noun phrases put in English
 * order (Vietnamese puts the head first: "ma túy tổng hợp" → "synthetic drugs").
 */
import type { Language } from './language';

const SCALE_WORDS: ReadonlyArray<[number, string]> = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
];

/** "1100" → "1,100", "2.3" → "2.3", with at most six decimals. */
export function formatNumber(value: number): string {
  // Whole numbers, the common case: group the digits without a regular expression.
  if (Number.isSafeInteger(value)) {
    const digits = String(Math.abs(value));
    let out = '';
    for (let i = 0; i < digits.length; i++) {
      if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
      out += digits[i];
    }
    return value < 0 ? `-${out}` : out;
  }
  const negative = value < 0;
  const abs = Math.abs(value);
  let [intPart, frac = ''] = String(Number(abs.toFixed(6))).split('.');
  if (intPart!.includes('e')) intPart = BigInt(Math.round(abs)).toString();
  const grouped = intPart!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/**
 * A value in the scale the source states it in: (1300000, 1e6) → "1.3 million", (14e12, 1e9) →
 * "14,000 billion", (500000, 1e6) → "500,000" (a mantissa below one reads better written out).
 */
export function formatScaled(value: number, scale: number): string {
  if (scale >= 1e6) {
    const word = SCALE_WORDS.find(([s]) => s === scale)?.[1];
    const mantissa = Number((value / scale).toPrecision(15));
    if (word && mantissa >= 1) return `${formatNumber(mantissa)} ${word}`;
  }
  return formatNumber(value);
}

const PREPOSITIONS = new Set([
  'of', 'against', 'for', 'in', 'on', 'with', 'from', 'to', 'by', 'at', 'per', 'about', 'under', 'over',
  'without', 'into', 'between', 'among', 'during', 'after', 'before', 'carrying', 'containing', 'involving',
  'who', 'which', 'that',
]);

function pluralizeWord(word: string, lang: Language): string {
  const lower = word.toLowerCase();
  const irregular = lang.plurals.get(lower);
  if (irregular) return word === lower ? irregular : irregular.charAt(0).toUpperCase() + irregular.slice(1);
  // Symbols, acronyms and proper nouns ("France", "VND") never take -s.
  if (lang.uncountable.has(lower) || /[^a-z-]/i.test(word) || word === word.toUpperCase() || word.charAt(0) !== lower.charAt(0)) return word;
  if (/[^u]man$/i.test(word) && !/(human|german|roman|shaman)$/i.test(word)) return `${word.slice(0, -3)}men`;
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * Plural of an English noun phrase: the last word, or the word before the first preposition
 * ("crime against social order" → "crimes against social order"). Uncountable nouns and symbols stay.
 */
export function pluralize(phrase: string, lang: Language): string {
  const whole = lang.plurals.get(phrase.toLowerCase());
  if (whole) return whole;
  if (lang.uncountable.has(phrase.toLowerCase())) return phrase;
  const words = phrase.split(' ');
  let head = words.length - 1;
  for (let i = 1; i < words.length; i++) {
    if (PREPOSITIONS.has(words[i]!.toLowerCase())) {
      head = i - 1;
      break;
    }
  }
  // "and"-lists of nouns pluralize each noun: "province and city" → "provinces and cities".
  const out = words.slice();
  out[head] = pluralizeWord(out[head]!, lang);
  for (let i = 1; i < head; i++) {
    if (out[i] === 'and' && i > 0) out[i - 1] = pluralizeWord(out[i - 1]!, lang);
  }
  return out.join(' ');
}

/** True when an English modifier follows its noun: a prepositional phrase or a listed participle. */
export function isPostpositive(en: string, lang: Language): boolean {
  const first = en.split(' ')[0]!.toLowerCase();
  return PREPOSITIONS.has(first) || lang.postpositive.has(en.toLowerCase()) || lang.postpositive.has(first);
}

/** "a", "a and b", "a, b and c". */
export function joinList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** English for a qualifier, by approx, when the glossary has none. */
export const QUALIFIER_EN: Readonly<Record<string, string>> = {
  more_than: 'more than',
  less_than: 'less than',
  nearly: 'nearly',
  about: 'about',
  at_least: 'at least',
  at_most: 'at most',
};

/** English for vague scale words: "hàng trăm" → "hundreds", "hàng chục nghìn" → "tens of thousands". */
export function multiplesPhrase(scales: readonly number[], vague: 'many' | 'few'): string {
  const names: Record<number, [string, string]> = {
    10: ['tens', 'ten'],
    100: ['hundreds', 'hundred'],
    1000: ['thousands', 'thousand'],
    10000: ['tens of thousands', 'ten thousand'],
    1e6: ['millions', 'million'],
    1e9: ['billions', 'billion'],
  };
  if (vague === 'few') {
    const parts = scales.map((s) => names[s]?.[1] ?? formatNumber(s));
    return `a few ${parts.join(' ')}`;
  }
  // "hàng chục" alone reads "dozens".
  if (scales.length === 1 && scales[0] === 10) return 'dozens';
  const plural = scales.map((s) => names[s]?.[0] ?? formatNumber(s));
  return plural.join(' of ');
}

/** English that reads as a verb in the past ("seized", "broke up"): glossary verbs follow this rule. */
export const PAST_TENSE = /^(?:(?!\w*eed\b)\w+ed|broke|seized|sold|bought|paid|won|lost|fought|caught|took|gave|made|held|brought|set|cut|put|rose|fell|spent|lent|met|found|led|left|kept|sent|built|struck|stole|ran|hit|shot|beat|bit|drove|flew|grew|knew|threw|wrote|spread|sank|swept|burnt|burned|dealt|sought|taught|withdrew|overtook|undertook|froze|forbade|hid|laid|paid|read|rode|shook|slid|spun|stood|swore|tore|upheld|withheld|won)\b/i;
