import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildGlossary, Glossary, parseGlossaryCsv } from '../../lambdas/core/glossary';
import { GlossaryError } from '../../lambdas/core/errors';
import { termKey } from '../../lambdas/core/keys';
import { builtinGlossary } from '../../lambdas/data';

const dir = join(import.meta.dirname, '..', '..', 'lambdas', 'data', 'glossary');
const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();

describe('parseGlossaryCsv', () => {
  it('reads rows, with quoted cells', () => {
    const entries = parseGlossaryCsv('vi,en\nma túy tổng hợp,synthetic drug\n"tàu, thuyền","boat, ship"\n"a ""b""",c\n', 'x.csv');
    expect(entries.map((e) => [e.vi, e.en, e.line])).toEqual([
      ['ma túy tổng hợp', 'synthetic drug', 2],
      ['tàu, thuyền', 'boat, ship', 3],
      ['a "b"', 'c', 4],
    ]);
  });

  it('accepts CRLF, a BOM and blank lines', () => {
    expect(parseGlossaryCsv('\ufeffvi,en\r\nvụ,case\r\n\r\n', 'x.csv')).toHaveLength(1);
  });

  it.each<[string, string, RegExp]>([
    ['a wrong header', 'vi;en\nvụ;case\n', /x\.csv:1: the first row must be "vi,en"/],
    ['a row with one cell', 'vi,en\nvụ\n', /x\.csv:2: expected 2 cells/],
    ['a row with three cells', 'vi,en\nvụ,case,extra\n', /x\.csv:2: expected 2 cells/],
    ['an empty vi cell', 'vi,en\n,case\n', /x\.csv:2: empty vi cell/],
    ['an empty en cell', 'vi,en\nvụ,\n', /x\.csv:2: empty en cell/],
    ['an open quote', 'vi,en\n"vụ,case\n', /x\.csv:2: a quoted cell is not closed/],
    ['spaces around a cell', 'vi,en\nvụ ,case\n', /x\.csv:2: .*leading or trailing spaces/],
    ['NFD text', `vi,en\n${'vụ'.normalize('NFD')},case\n`, /x\.csv:2: .*not NFC/],
    ['a duplicate', 'vi,en\nvụ,case\nxe,vehicle\nVụ,incident\n', /x\.csv:4: duplicate term "Vụ" \(same as line 2/],
    ['a duplicate by tone placement', 'vi,en\nhòa bình,peace\nhoà bình,peace\n', /x\.csv:3: duplicate term/],
  ])('rejects %s, naming the line', (_name, csv, message) => {
    expect(() => parseGlossaryCsv(csv, 'x.csv')).toThrow(GlossaryError);
    expect(() => parseGlossaryCsv(csv, 'x.csv')).toThrow(message);
  });
});

describe('lookup keys', () => {
  it.each<[string, string]>([
    ['hoà', 'hòa'],
    ['Thuỷ', 'thủy'],
    ['KHOẺ', 'khỏe'],
    ['Hoà  Bình', 'hòa bình'],
  ])('%s and %s are the same term', (a, b) => {
    expect(termKey(a)).toBe(termKey(b));
  });
  it('keeps different words apart', () => {
    expect(termKey('hoàn')).not.toBe(termKey('hoán'));
    expect(termKey('quý')).toBe('quý');
  });
});

describe('Glossary', () => {
  const g = new Glossary(parseGlossaryCsv('vi,en\nma túy,drug\nma túy tổng hợp,synthetic drug\ntổng hợp,synthetic\n', 'g.csv'));
  it('finds the longest term', () => {
    const keys = ['ma', 'túy', 'tổng', 'hợp'].map(termKey);
    expect(g.longestAt(keys, 0)).toMatchObject({ words: 4, entry: { en: 'synthetic drug' } });
    expect(g.longestAt(keys, 2)).toMatchObject({ words: 2, entry: { en: 'synthetic' } });
    expect(g.longestAt(keys, 1)).toBeUndefined();
  });
  it('merges a user glossary over it: the user wins, the rest stays', () => {
    const merged = g.merge(parseGlossaryCsv('vi,en\nma túy,narcotic\nxe,vehicle\n', 'user.csv'));
    expect(merged.get('ma túy')!.en).toBe('narcotic');
    expect(merged.get('ma túy tổng hợp')!.en).toBe('synthetic drug');
    expect(merged.get('xe')!.en).toBe('vehicle');
    expect(g.get('ma túy')!.en).toBe('drug');
  });
  it('rejects a term that two built-in files both define', () => {
    expect(() =>
      buildGlossary([
        { source: 'a.csv', text: 'vi,en\nvụ,case\n' },
        { source: 'b.csv', text: 'vi,en\nVụ,incident\n' },
      ]),
    ).toThrow(/b\.csv:2: duplicate term "Vụ": already in a\.csv:2/);
  });
});

describe('the built-in glossary (lambdas/data/glossary)', () => {
  it('loads every file with no duplicate or conflicting entry', () => {
    const glossary = builtinGlossary();
    const total = files.reduce((n, f) => n + parseGlossaryCsv(readFileSync(join(dir, f), 'utf8'), f).length, 0);
    expect(glossary.size).toBe(total);
    expect(glossary.size).toBeGreaterThanOrEqual(3000);
  });

  it.each(files)('%s is sorted by term key, in Amazon Translate form', (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    expect(text.split('\n')[0]).toBe('vi,en');
    const keys = parseGlossaryCsv(text, file).map((e) => e.key);
    const sorted = keys.slice().sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    expect(keys).toEqual(sorted);
  });

  it.each<[string, string]>([
    ['vụ việc', 'case'],
    ['đối tượng', 'suspect'],
    ['ma túy tổng hợp', 'synthetic drug'],
    ['đồng', 'VND'],
    ['lượng', 'tael'],
    ['triệt phá', 'broke up'],
    ['thu giữ', 'seized'],
    ['hơn', 'more than'],
    ['gần', 'nearly'],
    ['Cần Thơ', 'Can Tho'],
    ['TP.HCM', 'Ho Chi Minh City'],
  ])('has %s = %s', (vi, en) => {
    expect(builtinGlossary().get(vi)?.en).toBe(en);
  });

  it('covers all 63 provinces and centrally run cities', () => {
    const provinces = [
      'An Giang', 'Bà Rịa - Vũng Tàu', 'Bắc Giang', 'Bắc Kạn', 'Bạc Liêu', 'Bắc Ninh', 'Bến Tre', 'Bình Định', 'Bình Dương',
      'Bình Phước', 'Bình Thuận', 'Cà Mau', 'Cần Thơ', 'Cao Bằng', 'Đà Nẵng', 'Đắk Lắk', 'Đắk Nông', 'Điện Biên', 'Đồng Nai',
      'Đồng Tháp', 'Gia Lai', 'Hà Giang', 'Hà Nam', 'Hà Nội', 'Hà Tĩnh', 'Hải Dương', 'Hải Phòng', 'Hậu Giang', 'Hòa Bình',
      'Hưng Yên', 'Khánh Hòa', 'Kiên Giang', 'Kon Tum', 'Lai Châu', 'Lâm Đồng', 'Lạng Sơn', 'Lào Cai', 'Long An', 'Nam Định',
      'Nghệ An', 'Ninh Bình', 'Ninh Thuận', 'Phú Thọ', 'Phú Yên', 'Quảng Bình', 'Quảng Nam', 'Quảng Ngãi', 'Quảng Ninh',
      'Quảng Trị', 'Sóc Trăng', 'Sơn La', 'Tây Ninh', 'Thái Bình', 'Thái Nguyên', 'Thanh Hóa', 'Thừa Thiên Huế', 'TP.HCM',
      'Tiền Giang', 'Trà Vinh', 'Tuyên Quang', 'Vĩnh Long', 'Vĩnh Phúc', 'Yên Bái',
    ];
    expect(provinces).toHaveLength(63);
    const g = builtinGlossary();
    const missing = provinces.filter((p) => !g.get(p) && !g.get(`tỉnh ${p}`));
    expect(missing).toEqual([]);
  });
});
