/**
 * Bytes to text. `decodeBytes` accepts UTF-8 (with or without a BOM) and UTF-16LE/BE with a BOM, rejects
 * binary and malformed input with typed errors, and returns NFC text. `normalizeText` then makes the text
 * every offset indexes: LF line ends, plain spaces, no zero-width characters, HTML entities decoded.
 */
import { BinaryInputError, EmptyInputError, EncodingError } from './errors';

/** File signatures of binary formats people upload by mistake. */
const SIGNATURES: ReadonlyArray<{ format: string; bytes: readonly number[] }> = [
  { format: 'a PNG image', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { format: 'a JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { format: 'a GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { format: 'a PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { format: 'a ZIP archive (or a DOCX/XLSX document)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { format: 'a gzip archive', bytes: [0x1f, 0x8b] },
  { format: 'a legacy Word/Excel document', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

/** Offset and reason of the first malformed UTF-8 sequence, scanning from `from`. */
export function findInvalidUtf8(bytes: Uint8Array, from = 0): { offset: number; reason: string } | null {
  let i = from;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return { offset: i, reason: `byte 0x${b.toString(16).toUpperCase().padStart(2, '0')} cannot start a character` };
    }
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined) return { offset: i, reason: 'a multi-byte character is cut off at the end' };
      if ((c & 0xc0) !== 0x80) {
        return { offset: i, reason: `a multi-byte character is broken by byte 0x${c.toString(16).toUpperCase().padStart(2, '0')} (the file may be Latin-1 or Windows-1258)` };
      }
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min) return { offset: i, reason: 'an overlong encoding' };
    if (cp >= 0xd800 && cp <= 0xdfff) return { offset: i, reason: 'an encoded surrogate' };
    if (cp > 0x10ffff) return { offset: i, reason: 'a code point beyond U+10FFFF' };
    i += need + 1;
  }
  return null;
}

function decodeUtf16(bytes: Uint8Array, littleEndian: boolean): string {
  const body = bytes.subarray(2);
  if (body.length % 2 !== 0) {
    throw new EncodingError('UTF-16', bytes.length - 1, 'the file has an odd number of bytes');
  }
  const label = littleEndian ? 'utf-16le' : 'utf-16be';
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
  } catch (cause) {
    // Find the unpaired surrogate to name its offset.
    const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
    for (let i = 0; i < body.length; i += 2) {
      const u = view.getUint16(i, littleEndian);
      if (u >= 0xd800 && u <= 0xdbff) {
        const next = i + 2 < body.length ? view.getUint16(i + 2, littleEndian) : 0;
        if (next >= 0xdc00 && next <= 0xdfff) {
          i += 2;
          continue;
        }
        throw new EncodingError('UTF-16', i + 2, 'an unpaired high surrogate');
      }
      if (u >= 0xdc00 && u <= 0xdfff) throw new EncodingError('UTF-16', i + 2, 'an unpaired low surrogate');
    }
    throw new EncodingError('UTF-16', 2, `the decoder refused the text (${String(cause)})`);
  }
}

/**
 * Decodes bytes to NFC text, keeping line ends as they are. Throws EmptyInputError, BinaryInputError or
 * EncodingError (with the byte offset) for input that cannot be an article.
 */
export function decodeBytes(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new EmptyInputError();
  let text: string;
  if (startsWith(bytes, [0xff, 0xfe])) {
    text = decodeUtf16(bytes, true);
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = decodeUtf16(bytes, false);
  } else {
    for (const sig of SIGNATURES) {
      if (startsWith(bytes, sig.bytes)) throw new BinaryInputError(sig.format, 'its first bytes are that format\'s signature');
    }
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
    const nul = bytes.indexOf(0, bom);
    if (nul >= 0) {
      throw new BinaryInputError(
        'binary data',
        `a NUL byte at byte offset ${nul}${nul % 2 === 1 && bytes.length > 1 ? '; UTF-16 text needs a byte order mark' : ''}`,
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bom ? bytes.subarray(bom) : bytes);
    } catch {
      const bad = findInvalidUtf8(bytes, bom) ?? { offset: bom, reason: 'malformed UTF-8' };
      throw new EncodingError('UTF-8', bad.offset, bad.reason);
    }
  }
  if (text.includes('\u0000')) {
    throw new BinaryInputError('binary data', `a NUL character at text offset ${text.indexOf('\u0000')}`);
  }
  text = text.normalize('NFC');
  if (text.trim() === '') throw new EmptyInputError();
  return text;
}

/** Named HTML entities seen in Vietnamese news feeds. Numeric ones (&#8220; &#x201C;) decode generally. */
const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', nbsp: ' ',
  ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»',
  ldquo: '“', rdquo: '”', lsquo: '‘', rsquo: '’', bull: '•', middot: '·',
  deg: '°', times: '×', divide: '÷', euro: '€', pound: '£', yen: '¥', cent: '¢', sup2: '²', sup3: '³',
  frac12: '½', frac14: '¼', frac34: '¾', permil: '‰', copy: '©', reg: '®', trade: '™',
};

function decodeEntity(match: string, body: string): string {
  if (body[0] === '#') {
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return match;
    return String.fromCodePoint(code);
  }
  return ENTITIES[body] ?? ENTITIES[body.toLowerCase()] ?? match;
}

/**
 * The text every offset indexes: HTML entities decoded (twice-escaped ones like `&amp;quot;` too),
 * CRLF and CR to LF, NBSP and other fixed-width spaces to a space, zero-width characters and soft
 * hyphens removed, NFC.
 */
export function normalizeText(text: string): string {
  let out = text;
  if (out.includes('&')) {
    const entity = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,8});/g;
    for (let round = 0; round < 2 && out.includes('&'); round++) out = out.replace(entity, decodeEntity);
  }
  out = out
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\u2007]/g, ' ')
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/[\u2028\u2029\u0085]/g, '\n')
    .replace(/[\t\v\f]/g, ' ');
  return out.normalize('NFC');
}
