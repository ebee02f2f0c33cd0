import { describe, expect, it } from 'vitest';
import { summarize, type Approx, type Figure, type FigureKind } from '../../lambdas/core';

/** Expected figure: value and approx always; the rest when given. `en` is a substring of the English. */
interface Expect {
  value: number;
  approx: Approx;
  kind?: FigureKind;
  valueMax?: number;
  unit?: string;
  en?: string;
}

function figuresOf(text: string): Figure[] {
  return summarize(text).figures;
}

function check(f: Figure | undefined, e: Expect): void {
  expect(f, 'figure missing').toBeDefined();
  expect(f!.value).toBeCloseTo(e.value, 9);
  expect(f!.approx).toBe(e.approx);
  if (e.kind) expect(f!.kind).toBe(e.kind);
  if (e.valueMax !== undefined) expect(f!.valueMax).toBeCloseTo(e.valueMax, 9);
  else expect(f!.valueMax).toBeUndefined();
  if (e.unit) expect(f!.unit).toBe(e.unit);
  if (e.en) expect(f!.en).toContain(e.en);
}

describe('one figure per sentence', () => {
  it.each<[string, Expect]>([
    // counts, with qualifiers
    ['Lực lượng chức năng triệt phá hơn 1.100 vụ việc.', { value: 1100, approx: 'more_than', kind: 'count', en: 'more than 1,100' }],
    ['Công an phát hiện, triệt phá gần 300 vụ.', { value: 300, approx: 'nearly', kind: 'count', en: 'nearly 300' }],
    ['Khoảng 500 cảnh sát được huy động.', { value: 500, approx: 'about', kind: 'count', en: 'about 500' }],
    ['Bão làm ít nhất 12 người chết.', { value: 12, approx: 'at_least', kind: 'count', en: 'at least 12' }],
    ['Xe chở dưới 12 ghế ngồi được miễn phí.', { value: 12, approx: 'less_than', kind: 'count', en: 'fewer than 12' }],
    ['Có trên 100 thuyền viên gặp nạn.', { value: 100, approx: 'more_than', kind: 'count' }],
    ['Hai CSGT đứng chốt.', { value: 2, approx: 'exact', kind: 'count', en: '2 ' }],
    ['Năm nước cử trực thăng tới.', { value: 5, approx: 'exact', kind: 'count' }],
    ['Nam bị mù cả hai mắt.', { value: 2, approx: 'exact', kind: 'count' }],
    ['Hai người này bị bắt.', { value: 2, approx: 'exact', kind: 'count' }],
    ['Thêm 1 cán bộ biên phòng bị bắt.', { value: 1, approx: 'exact', kind: 'count' }],
    // vague scales
    ['Người dân cung cấp hàng ngàn nguồn tin.', { value: 1000, approx: 'multiples', en: 'thousands of' }],
    ['Hàng chục xe bị giữ lại.', { value: 10, approx: 'multiples', en: 'dozens of' }],
    ['Hàng chục ngàn phương tiện vi phạm.', { value: 10000, approx: 'multiples', en: 'tens of thousands of' }],
    ['Thiệt hại hàng trăm triệu đồng.', { value: 1e8, approx: 'multiples', kind: 'money', en: 'hundreds of millions of VND' }],
    ['Xe chạy vài trăm mét thì dừng.', { value: 100, approx: 'multiples', kind: 'quantity', en: 'a few hundred' }],
    // money: scales, rates, mixed forms
    ['Giá vàng tăng 450.000 đồng/lượng.', { value: 450000, approx: 'exact', kind: 'money', unit: 'VND per tael', en: '450,000 VND per tael' }],
    ['Giá vàng thế giới lên 654,8 USD/ounce.', { value: 654.8, approx: 'exact', kind: 'money', unit: 'USD per ounce', en: '654.8 USD per ounce' }],
    ['Công ty nộp 2,3 tỷ đồng.', { value: 2.3e9, approx: 'exact', kind: 'money', unit: 'VND', en: '2.3 billion VND' }],
    ['Vốn là 2 tỷ 300 triệu đồng.', { value: 2.3e9, approx: 'exact', kind: 'money', en: '2.3 billion VND' }],
    ['Dự án cần 3 nghìn tỷ đồng.', { value: 3e12, approx: 'exact', kind: 'money', en: '3 trillion VND' }],
    ['Thu ngân sách đạt 14.000 tỷ đồng.', { value: 1.4e13, approx: 'exact', kind: 'money', en: '14,000 billion VND' }],
    ['Giá bán 1,315 triệu đồng/chỉ.', { value: 1315000, approx: 'exact', kind: 'money', en: '1.315 million VND per mace' }],
    ['Ước đạt 32.500 tỷ đồng.', { value: 3.25e13, approx: 'about', kind: 'money' }],
    ['Mỗi người nhận 50.000đ.', { value: 50000, approx: 'exact', kind: 'money', unit: 'VND' }],
    ['Lương tối thiểu là 350.000 đồng mỗi tháng.', { value: 350000, approx: 'exact', kind: 'money', unit: 'VND per month' }],
    ['Giá thuê khoảng 15 USD/m2/tháng.', { value: 15, approx: 'about', kind: 'money', en: 'USD per square meter per month' }],
    ['Hắn đưa 100 ngàn cho tài xế.', { value: 100000, approx: 'exact', kind: 'money', en: '100,000 VND' }],
    ['Tài xế đưa tờ 10 ngàn đồng.', { value: 10000, approx: 'exact', kind: 'money' }],
    // quantities
    ['Công an thu giữ hơn 2 kg ma túy tổng hợp.', { value: 2, approx: 'more_than', kind: 'quantity', unit: 'kg', en: 'more than 2 kg of' }],
    ['Lũ làm ngập hơn 15.000 ha lúa.', { value: 15000, approx: 'more_than', kind: 'quantity' }],
    ['Tuyến đường dài 12 km.', { value: 12, approx: 'exact', kind: 'quantity', unit: 'km' }],
    ['Thu giữ 0,103 gr heroin.', { value: 0.103, approx: 'exact', kind: 'quantity' }],
    ['Dự án có nửa triệu m2 sàn.', { value: 500000, approx: 'exact', kind: 'quantity', en: '500,000' }],
    ['Sản lượng 84,3 triệu thùng/ngày.', { value: 84.3e6, approx: 'exact', kind: 'quantity', en: '84.3 million barrels per day' }],
    // percentages
    ['Giá tăng 15%.', { value: 15, approx: 'exact', kind: 'percent', en: '15%' }],
    ['Tỷ lệ đạt 98,5%.', { value: 98.5, approx: 'exact', kind: 'percent' }],
    ['Lãi suất 5%/tháng.', { value: 5, approx: 'exact', kind: 'percent', en: '5% per month' }],
    ['Giảm gần 10% so với cùng kỳ.', { value: 10, approx: 'nearly', kind: 'percent', en: 'nearly 10%' }],
    ['Lạm phát ở quanh mức 1%.', { value: 1, approx: 'about', kind: 'percent', en: 'about 1%' }],
    ['Giá vàng cao hơn 3 USD/ounce so với hôm qua.', { value: 3, approx: 'exact', kind: 'money', en: '3 USD per ounce' }],
    // durations
    ['Bị cáo lãnh 9 năm tù.', { value: 9, approx: 'exact', kind: 'duration', en: '9 years in prison' }],
    ['Bị cáo lãnh 7 năm rưỡi tù.', { value: 7.5, approx: 'exact', kind: 'duration' }],
    ['Hàng hóa được lưu trong một tháng.', { value: 1, approx: 'exact', kind: 'duration', en: '1 month' }],
    ['Vụ việc xảy ra 12 năm trước.', { value: 12, approx: 'exact', kind: 'duration' }],
    ['Anh ta mất gần 5 giờ để về nhà.', { value: 5, approx: 'nearly', kind: 'duration' }],
    ['Nạn nhân hôn mê 48 giờ.', { value: 48, approx: 'exact', kind: 'duration' }],
    ['Giá ổn định trong khoảng 1 tuần trở lại đây.', { value: 1, approx: 'about', kind: 'duration' }],
    ['Hàng được giữ nửa tháng.', { value: 0.5, approx: 'exact', kind: 'duration' }],
    ['Ông làm việc trong hai tháng 8 và 9/2005.', { value: 2, approx: 'exact', kind: 'duration', en: '2 months' }],
    // ratios and times
    ['Giá tăng hơn 1,5 lần.', { value: 1.5, approx: 'more_than', kind: 'ratio', en: 'more than 1.5 times' }],
    ['Doanh thu tăng gấp đôi so với năm trước.', { value: 2, approx: 'exact', kind: 'ratio' }],
    ['Họ chiếm 1/3 số hộ dân.', { value: 1 / 3, approx: 'exact', kind: 'ratio' }],
    ['Nhà nước đã tăng giá 3 lần.', { value: 3, approx: 'exact', kind: 'count', en: '3 times' }],
    // qualifiers after the number
    ['Hỗ trợ cho hộ có từ 50 con gia cầm trở lên.', { value: 50, approx: 'at_least', kind: 'count' }],
    ['Người vi phạm 2 lần trở lên bị phạt nặng.', { value: 2, approx: 'at_least', kind: 'count', en: 'at least 2 times' }],
    ['Phí không quá 7.000 đồng.', { value: 7000, approx: 'at_most', kind: 'money' }],
    ['Lương không thấp hơn 487.000 đồng mỗi tháng.', { value: 487000, approx: 'at_least', kind: 'money' }],
  ])('%s', (text, expected) => {
    const figures = figuresOf(text);
    expect(figures).toHaveLength(1);
    check(figures[0], expected);
  });
});

describe('ranges', () => {
  it.each<[string, Expect]>([
    ['Giá tăng từ 350.000 - 450.000 đồng/lượng.', { value: 350000, valueMax: 450000, approx: 'range', kind: 'money', en: 'from 350,000 to 450,000 VND per tael' }],
    ['Giá dao động ở mức 13 - 13,1 triệu đồng/lượng.', { value: 13e6, valueMax: 13.1e6, approx: 'range', en: 'from 13 million to 13.1 million VND per tael' }],
    ['Giá tăng thêm 35.000-45.000 đồng/chỉ.', { value: 35000, valueMax: 45000, approx: 'range', kind: 'money' }],
    ['Nhóm có từ 10 đến 15 người.', { value: 10, valueMax: 15, approx: 'range', kind: 'count' }],
    ['Các bị cáo lãnh 22-25 năm tù.', { value: 22, valueMax: 25, approx: 'range', kind: 'duration' }],
    ['Tăng từ 30,4% đến 32,8%.', { value: 30.4, valueMax: 32.8, approx: 'range', kind: 'percent' }],
    ['Thuê khoảng 23 - 24 USD/m2/tháng.', { value: 23, valueMax: 24, approx: 'range', kind: 'money', en: 'about 23 to 24' }],
    ['Có một, hai chiếc xe ôm đậu sát bên.', { value: 1, valueMax: 2, approx: 'range', kind: 'count' }],
    ['Ba, bốn xe chạy qua.', { value: 3, valueMax: 4, approx: 'range', kind: 'count' }],
    ['Cần 2 hoặc 3 người.', { value: 2, valueMax: 3, approx: 'range', kind: 'count', en: '2 or 3' }],
    ['Giá tăng gấp 3-5 lần.', { value: 3, valueMax: 5, approx: 'range', kind: 'ratio' }],
    ['Gia cầm từ một tháng rưỡi đến dưới ba tháng tuổi.', { value: 1.5, valueMax: 3, approx: 'range', kind: 'duration' }],
  ])('%s', (text, expected) => {
    const figures = figuresOf(text);
    expect(figures).toHaveLength(1);
    check(figures[0], expected);
  });
});

describe('several figures in one sentence', () => {
  it.each<[string, Expect[]]>([
    ['Giá xăng tăng từ 7.500 lên 8.000 đồng/lít.', [
      { value: 7500, approx: 'exact', kind: 'money', unit: 'VND per liter' },
      { value: 8000, approx: 'exact', kind: 'money', unit: 'VND per liter' },
    ]],
    ['Bị cáo lãnh bảy năm sáu tháng tù.', [
      { value: 7, approx: 'exact', kind: 'duration' },
      { value: 6, approx: 'exact', kind: 'duration' },
    ]],
    ['Thu giữ một khẩu K59, một cát-tút và hai viên đạn.', [
      { value: 1, approx: 'exact', kind: 'count' },
      { value: 1, approx: 'exact', kind: 'count' },
      { value: 2, approx: 'exact', kind: 'count' },
    ]],
    ['Điều tra, phá 40 vụ án rất nghiêm trọng, bắt và xử lý 60 đối tượng.', [
      { value: 40, approx: 'exact', kind: 'count' },
      { value: 60, approx: 'exact', kind: 'count' },
    ]],
    ['Chỉ có 5 trên tổng số 8 cửa bán vé hoạt động.', [
      { value: 5, approx: 'exact', kind: 'count', en: '5 ticket windows' },
      { value: 8, approx: 'exact', kind: 'count', en: '8 ticket windows' },
    ]],
    ['Có 3 trong số 5 bị cáo kháng cáo.', [
      { value: 3, approx: 'exact', kind: 'count', en: '3 defendants' },
      { value: 5, approx: 'exact', kind: 'count', en: '5 defendants' },
    ]],
    ['Có gần 1.600 vụ tai nạn giao thông làm chết hơn 1.000 người.', [
      { value: 1600, approx: 'nearly', kind: 'count' },
      { value: 1000, approx: 'more_than', kind: 'count' },
    ]],
    ['Một công dân Nga thiệt mạng, 2 người bị bắt cóc.', [
      { value: 1, approx: 'exact', kind: 'count' },
      { value: 2, approx: 'exact', kind: 'count' },
    ]],
  ])('%s', (text, expected) => {
    const figures = figuresOf(text);
    expect(figures).toHaveLength(expected.length);
    expected.forEach((e, i) => check(figures[i], e));
  });
});

describe('false positives: numbers that are not figures', () => {
  it.each<[string]>([
    ['Chiều 1-2, Ban chỉ đạo 138 TP Cần Thơ tổ chức hội nghị.'],
    ['Năm 2022, Ban Chỉ đạo 138 các cấp thực hiện tốt công tác tuyên truyền.'],
    ['Đề án đến năm 2030 đã được phê duyệt.'],
    ['Ngày 29-4, giá vàng trong nước ổn định.'],
    ['Sáng 17-5, đoàn công tác lên đường.'],
    ['Quyết định có hiệu lực từ ngày 12/02/2018.'],
    ['Vụ việc xảy ra lúc 15h30 chiều qua.'],
    ['Kết quả kinh doanh quý I/2023 khả quan.'],
    ['Đây là lần thứ 2 ông bị bắt.'],
    ['Hắn bị truy tố theo Điều 134 Bộ luật Hình sự.'],
    ['Nghị định 100/2019/NĐ-CP quy định mức phạt.'],
    ['Đại dịch Covid-19 ảnh hưởng nặng nề.'],
    ['Xe mang biển số 51A1-0495 bị giữ.'],
    ['Nguyễn Văn A (38 tuổi) bị bắt.'],
    ['Một người đàn ông đã đến trình báo.'],
    ['Một số người dân bức xúc.'],
    ['Bão cấp 12 đổ bộ vào đất liền.'],
    ['Sự việc xảy ra tại Thủ Dầu Một.'],
    ['Trụ sở ở quận Hai Bà Trưng, Hà Nội.'],
    ['Ông Mười Tường bị bắt.'],
    ['Vụ tai nạn xảy ra ở ngã ba Vũng Tàu.'],
    ['Giá xăng 92 được giữ nguyên.'],
    ['Lực lượng trực 24/24h.'],
    ['Tai nạn xảy ra tại km 1.680 quốc lộ.'],
    ['Trận động đất mạnh 4,8 độ Richter.'],
    ['Xe chạy trên Quốc lộ 1A.'],
    ['Nhà ở phường 4, quận 12.'],
    ['Ông sống tại số 51 đường Lê Lợi.'],
    ['Trong 6 tháng đầu năm 2005, thu ngân sách giảm.'],
    ['Kế hoạch giai đoạn 2021-2025 đã được thông qua.'],
    ['Ông sinh năm 1979 tại Huế.'],
    ['Nhiều người và vài người khác đến xem.'],
    ['Công ty đặt tại 16 Trần Phú, TP.HCM.'],
    ['Năm nay, năm qua và năm ngoái đều khó khăn.'],
    ['Tháng 4-2004, dịch bùng phát.'],
    ['Ông Nguyễn Văn B, sinh 1966, là giám đốc.'],
    ['Đúng 10 giờ, phiên tòa bắt đầu.'],
    ['Hắn bị bắt vào khoảng 23 giờ.'],
    ['Bão số 2 đổ bộ.'],
  ])('%s', (text) => {
    const figures = figuresOf(text);
    expect(figures.map((f) => f.vi)).toEqual([]);
  });

  it('keeps dates, years and identifiers in numbers[] with their kind', () => {
    const doc = summarize('Chiều 1-2, Ban chỉ đạo 138 tổ chức hội nghị; năm 2022 có Điều 134 và lần thứ 2, lúc 15h30.');
    const kinds = Object.fromEntries(doc.numbers.map((n) => [n.text, n.kind]));
    expect(kinds).toMatchObject({ '1-2': 'date', '2022': 'year', '134': 'identifier', '2': 'ordinal', '15h30': 'time' });
    expect(doc.figures).toEqual([]);
  });

  it('reads "một" before a noun as the article, in numbers[] as kind article', () => {
    const doc = summarize('Một người đàn ông đã đến.');
    expect(doc.figures).toEqual([]);
    expect(doc.numbers).toMatchObject([{ text: 'Một', value: 1, kind: 'article' }]);
  });
});

describe('figure fields', () => {
  it('quotes the Vietnamese span and its offsets exactly', () => {
    const text = 'Từ đó, lực lượng chức năng triệt phá hơn 1.100 vụ việc; bắt, xử lý hơn 800 đối tượng.';
    const doc = summarize(text);
    expect(doc.figures.map((f) => f.vi)).toEqual(['hơn 1.100 vụ việc', 'hơn 800 đối tượng']);
    for (const f of doc.figures) expect(doc.text.slice(f.start, f.end)).toBe(f.vi);
  });

  it('names the action the figure belongs to', () => {
    const [f] = figuresOf('Công an đã thu giữ hơn 2 kg ma túy tổng hợp.');
    expect(f!.action).toMatchObject({ vi: 'thu giữ' });
    expect(f!.action!.en).toBe('seized');
  });

  it('lists coordinated actions', () => {
    const [f] = figuresOf('Công an điều tra, phá hơn 550 vụ.');
    expect(f!.action!.vi).toBe('điều tra, phá');
  });

  it('gives the counted thing in Vietnamese and English', () => {
    const [f] = figuresOf('Công an phát hiện hơn 600 vụ phạm tội về trật tự xã hội.');
    expect(f!.thing).toMatchObject({ vi: 'vụ phạm tội về trật tự xã hội' });
    expect(f!.en).toBe('more than 600 crimes against social order');
  });

  it('keeps the qualifier as written', () => {
    const [f] = figuresOf('Thiệt hại tròm trèm 6 triệu đồng.');
    expect(f!.qualifier!.vi).toBe('tròm trèm');
    expect(f!.approx).toBe('nearly');
  });
});
