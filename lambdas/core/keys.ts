/**
 * Lookup keys: one spelling per word, whatever its case and tone-mark placement.
 *
 * Vietnamese writes the same syllable with the tone on either vowel of oa, oe, uy ("hoà" and "hòa",
 * "thuỷ" and "thủy"), and feeds mix both. A key lowercases the text, lifts the tone mark off each
 * syllable and writes it as a digit after the syllable (1 acute, 2 grave, 3 hook, 4 tilde, 5 dot below),
 * so both placements meet. Keys are for lookups only: output always quotes the text as written.
 */

const TONE_DIGIT: Readonly<Record<string, string>> = {
  '\u0301': '1',
  '\u0300': '2',
  '\u0309': '3',
  '\u0303': '4',
  '\u0323': '5',
};

const cache = new Map<string, string>();
const CACHE_LIMIT = 200_000;

function computeKey(text: string): string {
  const decomposed = text.toLowerCase().normalize('NFD');
  let out = '';
  let syllable = '';
  let tone = '';
  const flush = (): void => {
    if (syllable) out += syllable.normalize('NFC') + tone;
    syllable = '';
    tone = '';
  };
  for (const ch of decomposed) {
    const digit = TONE_DIGIT[ch];
    if (digit !== undefined) {
      tone = digit;
      continue;
    }
    if (/[\p{L}\p{M}]/u.test(ch)) {
      syllable += ch;
    } else {
      flush();
      out += /\s/.test(ch) ? ' ' : ch;
    }
  }
  flush();
  return out.replace(/ {2,}/g, ' ').trim();
}

/**
 * The lookup key of a word or phrase: `termKey('Hoà Bình') === termKey('hòa bình')`.
 * Whitespace runs collapse to one space.
 */
export function termKey(text: string): string {
  let key = cache.get(text);
  if (key === undefined) {
    key = computeKey(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, key);
  }
  return key;
}
