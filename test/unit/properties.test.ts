import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BadInputError, summarize, type SummaryDocument } from '../../lambdas/core';

/** Fragments that exercise the number reader: digits in every notation, number words, units, qualifiers, punctuation. */
const FRAGMENTS = [
  '1.100', '2,5', '654,8', '35.000-45.000', '12/02/2018', '15h30', '29-4', '2022', '0', '01', ',77', '100K', '-5',
  'một', 'hai', 'ba', 'năm', 'mười', 'mươi', 'mốt', 'lăm', 'tư', 'linh', 'trăm', 'nghìn', 'ngàn', 'triệu', 'tỷ', 'tỉ',
  'rưỡi', 'nửa', 'chục', 'không', 'vạn', 'hàng', 'vài', 'cả', 'gấp', 'đôi', 'lần',
  'đồng', 'USD', '$', '%', 'kg', 'ha', 'm2', 'năm tù', 'tháng', 'ngày', 'giờ', 'tuổi', 'người', 'vụ', 'đối tượng', 'xe',
  'hơn', 'gần', 'khoảng', 'dưới', 'trên', 'từ', 'đến', 'trở lên', 'ít nhất', 'hoặc', 'và',
  'Điều', 'quận', 'số', 'ngày', 'lúc', 'Ban Chỉ đạo', 'TP.HCM', 'Q.', 'ông', 'Cần Thơ',
  ',', '.', '...', '“', '”', '(', ')', '/', '-', '–', ':', ';', '\n', ' ', '  ', 'a', 'Z', 'ồ',
];
/** More runs locally: FC_RUNS=20000 npx vitest run test/unit/properties.test.ts */
const RUNS = Number(process.env.FC_RUNS ?? 400);
const vietnamese = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 60 }).map((parts) => parts.join(' '));
const anyText = fc.oneof(vietnamese, fc.string({ maxLength: 200 }), fc.string({ unit: 'grapheme', maxLength: 120 }), fc.string({ unit: 'binary', maxLength: 120 }));

/** Runs the engine; returns the document, or null when it refused the input with a typed error. */
function run(input: string | Uint8Array): SummaryDocument | null {
  try {
    return summarize(input);
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    expect((error as Error).message.length).toBeGreaterThan(10);
    return null;
  }
}

function checkOffsets(doc: SummaryDocument): void {
  const { text } = doc;
  const slices = (s: { start: number; end: number }) => text.slice(s.start, s.end);
  for (const s of doc.sentences) expect(slices(s)).toBe(s.text);
  for (const n of doc.numbers) {
    expect(slices(n)).toBe(n.text);
    expect(Number.isFinite(n.value)).toBe(true);
    if (n.valueMax !== undefined) expect(Number.isFinite(n.valueMax)).toBe(true);
  }
  for (const f of doc.figures) {
    expect(slices(f)).toBe(f.vi);
    expect(Number.isFinite(f.value)).toBe(true);
    if (f.valueMax !== undefined) expect(Number.isFinite(f.valueMax)).toBe(true);
    for (const term of [f.qualifier, f.thing, f.action]) if (term) expect(slices(term)).toBe(term.vi);
    expect(f.sentence).toBeGreaterThanOrEqual(0);
    expect(f.sentence).toBeLessThan(doc.sentences.length);
  }
  if (doc.article.title) expect(slices(doc.article.title)).toBe(doc.article.title.text);
  for (const p of doc.article.paragraphs) expect(p.end).toBeGreaterThanOrEqual(p.start);
}

describe('properties (fast-check)', () => {
  it('any text: a document whose every offset slices exactly to what it reports, and finite values; or a typed error', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = run(text);
        if (doc) checkOffsets(doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('any bytes: a document or a typed error, never a crash', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const doc = run(bytes);
        if (doc) checkOffsets(doc);
      }),
      { numRuns: RUNS },
    );
  });

  it('the same text in UTF-8, UTF-8 with a BOM, UTF-16LE/BE with a BOM or NFD gives the same document', () => {
    const utf16 = (s: string, le: boolean) => {
      const out = new Uint8Array(2 + s.length * 2);
      const view = new DataView(out.buffer);
      view.setUint16(0, 0xfeff, le);
      for (let i = 0; i < s.length; i++) view.setUint16(2 + i * 2, s.charCodeAt(i), le);
      return out;
    };
    fc.assert(
      fc.property(vietnamese.filter((s) => s.trim() !== ''), (text) => {
        const plain = run(new TextEncoder().encode(text));
        if (!plain) return;
        for (const variant of [
          Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]),
          utf16(text, true),
          utf16(text, false),
          new TextEncoder().encode(text.normalize('NFD')),
        ]) {
          const doc = run(variant)!;
          expect(doc.figures).toEqual(plain.figures);
          expect(doc.numbers).toEqual(plain.numbers);
        }
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });

  it('is deterministic', () => {
    fc.assert(
      fc.property(vietnamese, (text) => {
        const a = run(text);
        const b = run(text);
        expect(JSON.stringify(a)).toBe(JSON.stringify(b));
      }),
      { numRuns: Math.ceil(RUNS / 4) },
    );
  });
});
