import { describe, expect, it } from 'vitest';
import { sentencesOf, summarize, tokensOf, wordsOf } from '../../lambdas/core';
import { parseArticle } from '../../lambdas/core/article';
import { tokenize } from '../../lambdas/core/tokens';
import { headKeyOf } from '../../lambdas/core/words';
import { builtinGlossary, builtinLanguage } from '../../lambdas/data';

describe('sentences', () => {
  it.each<[string, string[]]>([
    ['Giá vàng tăng. Người dân lo lắng.', ['Giá vàng tăng.', 'Người dân lo lắng.']],
    // abbreviations keep their period
    ['Ông A ở TP. HCM. Bà B ở TP.HCM.', ['Ông A ở TP. HCM.', 'Bà B ở TP.HCM.']],
    ['Nhà ở Q. 5, P. 9, Tp. Cần Thơ có giá cao.', ['Nhà ở Q. 5, P. 9, Tp. Cần Thơ có giá cao.']],
    ['TS. Nguyễn Văn A, ThS. Trần B, PGS. Lê C, GS. Phạm D, BS. Võ E và Mr. Smith dự họp.', ['TS. Nguyễn Văn A, ThS. Trần B, PGS. Lê C, GS. Phạm D, BS. Võ E và Mr. Smith dự họp.']],
    // numbers keep their separators
    ['Có 1.100 vụ, tăng 2,5% và giá 654,8 USD. Ngày 24.10 có mưa.', ['Có 1.100 vụ, tăng 2,5% và giá 654,8 USD.', 'Ngày 24.10 có mưa.']],
    // ellipses
    ['Họ bắt, xử lý nhiều đối tượng... góp phần giữ an ninh. Năm nay tốt hơn.', ['Họ bắt, xử lý nhiều đối tượng... góp phần giữ an ninh.', 'Năm nay tốt hơn.']],
    ['Trời mưa… Đường ngập.', ['Trời mưa…', 'Đường ngập.']],
    // quotes
    ['Ông nói: “Tôi không biết.” Sau đó ông đi.', ['Ông nói: “Tôi không biết.”', 'Sau đó ông đi.']],
    ['Anh hỏi: "Có thật không?" Chị gật đầu.', ['Anh hỏi: "Có thật không?"', 'Chị gật đầu.']],
    // a number can start a sentence
    ['Mưa lớn kéo dài. 3 người chết.', ['Mưa lớn kéo dài.', '3 người chết.']],
    // lines with no final punctuation
    ['Giá vàng tăng mạnh\nNgười dân đổ xô mua vàng', ['Giá vàng tăng mạnh', 'Người dân đổ xô mua vàng']],
  ])('%s', (text, expected) => {
    expect(sentencesOf(text).map((s) => s.text)).toEqual(expected);
  });

  it('gives offsets that slice exactly', () => {
    const text = 'Ông A ở TP. HCM. Bà B ở TP.HCM.\nGiá 1.100 đồng. Hết';
    for (const s of sentencesOf(text)) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe('tokens', () => {
  it.each<[string, string[]]>([
    ['Giá 1.100 đồng/lượng, tăng 2,5%.', ['Giá', '1.100', 'đồng', '/', 'lượng', ',', 'tăng', '2,5', '%', '.']],
    ['Ngày 12/02/2018 lúc 15h30 xe 51A1-0495', ['Ngày', '12/02/2018', 'lúc', '15h30', 'xe', '51A1-0495']],
    ['Nghị định 100/2019/NĐ-CP về Covid-19', ['Nghị', 'định', '100/2019/NĐ-CP', 'về', 'Covid-19']],
    ['cát-tút, TP.HCM, 35.000-45.000 đồng', ['cát-tút', ',', 'TP.HCM', ',', '35.000', '-', '45.000', 'đồng']],
    ['từ 1.600m-2.000m', ['từ', '1.600', 'm', '-', '2.000', 'm']],
    ['USD1,23 và VN$1000', ['USD', '1,23', 'và', 'VN', '$', '1000']],
    ['Xem tại https://vnexpress.net/a-1.html hoặc a@b.vn.', ['Xem', 'tại', 'https://vnexpress.net/a-1.html', 'hoặc', 'a@b.vn', '.']],
  ])('%s', (text, expected) => {
    expect(tokensOf(text).map((t) => t.text)).toEqual(expected);
  });

  it('gives offsets that slice exactly', () => {
    const text = 'Ngày 12/02/2018, TP.HCM có 1.100 vụ… “Hết”';
    for (const t of tokensOf(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});

describe('words (longest match over the lexicon and the glossary)', () => {
  it.each<[string, string[]]>([
    ['thu giữ hơn 2 kg ma túy tổng hợp', ['thu giữ', 'hơn', '2', 'kg', 'ma túy tổng hợp']],
    ['hội nghị ở TP Cần Thơ', ['hội nghị', 'ở', 'TP Cần Thơ']],
    ['ông Trần Việt Trường phát biểu', ['ông', 'Trần Việt Trường', 'phát biểu']],
    // a unit right after a number stays apart from a word it could start ("năm nay" = this year)
    ['hơn 20 năm nay', ['hơn', '20', 'năm', 'nay']],
    // a dictionary word does not swallow the capitalized word of a name
    ['có Điều 134', ['có', 'Điều', '134']],
  ])('%s', (text, expected) => {
    expect(wordsOf(text).flat().map((w) => w.text)).toEqual(expected);
  });

  it('reads tone-mark variants alike (hoà / hòa)', () => {
    const a = wordsOf('xử lý hòa giải').flat().map((w) => w.text.normalize());
    const b = wordsOf('xử lý hoà giải').flat().map((w) => w.text.normalize());
    expect(a.length).toBe(b.length);
  });
});

describe('article structure', () => {
  it('reads the header of the seed format', () => {
    const text = ' date 2023-02 (PLO)- Đó là kết quả.\n\nChiều 1-2, hội nghị diễn ra.';
    const { article, lines } = parseArticle(text);
    expect(article).toMatchObject({ dateline: '2023-02', outlet: 'PLO', title: null });
    expect(lines.map((l) => text.slice(l.start, l.end))).toEqual(['Đó là kết quả.', 'Chiều 1-2, hội nghị diễn ra.']);
  });

  it.each<[string, string | null]>([
    ['Giá tôm sú tăng mạnh\nGiá tôm đã tăng 20%.', 'Giá tôm sú tăng mạnh'],
    ['Chây ì nộp phạt nguội.\nNhiều chủ xe chưa nộp phạt.', 'Chây ì nộp phạt nguội.'],
    ['Sáng 29/10, tòa tuyên án vụ Lương Quốc Dũng.\nHàng trăm người đến dự.', null],
    ['Bộ Thương mại vừa hoàn thành đề án phát triển xuất khẩu giai đoạn 2006-2010, trong đó đề ra mục tiêu tăng trưởng xuất khẩu 17,5%/năm cho cả giai đoạn.\nTiếp theo.', null],
  ])('title of %j', (text, title) => {
    expect(parseArticle(text).article.title?.text ?? null).toBe(title);
  });

  it('counts the title as a sentence and its figures like any other line', () => {
    const doc = summarize('Lệ phí tăng 25-50%\nBộ Tài chính vừa ban hành quyết định.');
    expect(doc.sentences[0]).toMatchObject({ paragraph: -1, text: 'Lệ phí tăng 25-50%' });
    expect(doc.figures[0]).toMatchObject({ value: 25, valueMax: 50, sentence: 0 });
  });
});

describe('glossary term heads', () => {
  it('the quick head key of every built-in term is the key the tokenizer gives its first token', () => {
    const { abbreviations } = builtinLanguage();
    const terms = [...builtinGlossary().entries()].map((e) => e.vi);
    terms.push('TP.HCM', 'Covid-19', '2 tỷ', 'USD5', 'hoà bình', 'Thuỷ', 'Rs. 20', 'ʻOkina');
    expect(terms.length).toBeGreaterThan(9000);
    for (const vi of terms) {
      const space = vi.indexOf(' ');
      const expected = tokenize(vi, 0, space < 0 ? vi.length : space, abbreviations)[0]?.key;
      expect(headKeyOf(vi, abbreviations), vi).toBe(expected);
    }
  });
});
