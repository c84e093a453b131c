/**
 * A commune's short plan unlike the shipped ones (another table header, duties under numbered agency
 * headings, the report due "trước ngày 15/12 hằng năm"), with its appendix and without it: questions whose
 * answers must come from this one small plan, where few passages make word statistics thin.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/knowledge/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';

const BODY = [
  'ỦY BAN NHÂN DÂN',
  'XÃ TÂN PHÚ',
  'Số: 45/KH-UBND',
  'Tân Phú, ngày 20 tháng 5 năm 2026',
  '',
  '**KẾ HOẠCH**',
  '**Triển khai thực hiện Kết luận số 226-KL/TW của Ban Bí thư về tiếp tục đổi mới phương thức làm việc**',
  '',
  '**I. MỤC ĐÍCH, YÊU CẦU**',
  '1. Mục đích',
  'Nâng cao hiệu quả hoạt động; phấn đấu đến hết năm 2026 giảm ít nhất 20% số cuộc họp so với năm 2025.',
  '**II. NHIỆM VỤ VÀ GIẢI PHÁP**',
  '1. Đổi mới lề lối làm việc',
  'Tăng cường sử dụng hệ thống quản lý văn bản và điều hành; tỷ lệ hồ sơ công việc xử lý trên môi trường mạng đạt 90%.',
  '**III. TỔ CHỨC THỰC HIỆN**',
  '1. Văn phòng HĐND và UBND xã',
  '- Chủ trì tham mưu UBND xã triển khai Kế hoạch; hoàn thành trước ngày 30/6/2026.',
  '- Tổng hợp báo cáo kết quả thực hiện gửi UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12 hằng năm.',
  '2. Phòng Kinh tế',
  'Rà soát, đề xuất đầu tư trang thiết bị phục vụ họp trực tuyến, hoàn thành trong quý III/2026.',
  '3. Công an xã',
  'Đảm bảo an ninh mạng cho hệ thống thông tin của xã.',
  '',
  'TM. ỦY BAN NHÂN DÂN',
  'CHỦ TỊCH',
  'Lê Văn Bình',
].join('\n');

const APPENDIX = [
  '',
  'PHỤ LỤC',
  'Stt\tNội dung công việc\tĐơn vị chủ trì\tĐơn vị phối hợp\tThời gian hoàn thành\tKết quả/sản phẩm',
  '1\tXây dựng quy chế làm việc mới\tVăn phòng HĐND và UBND xã\tCác phòng chuyên môn\tTháng 7/2026\tQuyết định ban hành quy chế',
  '2\tTriển khai họp không giấy\tPhòng Kinh tế\tVăn phòng HĐND và UBND xã\tQuý IV/2026\tHệ thống họp không giấy',
].join('\n');

function asker(text: string) {
  const index = buildSearch([parsePlan('tan-phu', 'tan-phu.md', text).plan]);
  return (question: string, today = '2026-06-10') => {
    const a = answerQuestion(index, question, { today });
    return { intent: a.intent, text: renderAnswer(a), cites: a.citations.map((c) => c.task ?? c.section) };
  };
}

describe('a plan with no appendix: its dated body duties stand for tasks', () => {
  const ask = asker(BODY);

  it.each([
    ['thang nay co viec gi den han', 'III.1.1', 'tháng 6/2026'],
    ['Quý 3 có nhiệm vụ gì?', 'III.2', 'quý III/2026'],
  ])('%s → the duty due in the period, with its section, agency and deadline', (question, section, period) => {
    const a = ask(question);
    expect(a.intent).toBe('due_in_period');
    expect(a.text.split('\n')[0]).toBe(`Xã Tân Phú – đến hạn trong ${period}:`);
    expect(a.text).toContain(`• Mục ${section}: `);
    expect(a.text).toContain(`Nguồn: Kế hoạch 45/KH-UBND xã Tân Phú, mục ${section}.`);
    expect(a.cites).toEqual([section]);
  });

  it('lists a duty past its day as overdue, and only the agency named', () => {
    const late = ask('nhiệm vụ nào quá hạn', '2026-07-10');
    expect(late.text).toContain(
      '• Mục III.1.1: Chủ trì tham mưu UBND xã triển khai Kế hoạch; hoàn thành trước ngày 30/6/2026. | Giao: Văn phòng HĐND và UBND xã',
    );
    expect(late.text).toContain(', quá 10 ngày');
    expect(ask('Phòng Kinh tế có việc gì quá hạn?', '2026-07-10').text).toMatch(/^Không có nhiệm vụ nào quá hạn/);
    expect(ask('Phòng Kinh tế có việc gì quá hạn?', '2026-10-02').cites).toEqual(['III.2']);
  });

  it('says whether a dated duty is late, and when it is due', () => {
    const late = ask('việc đầu tư trang thiết bị họp trực tuyến đã quá hạn chưa?', '2026-10-05');
    expect(late.intent).toBe('status');
    expect(late.text).toBe(
      [
        'Mục III.2 – xã Tân Phú: Rà soát, đề xuất đầu tư trang thiết bị phục vụ họp trực tuyến, hoàn thành trong quý III/2026.',
        'Giao: Phòng Kinh tế.',
        'Thời hạn: hoàn thành trong quý III/2026 (đến 30/09/2026).',
        'Tình trạng: đã quá hạn 5 ngày (tính đến 05/10/2026), theo thời hạn trong kế hoạch.',
        'Nguồn: Kế hoạch 45/KH-UBND xã Tân Phú, mục III.2.',
      ].join('\n'),
    );
    expect(late.cites).toEqual(['III.2']);
    expect(ask('dau tu trang thiet bi hop truc tuyen han khi nao').text).toContain(
      '\nTình trạng: chưa quá hạn, còn 112 ngày, theo thời hạn trong kế hoạch.\n',
    );
  });

  it('quotes the whole of each duty of an agency, with its due day', () => {
    expect(ask('Văn phòng HĐND và UBND xã phải làm gì?').text).toBe(
      [
        'Văn phòng HĐND và UBND còn được giao trong nội dung kế hoạch:',
        '• xã Tân Phú, mục III.1.1: Chủ trì tham mưu UBND xã triển khai Kế hoạch; hoàn thành trước ngày 30/6/2026.',
        '• xã Tân Phú, mục III.1.2: Tổng hợp báo cáo kết quả thực hiện gửi UBND tỉnh (qua Sở Nội vụ) trước ngày 15/12 hằng năm.',
      ].join('\n'),
    );
  });

  it('says nothing falls due in a period with no dated duty', () => {
    expect(ask('tháng 8 có việc gì đến hạn').text).toBe('Không có nhiệm vụ nào đến hạn trong tháng 8/2026.');
  });
});

describe('a small plan with its appendix', () => {
  const ask = asker(BODY + APPENDIX);

  it('answers due questions from the appendix only (the body duties mostly repeat it)', () => {
    expect(ask('thang nay co viec gi den han').text).toBe('Không có nhiệm vụ nào đến hạn trong tháng 6/2026.');
  });

  it('reads "báo cáo kết quả … gửi về đâu" as a question about the report, not a task\'s result', () => {
    const a = ask('bao cao ket qua gui ve dau');
    expect(a.intent).toBe('reporting');
    expect(a.text).toBe(
      'Chế độ báo cáo:\n• Báo cáo hằng năm: trước ngày 15 tháng 12, gửi UBND tỉnh (xã Tân Phú, mục III.1.2)',
    );
  });

  it("still reads a product word beside the report as asking for a task's product", () => {
    expect(ask('sản phẩm nhiệm vụ 1 là gì, báo cáo kết quả ra sao').intent).toBe('product');
  });

  it.each([
    ['chỉ tiêu giảm họp là bao nhiêu', 'giảm ít nhất 20% số cuộc họp', 'I.1'],
    ['ty le ho so xu ly tren mang phai dat bao nhieu', 'đạt 90%', 'II.1'],
  ])('%s → that target only', (question, phrase, section) => {
    const a = ask(question);
    expect(a.intent).toBe('targets');
    expect(a.text.split('\n')).toHaveLength(2);
    expect(a.text).toMatch(new RegExp(`^Chỉ tiêu:\n• .*${phrase}.* \\(xã Tân Phú, mục ${section}\\)$`));
    expect(a.cites).toEqual([section]);
  });

  it('takes "của xã" for the asker\'s own place, not a topic: every target', () => {
    const a = ask('chi tieu cua xa');
    expect(a.text.split('\n')).toEqual([
      'Chỉ tiêu:',
      '• phấn đấu đến hết năm 2026 giảm ít nhất 20% số cuộc họp so với năm 2025 (xã Tân Phú, mục I.1)',
      '• tỷ lệ hồ sơ công việc xử lý trên môi trường mạng đạt 90% (xã Tân Phú, mục II.1)',
    ]);
  });

  it('finds a thing whose name holds a stop word ("họp không giấy"), but not "lương cơ sở" in "cơ sở"', () => {
    const a = ask('ai chủ trì họp không giấy');
    expect(a.intent).toBe('lead');
    expect(a.cites).toEqual(['2']);
    expect(a.text).toContain('Chủ trì: Phòng Kinh tế.');
    expect(ask('lương cơ sở là bao nhiêu').intent).toBe('out_of_scope');
  });

  it('quotes no heading with nothing under it', () => {
    expect(ask('nhiem vu va giai phap').text).not.toMatch(/mục II: NHIỆM VỤ VÀ GIẢI PHÁP: ?$/m);
  });
});

describe('a plan numbering its tasks by group (I.1, I.2, II.1)', () => {
  const ask = asker(
    [
      'ỦY BAN NHÂN DÂN TỈNH LẠNG SƠN',
      'Số: 112/KH-UBND',
      'KẾ HOẠCH',
      'Thực hiện Kết luận số 226-KL/TW',
      'PHỤ LỤC',
      'TT\tNhiệm vụ\tCơ quan chủ trì\tCơ quan phối hợp\tThời gian hoàn thành\tSản phẩm',
      'I\tNHÓM NHIỆM VỤ VỀ VĂN BẢN\t\t\t\t',
      '1\tRà soát văn bản\tSở Tư pháp\tCác sở, ngành\tTrước 30/6/2026\tDanh mục',
      '2\tGiảm văn bản hành chính\tVăn phòng UBND tỉnh\tSở Nội vụ\tQuý III/2026\tBáo cáo',
      'II\tNHÓM NHIỆM VỤ VỀ HỘI HỌP\t\t\t\t',
      '1\tHọp không giấy\tSở Khoa học và Công nghệ\tVăn phòng UBND tỉnh\tTháng 9/2026\tHệ thống',
    ].join('\n'),
  );

  it.each(['Ai chủ trì nhiệm vụ II.1?', 'ai chu tri nhiem vu 1 nhom II', 'nhiệm vụ 1 thuộc nhóm 2 do ai chủ trì'])(
    '%s → task II.1',
    (question) => {
      const a = ask(question);
      expect(a.cites).toEqual(['II.1']);
      expect(a.text).toContain('Nhiệm vụ II.1 – tỉnh Lạng Sơn: Họp không giấy\nChủ trì: Sở Khoa học và Công nghệ.');
    },
  );

  it('asked for "nhiệm vụ 1", names the tasks numbered 1 in each group', () => {
    expect(ask('Ai chủ trì nhiệm vụ 1?').text).toBe(
      'Kế hoạch 112/KH-UBND tỉnh Lạng Sơn có 3 nhiệm vụ trong Phụ lục, không có nhiệm vụ số 1.\n' +
        'Nhiệm vụ được đánh số theo nhóm: I.1, II.1. Hãy hỏi rõ, ví dụ: nhiệm vụ I.1.',
    );
  });
});
