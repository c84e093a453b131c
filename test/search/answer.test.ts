import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import type { Task } from '../../src/knowledge/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, buildSearch, type AnswerOptions, type TaskProgress } from '../../src/search/index.js';

const index = buildSearch((await loadKnowledge('knowledge')).plans);

function ask(question: string, options: Partial<AnswerOptions> = {}) {
  const answer = answerQuestion(index, question, { today: '2026-11-28', ...options });
  const cites = answer.citations.map((c) => `${c.plan}#${c.task ?? c.section ?? ''}`);
  return { intent: answer.intent, text: renderAnswer(answer), cites, tasks: answer.tasks };
}

const OUT_OF_SCOPE =
  'Các kế hoạch hiện có không đề cập nội dung này, nên tôi không trả lời được. Tôi trả lời về các kế hoạch thực hiện Kết luận 226-KL/TW: nhiệm vụ, cơ quan chủ trì, phối hợp, thời hạn, chỉ tiêu, chế độ họp, báo cáo, kinh phí.';

describe('answerQuestion: one task by number', () => {
  it.each(['Ai chủ trì nhiệm vụ 1 của xã Đại Sơn?', 'ai chu tri nhiem vu 1 cua xa dai son'])(
    'names the lead of %s',
    (q) => {
      const a = ask(q);
      expect(a.text).toBe(
        'Nhiệm vụ 1 – xã Đại Sơn: Xây dựng, ban hành kế hoạch chi tiết của UBND xã Đại Sơn triển khai thực hiện các nhiệm vụ…\n' +
          'Chủ trì: Phòng Văn hóa-Xã hội.\n' +
          'Nguồn: Kế hoạch (chưa ghi số) của xã Đại Sơn, Phụ lục, nhiệm vụ 1.',
      );
      expect(a.cites).toEqual(['dai-son#1']);
    },
  );

  it.each(['Huế: nhiệm vụ 2 phối hợp với cơ quan nào?', 'hue nhiem vu 2 phoi hop voi co quan nao'])(
    'names the coordinators: %s',
    (q) => {
      expect(ask(q).text).toContain(
        '\nPhối hợp: Sở Tư pháp.\nNguồn: Kế hoạch 263/KH-UBND thành phố Huế, Phụ lục, nhiệm vụ 2.',
      );
    },
  );

  it.each(['Nhị Chiểu: nhiệm vụ 7 hạn khi nào?', 'nhi chieu nhiem vu 7 thoi han'])(
    'gives the deadline with its last day: %s',
    (q) => {
      expect(ask(q).text).toContain('\nThời hạn: Quý IV/2026 (đến 31/12/2026).\n');
    },
  );

  it('spells out an abbreviated lead', () => {
    expect(ask('Ai chủ trì nhiệm vụ 13 ở Nhị Chiểu?').text).toContain(
      '\nChủ trì: Phòng VHXXH (Phòng Văn hóa - Xã hội).\n',
    );
    expect(ask('Ai chủ trì nhiệm vụ 3 ở Đại Sơn?').text).toContain('\nChủ trì: Văn phòng HĐND&UBND.\n');
  });

  it('gives the product', () => {
    expect(ask('Sản phẩm của nhiệm vụ 13 ở Nhị Chiểu là gì?').text).toContain(
      'Sản phẩm/kết quả: Công văn cử tham gia: số lớp được mở, số người tham gia hoặc số chứng chỉ được cấp (nếu có) báo cáo UBND phường.',
    );
  });

  it('gives the whole task', () => {
    const a = ask('dai son nhiem vu 11 la gi');
    expect(a.text).toContain('Chủ trì: Phòng Văn hóa-Xã hội.\nPhối hợp: Các cơ quan, đơn vị liên quan.\n');
    expect(a.text).toContain('Thời hạn: Năm 2026 (đến 31/12/2026).');
    expect(a.tasks).toEqual([
      expect.objectContaining({ plan: 'dai-son', no: '11', due: '2026-12-31', deadline: 'Năm 2026' }),
    ]);
  });

  it('answers for every plan, each labelled, when no plan is named or known', () => {
    expect(ask('Ai chủ trì nhiệm vụ 4?').cites).toEqual(['dai-son#4', 'hue#4', 'nhi-chieu#4']);
    expect(ask('Ai chủ trì nhiệm vụ 4?').text).toContain('Nhiệm vụ 4 – thành phố Huế:');
  });

  it("uses the asker's plan when the question names none", () => {
    expect(ask('Ai chủ trì nhiệm vụ 4?', { askerPlan: 'dai-son' }).cites).toEqual(['dai-son#4']);
    expect(ask('Ai chủ trì nhiệm vụ 4 ở Huế?', { askerPlan: 'dai-son' }).cites).toEqual(['hue#4']);
  });

  it('says how many tasks a plan has when the number is not one of them, citing nothing', () => {
    const a = ask('Nhiệm vụ 25 của phường Nhị Chiểu là gì?');
    expect(a.text).toBe('Kế hoạch 158/KH-UBND phường Nhị Chiểu có 19 nhiệm vụ trong Phụ lục, không có nhiệm vụ số 25.');
    expect(a.cites).toEqual([]);
  });
});

describe('answerQuestion: one task by its content', () => {
  it.each([
    [
      'Ở Đại Sơn ai chủ trì tuyên truyền Kết luận 226 trên loa truyền thanh?',
      'dai-son#12',
      'Chủ trì: Trung tâm Dịch vụ sự nghiệp công.',
    ],
    [
      'o dai son ai chu tri tuyen truyen tren loa truyen thanh',
      'dai-son#12',
      'Chủ trì: Trung tâm Dịch vụ sự nghiệp công.',
    ],
    [
      'việc cắt giảm 10% hội nghị ở Nhị Chiểu do ai chủ trì?',
      'nhi-chieu#6',
      'Chủ trì: UBND phường; Các phòng, cơ quan, đơn vị.',
    ],
    [
      'Nhị Chiểu: trợ lý ảo hạn khi nào?',
      'nhi-chieu#15',
      'Thời hạn: Sau khi có hướng dẫn của Bộ Khoa học & Công nghệ và thành phố.',
    ],
  ])('%s → %s', (q, cite, line) => {
    const a = ask(q);
    expect(a.cites[0]).toBe(cite);
    expect(a.text).toContain(line);
  });

  it('falls back to the body duty when no task matches', () => {
    const a = ask('Ai chủ trì trợ lý ảo ở Huế?');
    expect(a.cites).toEqual(['hue#II.5.c.1']);
    expect(a.text).toContain(
      'thành phố Huế, mục II.5.c.1: Sở Khoa học và Công nghệ: Nghiên cứu, xây dựng và thí điểm ứng dụng Trợ lý ảo',
    );
  });
});

describe('answerQuestion: what falls due in a period', () => {
  it.each(['Quý này thành phố Huế có những nhiệm vụ nào đến hạn?', 'quy nay thanh pho hue co nhiem vu nao den han'])(
    'lists due tasks apart from ongoing work: %s',
    (q) => {
      const a = ask(q);
      expect(a.cites.slice(0, 4)).toEqual(['hue#5', 'hue#6', 'hue#7', 'hue#9']);
      expect(a.text).toContain('Thành phố Huế – đến hạn trong quý IV/2026:\n• NV 5: ');
      expect(a.text).toContain(
        '\nNgoài ra, việc thường xuyên, hằng năm (không có hạn riêng trong kỳ): NV 2, 3, 4, 8, 10, 11, 12.\n',
      );
    },
  );

  it.each(['Tháng này phường Nhị Chiểu phải hoàn thành việc gì?', 'thang nay nhi chieu phai hoan thanh viec gi'])(
    'reads "this month" against today: %s',
    (q) => {
      const a = ask(q, { today: '2026-05-02' });
      expect(a.text).toContain('Phường Nhị Chiểu – đến hạn trong tháng 5/2026:\n• NV 1: ');
      expect(a.text).toContain('| Hạn: Trước 10/5/2026 (hạn 10/05/2026)\n');
      expect(a.cites[0]).toBe('nhi-chieu#1');
    },
  );

  it('says when nothing falls due in the week', () => {
    const a = ask('Tuần này xã Đại Sơn có việc gì đến hạn?', { today: '2026-11-29' });
    expect(a.text).toContain('Xã Đại Sơn: không có nhiệm vụ nào đến hạn trong tuần 23/11/2026–29/11/2026.');
  });

  it("keeps to an agency's tasks when the question names one", () => {
    const a = ask('Quý này Phòng VHXH Nhị Chiểu có việc gì đến hạn?');
    expect(a.text.startsWith('Phòng Văn hóa - Xã hội (phường Nhị Chiểu) – đến hạn trong quý IV/2026:\n• NV 9: ')).toBe(
      true,
    );
    expect(a.cites.slice(0, 3)).toEqual(['nhi-chieu#9', 'nhi-chieu#13', 'nhi-chieu#14']);
    expect(ask('Trung tâm Phục vụ hành chính công Đại Sơn có việc nào quá hạn?').text).toContain(
      'Không có nhiệm vụ nào quá hạn tính đến 28/11/2026',
    );
  });

  it('reads a named quarter', () => {
    expect(ask('Quý II/2026 Đại Sơn có nhiệm vụ nào đến hạn?', { today: '2026-01-10' }).cites.slice(0, 2)).toEqual([
      'dai-son#1',
      'dai-son#4',
    ]);
  });
});

const progressOf =
  (states: Record<string, TaskProgress>) =>
  (task: Task): TaskProgress | undefined =>
    states[`${task.plan}#${task.no}`];

describe('answerQuestion: overdue and done', () => {
  it.each(['Nhiệm vụ 4 của Đại Sơn đã quá hạn chưa?', 'nhiem vu 4 dai son da qua han chua'])(
    'answers from the deadline: %s',
    (q) => {
      expect(ask(q).text).toBe(
        'Nhiệm vụ 4 – xã Đại Sơn: Ban hành quy định về thực hiện kỷ luật, kỷ cương chấp hành thời gian làm việc trong giờ…\n' +
          'Tình trạng: đã quá hạn 151 ngày (hạn Quý II/2026 (đến 30/06/2026), tính đến 28/11/2026).\n' +
          'Theo thời hạn trong kế hoạch (chưa có báo cáo tiến độ).\n' +
          'Nguồn: Kế hoạch (chưa ghi số) của xã Đại Sơn, Phụ lục, nhiệm vụ 4.',
      );
    },
  );

  it('answers from progress when it is reported: a done task is not overdue', () => {
    const progress = progressOf({ 'dai-son#4': { status: 'done', percent: 100, updatedOn: '2026-06-20' } });
    const a = ask('Nhiệm vụ 4 của Đại Sơn đã quá hạn chưa?', { progress });
    expect(a.text).toContain(
      'Tình trạng: đã hoàn thành, không quá hạn (hạn Quý II/2026 (đến 30/06/2026)).\nBáo cáo tiến độ: Hoàn thành (cập nhật 20/06/2026).',
    );
  });

  it('lists overdue tasks, leaving out those reported done', () => {
    expect(ask('Đại Sơn có những việc nào đã quá hạn?').cites).toEqual(['dai-son#1', 'dai-son#4']);
    const progress = progressOf({ 'dai-son#4': { status: 'done', percent: 100, updatedOn: '2026-06-20' } });
    const a = ask('dai son viec nao da qua han', { progress });
    expect(a.cites).toEqual(['dai-son#1']);
    expect(a.text).toContain('Nhiệm vụ quá hạn tính đến 28/11/2026 (theo thời hạn và báo cáo tiến độ):');
  });

  it('shows reported progress in lists and the reason a task is blocked', () => {
    const progress = progressOf({
      'dai-son#1': { status: 'in_progress', percent: 60, updatedOn: '2026-11-20' },
      'dai-son#4': { status: 'blocked', percent: null, updatedOn: '2026-11-21', note: 'chờ hướng dẫn của Sở Nội vụ' },
    });
    expect(ask('dai son viec nao da qua han', { progress }).text).toContain(
      '| Tiến độ: Đang thực hiện 60% (cập nhật 20/11/2026)',
    );
    expect(ask('Nhiệm vụ 4 của Đại Sơn đã xong chưa?', { progress }).text).toContain(
      'Tình trạng: đã quá hạn 151 ngày (hạn Quý II/2026 (đến 30/06/2026), tính đến 28/11/2026).\nBáo cáo tiến độ: Vướng mắc – chờ hướng dẫn của Sở Nội vụ (cập nhật 21/11/2026).',
    );
  });

  it('says a task without a due day cannot be late', () => {
    expect(ask('Nhiệm vụ 2 của Đại Sơn đã quá hạn chưa?').text).toContain(
      'Tình trạng: không có ngày hạn cụ thể (thời hạn: Thường xuyên), nên chưa tính quá hạn.',
    );
  });
});

describe('answerQuestion: lists of tasks', () => {
  it('lists every task of a plan when asked how many', () => {
    const a = ask('Đại Sơn có bao nhiêu nhiệm vụ?');
    expect(a.text.startsWith('Xã Đại Sơn có 12 nhiệm vụ trong Phụ lục:\n• NV 1: ')).toBe(true);
    expect(a.cites).toHaveLength(12);
  });

  it('lists the tasks about a subject', () => {
    expect(ask('Nhiệm vụ về chuyển đổi số của Huế').cites[0]).toBe('hue#5');
  });
});

describe('answerQuestion: what an agency leads or coordinates', () => {
  it('lists the tasks an agency leads', () => {
    const a = ask('Phòng Văn hóa - Xã hội phường Nhị Chiểu chủ trì những nhiệm vụ nào?');
    expect(a.cites.filter((c) => /#\d+$/.test(c))).toEqual(
      ['1', '4', '9', '10', '13', '14', '15', '16', '17', '18', '19'].map((n) => `nhi-chieu#${n}`),
    );
    expect(a.cites).toContain('nhi-chieu#II.1.b');
    expect(a.text).toContain(
      '\n\nPhòng Văn hóa - Xã hội còn được giao trong nội dung kế hoạch:\n• phường Nhị Chiểu, mục II.1.b: ',
    );
    expect(a.text.startsWith('Phòng Văn hóa - Xã hội (phường Nhị Chiểu) chủ trì 11 nhiệm vụ:\n• NV 1: ')).toBe(true);
  });

  it('lists the tasks an agency coordinates, abbreviation and no diacritics', () => {
    expect(ask('phong vhxh nhi chieu phoi hop nhung nhiem vu nao').cites).toEqual([
      'nhi-chieu#7',
      'nhi-chieu#8',
      'nhi-chieu#11',
    ]);
  });
});

describe('answerQuestion: rules of the plan body', () => {
  it.each(['Hội nghị quán triệt tối đa bao lâu?', 'hoi nghi quan triet toi da bao lau'])('meeting length: %s', (q) => {
    expect(ask(q).text).toBe(
      'Thời gian họp tối đa:\n• Hội nghị quán triệt: không quá 1/2 ngày (xã Đại Sơn, mục II.3.3; thành phố Huế, mục II.4.b.2; phường Nhị Chiểu, mục II.4.a.2)',
    );
  });

  it('targets', () => {
    expect(ask('Phải tinh giản bao nhiêu phần trăm số lượng hội nghị mỗi năm?').text).toContain('10%');
    expect(ask('ty le van ban trao doi dien tu phai dat bao nhieu o hue').text).toContain(
      '• Đảm bảo 100% văn bản trao đổi giữa các cơ quan hành chính nhà nước được thực hiện dưới dạng điện tử (trừ văn bản mật) (thành phố Huế, mục II.5.b.1',
    );
  });

  it.each(['Báo cáo hằng năm của xã Đại Sơn hạn khi nào?', 'bao cao hang nam cua dai son han khi nao'])(
    'reporting dates and addressee: %s',
    (q) => {
      const a = ask(q);
      expect(a.text).toBe(
        'Chế độ báo cáo:\n• Báo cáo hằng năm: trước ngày 5 tháng 12, gửi Sở Nội vụ (xã Đại Sơn, mục IV.1.2)',
      );
      expect(a.cites).toEqual(['dai-son#IV.1.2']);
    },
  );

  it('reports due in the period asked about', () => {
    expect(ask('Quý này Nhị Chiểu phải gửi báo cáo gì?').text).toBe(
      'Chế độ báo cáo:\n• Báo cáo hằng năm: trước ngày 10 tháng 12, gửi Ủy ban nhân dân thành phố (phường Nhị Chiểu, mục IV.1.2)',
    );
    expect(ask('Báo cáo quý I của Huế gửi trước ngày nào?').text).toContain(
      '• Báo cáo quý I: trước ngày 10 tháng 3, gửi Sở Nội vụ',
    );
  });

  it('legal documents a task cites', () => {
    expect(ask('Nhiệm vụ 12 của Nhị Chiểu theo nghị định nào?').text).toBe(
      'Văn bản được dẫn ở phường Nhị Chiểu, nhiệm vụ 12:\n• Nghị định số 09/2019/NĐ-CP ngày 24 tháng 01 năm 2019 của Chính phủ\n• Thông tư số 05/2025/TT-VPCP ngày 31/12/2025 của Văn phòng Chính phủ',
    );
  });

  it('legal documents the plan rests on', () => {
    expect(ask('Kế hoạch của Huế căn cứ văn bản nào?').text).toContain(
      '• Quyết định số 534/QĐ-TTg ngày 31 tháng 3 năm 2026 của Thủ tướng Chính phủ',
    );
  });

  it.each(['Kết luận 226 là gì?', 'ket luan so 226 ban hanh ngay nao'])(
    'a document named by number, once for every plan citing it: %s',
    (q) => {
      const a = ask(q);
      expect(a.text).toBe(
        'Các văn bản được dẫn:\n• Kết luận số 226-KL/TW ngày 11 tháng 12 năm 2025 của Ban Bí thư (xã Đại Sơn; thành phố Huế; phường Nhị Chiểu)',
      );
      expect(a.cites).toEqual(['dai-son#', 'hue#', 'nhi-chieu#']);
    },
  );

  it('a document no plan cites is out of scope', () => {
    expect(ask('Quyết định 999 là gì?')).toMatchObject({ intent: 'out_of_scope', cites: [] });
  });

  it.each(['Ai ký kế hoạch của phường Nhị Chiểu?', 'ai ky ke hoach nhi chieu'])('signer: %s', (q) => {
    expect(ask(q).text).toBe(
      'Phường Nhị Chiểu:\nNgười ký: Lãnh Duy Tiên – Chủ tịch (TM. ỦY BAN NHÂN DÂN).\nNguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, phần đầu và phần ký.',
    );
  });

  it.each(['Kinh phí thực hiện kế hoạch Đại Sơn lấy từ đâu?', 'kinh phi dai son lay tu dau'])('funding: %s', (q) => {
    const a = ask(q);
    expect(a.cites).toEqual(['dai-son#III']);
    expect(a.text).toContain('ngân sách xã');
  });

  it.each(['trợ lý ảo', 'tro ly ao'])('anything else: the best passages with their section paths: %s', (q) => {
    const a = ask(q);
    expect(a.intent).toBe('passages');
    expect(a.cites).toContain('nhi-chieu#15');
    expect(a.text).toContain('• thành phố Huế, mục II.5.c.1: ');
  });
});

describe('answerQuestion: places without a plan', () => {
  it('says which plans exist when the question names a place none covers', () => {
    const a = ask('Ai chủ trì nhiệm vụ 1 của tỉnh Bắc Ninh?');
    expect(a).toMatchObject({
      intent: 'out_of_scope',
      text: 'Chưa có kế hoạch của tỉnh Bắc Ninh trong dữ liệu của trợ lý. Các kế hoạch hiện có: xã Đại Sơn, thành phố Huế, phường Nhị Chiểu.',
      cites: [],
    });
  });

  it('does not take "UBND" for "Văn phòng UBND"', () => {
    const a = ask('UBND thành phố Huế chủ trì việc gì?');
    expect(a.text).not.toContain('Văn phòng UBND (thành phố Huế)');
  });
});

describe('answerQuestion: out of scope', () => {
  it.each(['Đại Sơn có bao nhiêu sân bóng đá?', 'Đại Sơn thực hiện trợ lý ảo thế nào?'])(
    'names the plan asked about when it does not cover %s',
    (q) => {
      expect(ask(q)).toMatchObject({
        intent: 'out_of_scope',
        text: 'Kế hoạch (chưa ghi số) của xã Đại Sơn không đề cập nội dung này, nên tôi không trả lời được.',
        cites: [],
      });
    },
  );

  it.each([
    'Thời tiết hôm nay?',
    'thoi tiet hom nay',
    'Giá vàng hôm nay bao nhiêu?',
    'Tỷ giá đô la hôm nay là bao nhiêu?',
    'xin chào',
    'Lương cơ sở năm 2026 là bao nhiêu?',
    'Lịch nghỉ Tết Nguyên đán 2027?',
    'Hôm nay ăn gì?',
    'đi đâu',
    'Chủ tịch HĐND phường hiện nay là ai?',
  ])('says the plans do not cover %s, citing nothing', (q) => {
    const a = ask(q);
    expect(a).toMatchObject({ intent: 'out_of_scope', text: OUT_OF_SCOPE, cites: [], tasks: [] });
  });
});
