/**
 * Lookup keys: one spelling per word, whatever its case and tone-mark placement.
 *
 * Vietnamese writes the same syllable with the tone on either vowel of a final oa, oe or uy ("hoà" and
 * "hòa", "thuỷ" and "thủy"), and feeds mix both. A key is the NFC text in lower case with the tone of
 * those clusters on the second vowel ("hòa" → "hoà", "thủy" → "thuỷ"). The change keeps the length,
 * so the keys of a whole text can be made once and sliced at token offsets. Keys are for lookups only:
 * output always quotes the text as written.
 */

const OLD_STYLE = /([òóỏõọ])([ae])(?![\p{L}\p{M}])|(?<![qQ])([ùúủũụ])y(?![\p{L}\p{M}])/gu;
const TONE_OF: Readonly<Record<string, number>> = {
  ò: 0, ó: 1, ỏ: 2, õ: 3, ọ: 4,
  ù: 0, ú: 1, ủ: 2, ũ: 3, ụ: 4,
};
const TONED: Readonly<Record<string, readonly string[]>> = {
  a: ['à', 'á', 'ả', 'ã', 'ạ'],
  e: ['è', 'é', 'ẻ', 'ẽ', 'ẹ'],
  y: ['ỳ', 'ý', 'ỷ', 'ỹ', 'ỵ'],
};

function moveTone(_m: string, o: string | undefined, ae: string | undefined, u: string | undefined): string {
  if (o !== undefined && ae !== undefined) return `o${TONED[ae]![TONE_OF[o]!]}`;
  return `u${TONED.y![TONE_OF[u!]!]}`;
}

/**
 * The keys of a whole normalized text, offset for offset: `keyText(t).slice(a, b)` is the key of
 * `t.slice(a, b)` for any token. Returns null in the rare case lower-casing changes the length.
 */
export function keyText(text: string): string | null {
  const lower = text.toLowerCase();
  if (lower.length !== text.length) return null;
  return lower.replace(OLD_STYLE, moveTone);
}

/** The key of text that is already NFC, lower case and single-spaced (the generated lexicon). */
export function lowerKey(text: string): string {
  return text.replace(OLD_STYLE, moveTone);
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

/**
 * The lookup key of a word or phrase: `termKey('Hoà Bình') === termKey('hòa bình')`.
 * Whitespace runs collapse to one space.
 */
export function termKey(text: string): string {
  let key = cache.get(text);
  if (key === undefined) {
    key = text.normalize('NFC').toLowerCase().replace(OLD_STYLE, moveTone).replace(/\s+/g, ' ').trim();
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, key);
  }
  return key;
}
