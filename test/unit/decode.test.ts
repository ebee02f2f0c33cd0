import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, normalizeText } from '../../lambdas/core/decode';
import { BinaryInputError, EmptyInputError, EncodingError } from '../../lambdas/core/errors';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => Uint8Array.from(b);

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

describe('decodeBytes: accepted encodings', () => {
  const text = 'Giá vàng tăng 450.000 đồng/lượng.\r\nHoà bình';
  it.each<[string, Uint8Array]>([
    ['UTF-8', enc(text)],
    ['UTF-8 with a BOM', Uint8Array.from([0xef, 0xbb, 0xbf, ...enc(text)])],
    ['UTF-16LE with a BOM', utf16(text, true)],
    ['UTF-16BE with a BOM', utf16(text, false)],
    ['UTF-8 in NFD', enc(text.normalize('NFD'))],
  ])('%s decodes to the same NFC text', (_name, input) => {
    expect(decodeBytes(input)).toBe(text.normalize('NFC'));
  });

  it('keeps line ends as they are (normalizeText changes them)', () => {
    expect(decodeBytes(enc('a\r\nb'))).toBe('a\r\nb');
  });
});

describe('decodeBytes: rejected input', () => {
  it.each<[string, Uint8Array, new (...args: never[]) => Error, RegExp]>([
    ['empty', new Uint8Array(), EmptyInputError, /empty/],
    ['whitespace only', enc(' \n\t \r\n'), EmptyInputError, /whitespace/],
    ['a PNG image', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13), BinaryInputError, /PNG image/],
    ['a JPEG image', bytes(0xff, 0xd8, 0xff, 0xe0, 0, 16), BinaryInputError, /JPEG/],
    ['a PDF', enc('%PDF-1.7\n%âãÏÓ'), BinaryInputError, /PDF/],
    ['a ZIP archive', bytes(0x50, 0x4b, 0x03, 0x04, 20, 0), BinaryInputError, /ZIP/],
    ['text with a NUL byte', enc('abc\u0000def'), BinaryInputError, /NUL byte at byte offset 3/],
    ['UTF-16 without a BOM', enc('a\u0000b\u0000'), BinaryInputError, /byte order mark/],
    ['a stray continuation byte', bytes(0x61, 0x62, 0x80, 0x63), EncodingError, /byte offset 2/],
    ['a cut-off sequence', bytes(0x61, 0xe1, 0xba), EncodingError, /byte offset 1/],
    ['an overlong encoding', bytes(0x61, 0xc0, 0xaf), EncodingError, /byte offset 1/],
    ['Latin-1 text', bytes(0x47, 0x69, 0xe1, 0x20, 0x76), EncodingError, /not valid UTF-8: a multi-byte character is broken by byte 0x20 .* at byte offset 2/],
    ['UTF-16 with an odd length', bytes(0xff, 0xfe, 0x61, 0x00, 0x62), EncodingError, /odd number of bytes/],
    ['UTF-16 with an unpaired surrogate', bytes(0xff, 0xfe, 0x00, 0xd8, 0x61, 0x00), EncodingError, /unpaired high surrogate/],
  ])('%s', (_name, input, type, message) => {
    expect(() => decodeBytes(input)).toThrow(type);
    expect(() => decodeBytes(input)).toThrow(message);
  });

  it('names the byte offset of invalid UTF-8 in a typed field', () => {
    try {
      decodeBytes(bytes(0x61, 0x62, 0x63, 0xff));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(EncodingError);
      expect((e as EncodingError).byteOffset).toBe(3);
      expect((e as EncodingError).code).toBe('INVALID_UTF8');
    }
  });
});

describe('normalizeText', () => {
  it.each<[string, string, string]>([
    ['CRLF and CR to LF', 'a\r\nb\rc', 'a\nb\nc'],
    ['NBSP and narrow NBSP to a space', 'a\u00a0b\u202fc', 'a b c'],
    ['zero-width characters and soft hyphens removed', 'a\u200bb\u200c\u200dc\ufeffd\u00ade', 'abcde'],
    ['named entities', 'Nông nghiệp &amp; phát triển &quot;mãi lộ&quot;', 'Nông nghiệp & phát triển "mãi lộ"'],
    ['numeric entities', '&#8220;x&#8221; &#x201C;y&#x201D;', '“x” “y”'],
    ['twice-escaped entities', '&amp;quot;x&amp;quot;', '"x"'],
    ['unknown entities kept', 'AT&T &foo; &#0;', 'AT&T &foo; &#0;'],
    ['NFC after decoding', 'Ho\u0300a', 'Hòa'],
  ])('%s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });
});

describe('the shipped encodings corpus (test/fixtures/encodings)', () => {
  const dir = join(import.meta.dirname, '..', 'fixtures', 'encodings');
  const manifest: { files: Array<{ file: string; decoded_nfc_utf8_sha256?: string; nfc_utf8_sha256?: string }> } = JSON.parse(
    readFileSync(join(dir, 'manifest.json'), 'utf8'),
  );
  it.each(manifest.files.map((f) => [f.file, f] as const))('%s decodes to the sha256 of its manifest', (file, entry) => {
    const text = decodeBytes(readFileSync(join(dir, file)));
    const sha = createHash('sha256').update(text, 'utf8').digest('hex');
    expect(sha).toBe(entry.decoded_nfc_utf8_sha256 ?? entry.nfc_utf8_sha256);
  });
});
