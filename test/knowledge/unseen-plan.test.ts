import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/knowledge/index.js';

/**
 * A province plan written the way the shipped ones are not: header and signature laid out as tables, groups
 * in the appendix, a merged header cell, years left out, a second appendix that is a report form.
 */
const BAC_NINH = [
  'ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'TỈNH BẮC NINH\tĐộc lập - Tự do - Hạnh phúc',
  'Số: 77/KH-UBND\tBắc Ninh, ngày 12 tháng 5 năm 2026',
  '',
  'KẾ HOẠCH',
  'Thực hiện Kết luận số 226-KL/TW của Ban Bí thư trên địa bàn tỉnh',
  '',
  'Căn cứ Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ;',
  '',
  'I. MỤC ĐÍCH, YÊU CẦU',
  'Tỷ lệ hội nghị trực tuyến đạt từ 70% trở lên; giảm 20% số lượng văn bản hành chính.',
  'II. TỔ CHỨC THỰC HIỆN',
  '1. Sở Nội vụ:',
  '- Hướng dẫn các sở, ngành xây dựng kế hoạch, hoàn thành trước ngày 15/6.',
  '+ Tổng hợp kết quả, báo cáo UBND tỉnh.',
  '2. Văn phòng UBND tỉnh chủ trì kiểm soát chặt chẽ thời gian họp: cuộc họp chuyên môn không quá 02 buổi.',
  '3. Công an tỉnh, Báo Bắc Ninh, Đài Phát thanh và Truyền hình tỉnh thực hiện nghiêm Kế hoạch này.',
  '4. Các sở, ban, ngành định kỳ quý (trước ngày 15 tháng 3), 6 tháng (trước ngày 15/6) gửi báo cáo về Sở Nội vụ.',
  '5. Sở Nội vụ tổng hợp, báo cáo UBND tỉnh trước ngày 20/12 hằng năm.',
  '**Sở Tài chính:**',
  '- Bố trí kinh phí thực hiện Kế hoạch.',
  '',
  'Nơi nhận:\tKT. CHỦ TỊCH',
  '- Bộ Nội vụ;\tPHÓ CHỦ TỊCH',
  '- Lưu: VT.\t(Đã ký)',
  '\tTrần Thị Hoa',
  '',
  'PHỤ LỤC',
  'TT\tNhiệm vụ\tCơ quan thực hiện\t\tThời gian thực hiện\tGhi chú',
  '\t\tChủ trì\tPhối hợp\t\t',
  'I\tNHÓM NHIỆM VỤ VỀ VĂN BẢN\t\t\t\t',
  '1\tRà soát văn bản\tSở Tư pháp\tCác sở, ngành\tTrước 30/6\t',
  '2\tGiảm văn bản hành chính\tVăn phòng UBND tỉnh\tSở Nội vụ\tQuý III\t',
  'II\tNHÓM NHIỆM VỤ VỀ HỘI HỌP\t\t\t\t',
  '1\tHọp trực tuyến\tSở KH&CN\tVăn phòng UBND tỉnh\tGiai đoạn 2026 - 2030\t',
  '\tHỌP KHÔNG GIẤY\t\t\t\t',
  '2\tHọp không giấy tờ\tVăn phòng UBND tỉnh\t\tTheo yêu cầu\t',
  '',
  'PHỤ LỤC II: MẪU BÁO CÁO',
  'STT\tChỉ tiêu\tĐơn vị tính\tKết quả',
  '1\tSố văn bản ban hành\tVăn bản\t',
].join('\n');

const { plan, warnings } = parsePlan('bac-ninh', 'bac-ninh.md', BAC_NINH);

describe('parsePlan on a plan unlike the shipped ones', () => {
  it('reads the header laid out as a table', () => {
    expect(plan.meta).toMatchObject({
      number: '77/KH-UBND', date: '2026-05-12', issuer: 'Ủy ban nhân dân tỉnh Bắc Ninh', locality: { level: 'tỉnh', name: 'Bắc Ninh' },
      title: 'Thực hiện Kết luận số 226-KL/TW của Ban Bí thư trên địa bàn tỉnh', recipients: ['Bộ Nội vụ'],
      signer: { name: 'Trần Thị Hoa', capacity: 'PHÓ CHỦ TỊCH', onBehalf: 'KT. CHỦ TỊCH' },
    });
  });

  it('reads grouped tasks under a merged header, numbering them by group', () => {
    expect(plan.tasks.map((t) => [t.no, t.content, t.leadRaw, t.coordinatorsRaw, t.deadline.kind, t.deadline.due])).toEqual([
      ['I.1', 'Rà soát văn bản', 'Sở Tư pháp', 'Các sở, ngành', 'date', '2026-06-30'],
      ['I.2', 'Giảm văn bản hành chính', 'Văn phòng UBND tỉnh', 'Sở Nội vụ', 'quarter', '2026-09-30'],
      ['II.1', 'Họp trực tuyến', 'Sở KH&CN', 'Văn phòng UBND tỉnh', 'year', '2030-12-31'],
      ['II.2', 'Họp không giấy tờ', 'Văn phòng UBND tỉnh', '', 'conditional', null],
    ]);
    expect(plan.tasks[2]!.lead).toEqual([{ name: 'Sở Khoa học và Công nghệ', raw: 'Sở KH&CN' }]);
    expect(warnings).toEqual([]);
  });

  it('reads duties, sub-bullets and a deadline without a year', () => {
    const duty = (path: string) => plan.duties.find((d) => d.section === path)!;
    expect(duty('II.1.1')).toMatchObject({ agencyRaw: 'Sở Nội vụ', deadline: { kind: 'date', due: '2026-06-15' } });
    expect(duty('II.1.1.1')).toMatchObject({ agencyRaw: 'Sở Nội vụ', text: 'Tổng hợp kết quả, báo cáo UBND tỉnh.' });
    expect(duty('II.2').agency.map((a) => a.name)).toEqual(['Văn phòng UBND']);
    expect(duty('II.3').agency.map((a) => a.name)).toEqual(['Công an tỉnh', 'Báo Bắc Ninh', 'Đài Phát thanh và Truyền hình']);
    expect(duty('II.5.p1.1')).toMatchObject({ agencyRaw: 'Sở Tài chính', text: 'Bố trí kinh phí thực hiện Kế hoạch.' });
  });

  it('reads targets, meeting rules and reporting dates', () => {
    expect(plan.targets.map((t) => [t.subject, t.comparator, t.percent])).toEqual([
      ['online_conferences', 'min', 70],
      ['document_reduction', 'reduce', 20],
    ]);
    expect(plan.meetingRules.map((r) => [r.meeting, r.maxDays, r.raw])).toEqual([['Cuộc họp chuyên môn', 1, '02 buổi']]);
    expect(plan.reporting.map((r) => [r.period, r.day, r.month, r.recipient, r.compiler.map((a) => a.name)])).toEqual([
      ['6 tháng', 15, 6, 'Sở Nội vụ', ['Các sở, ban, ngành']],
      ['hằng năm', 20, 12, 'UBND tỉnh', ['Sở Nội vụ']],
    ]);
    expect(plan.meta.basis.map((b) => b.number)).toEqual(['226-KL/TW', '534/QĐ-TTg']);
  });
});

describe('parsePlan on other heading styles', () => {
  const text = [
    'KẾ HOẠCH', 'Thực hiện Kết luận số 226-KL/TW', '',
    'I- MỤC ĐÍCH', 'Nâng cao hiệu quả.',
    'PHẦN II: TỔ CHỨC THỰC HIỆN',
    '1. Trách nhiệm của các cơ quan',
    'a. Sở Nội vụ:',
    '● Theo dõi việc thực hiện.',
    'b. Sở Tư pháp chủ trì rà soát văn bản.',
  ].join('\n');
  const { plan } = parsePlan('x', 'x.md', text);

  it('reads "I-", "PHẦN II:", "a." and round bullets', () => {
    expect(plan.sections.map((s) => [s.path, s.kind, s.title])).toEqual([
      ['I', 'roman', 'MỤC ĐÍCH'],
      ['II', 'roman', 'TỔ CHỨC THỰC HIỆN'],
      ['II.1', 'number', 'Trách nhiệm của các cơ quan'],
      ['II.1.a', 'letter', 'Sở Nội vụ'],
      ['II.1.a.1', 'bullet', ''],
      ['II.1.b', 'letter', ''],
    ]);
    expect(plan.duties.map((d) => [d.section, d.agencyRaw])).toEqual([['II.1.a.1', 'Sở Nội vụ'], ['II.1.b', 'Sở Tư pháp']]);
  });
});

describe('parsePlan on an appendix numbered 1, 1.1, 1.2, 02.', () => {
  const text = [
    'STT\tNội dung\tChủ trì\tPhối hợp\tThời hạn',
    '1\tVề văn bản\t\t\t',
    '1.1\tRà soát văn bản\tSở Tư pháp\t\tQuý II/2026',
    '1.2\tGiảm văn bản\tVăn phòng UBND tỉnh\t\tNăm 2026',
    '02.\tTuyên truyền\tSở Văn hóa, Thể thao và Du lịch\t\tThường xuyên',
  ].join('\n');

  it('keeps the title rows out of the tasks', () => {
    const { plan, warnings } = parsePlan('x', 'x.md', text);
    expect(plan.tasks.map((t) => [t.no, t.lead.map((a) => a.name)])).toEqual([
      ['1.1', ['Sở Tư pháp']],
      ['1.2', ['Văn phòng UBND']],
      ['2', ['Sở Văn hóa, Thể thao và Du lịch']],
    ]);
    expect(warnings).toEqual([]);
  });
});

describe('parsePlan on a task table inside the body', () => {
  const text = [
    'II. NHIỆM VỤ CỤ THỂ',
    '| TT | Nội dung | Chủ trì | Thời hạn |',
    '|---|---|---|---|',
    '| 1 | Rà soát văn bản | Sở Tư pháp | Quý II/2026 |',
    'III. TỔ CHỨC THỰC HIỆN',
    '1. Sở Nội vụ theo dõi, đôn đốc thực hiện.',
  ].join('\n');

  it('reads the table and the sections after it', () => {
    const { plan } = parsePlan('x', 'x.md', text);
    expect(plan.tasks.map((t) => t.no)).toEqual(['1']);
    expect(plan.sections.map((s) => [s.path, s.text])).toEqual([
      ['II', ''],
      ['III', ''],
      ['III.1', 'Sở Nội vụ theo dõi, đôn đốc thực hiện.'],
    ]);
    expect(plan.duties.map((d) => d.agencyRaw)).toEqual(['Sở Nội vụ']);
  });
});

describe('parsePlan on meeting and reporting rules worded otherwise', () => {
  const text = [
    'KẾ HOẠCH', 'Thực hiện Kết luận số 226-KL/TW', '',
    'I. NHIỆM VỤ',
    '- Hội nghị sơ kết, tổng kết không quá 01 ngày; họp chuyên đề không quá 1/2 ngày.',
    '- Các cuộc họp giao ban định kỳ không quá nửa ngày.',
    '- Tổ chức hội nghị trực tuyến, không tổ chức phù hợp với điều kiện.',
    'II. TỔ CHỨC THỰC HIỆN',
    'Sở Nội vụ tổng hợp, báo cáo UBND tỉnh kết quả định kỳ 6 tháng (trước ngày 20/6) và năm (trước ngày 20/12).',
  ].join('\n');
  const { plan } = parsePlan('x', 'x.md', text);

  it('reads a kind of meeting holding a comma, a bare "họp" and "nửa ngày"', () => {
    expect(plan.meetingRules.map((r) => [r.meeting, r.maxDays, r.raw])).toEqual([
      ['Hội nghị sơ kết, tổng kết', 1, '01 ngày'],
      ['Họp chuyên đề', 0.5, '1/2 ngày'],
      ['Cuộc họp giao ban định kỳ', 0.5, 'nửa ngày'],
    ]);
  });

  it('keeps when a meeting is held apart from its kind', () => {
    const held = parsePlan('y', 'y.md', ['KẾ HOẠCH', 'I. HỘI HỌP', '- Cuộc họp giao ban của UBND phường tổ chức vào sáng thứ Hai hằng tuần, thời gian không quá 1/2 ngày.'].join('\n'));
    expect(held.plan.meetingRules.map((r) => [r.meeting, r.when, r.maxDays])).toEqual([['Cuộc họp giao ban của UBND phường', 'tổ chức vào sáng thứ Hai hằng tuần', 0.5]]);
  });

  it('reads "… và năm (trước ngày 20/12)" as the yearly report', () => {
    expect(plan.reporting.map((r) => [r.period, r.day, r.month, r.recipient])).toEqual([
      ['6 tháng', 20, 6, 'UBND tỉnh'],
      ['hằng năm', 20, 12, 'UBND tỉnh'],
    ]);
  });
});

describe('parsePlan on a ward plan laid out with spaces, duties given with "Giao …"', () => {
  const text = [
    'ĐẢNG ỦY - UBND PHƯỜNG AN BÌNH',
    'Số: 33/KH-UBND                     An Bình, ngày 02 tháng 6 năm 2026',
    '',
    'KẾ HOẠCH', 'Triển khai Kết luận 226-KL/TW', '',
    'I. NHIỆM VỤ CỤ THỂ',
    '1. Giao Phòng Kinh tế, Hạ tầng và Đô thị chủ trì, phối hợp với Văn phòng HĐND và UBND phường triển khai họp không giấy, hoàn thành trước 31/8/2026.',
    '2. Giao Trung tâm Phục vụ hành chính công rà soát quy trình nội bộ trong tháng 7/2026.',
  ].join('\n');
  const { plan } = parsePlan('an-binh', 'an-binh.md', text);

  it('reads the number, the date and the locality from a header whose columns are gaps of spaces', () => {
    expect(plan.meta).toMatchObject({
      number: '33/KH-UBND', date: '2026-06-02', issuer: 'Ủy ban nhân dân phường An Bình', locality: { level: 'phường', name: 'An Bình' },
    });
  });

  it('names the agency without "Giao" and reads "trong tháng 7/2026" as its deadline', () => {
    expect(plan.duties.map((d) => [d.section, d.agencyRaw, d.deadline?.due])).toEqual([
      ['I.1', 'Phòng Kinh tế, Hạ tầng và Đô thị', '2026-08-31'],
      ['I.2', 'Trung tâm Phục vụ hành chính công', '2026-07-31'],
    ]);
  });
});

describe('parsePlan on a commune plan assigning work to its posts', () => {
  const text = [
    'KẾ HOẠCH', 'Thực hiện Kết luận số 226-KL/TW', '',
    'III. TỔ CHỨC THỰC HIỆN',
    '2. Công chức Tư pháp - Hộ tịch:',
    '- Rà soát các văn bản do HĐND, UBND xã ban hành còn hiệu lực, hoàn thành trong quý III/2026.',
    '5. Bộ phận Tiếp nhận và trả kết quả xã:',
    '- Thường xuyên hướng dẫn người dân nộp hồ sơ trực tuyến.',
    '6. Tổ Công nghệ số cộng đồng hỗ trợ người dân sử dụng dịch vụ công trực tuyến.',
  ].join('\n');
  const { plan } = parsePlan('x', 'x.md', text);

  it('reads "Công chức …", a "Bộ phận" whose name holds a capitalized verb, and a "Tổ" as the agencies', () => {
    expect(plan.duties.map((d) => [d.section, d.agencyRaw, d.deadline?.due ?? null])).toEqual([
      ['III.2.1', 'Công chức Tư pháp - Hộ tịch', '2026-09-30'],
      ['III.5.1', 'Bộ phận Tiếp nhận và trả kết quả xã', null],
      ['III.6', 'Tổ Công nghệ số cộng đồng', null],
    ]);
  });
});
