import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { xlsxRows } from '../support/xlsx-rows.js';

const LEADER = { id: '100', name: 'Lê Văn Lãnh' };
const OFFICER = { id: '200', name: 'Phạm Thu Hà' };
const STRANGER = { id: '999' };
const UNIT = 'Phòng Văn hóa - Xã hội';

let h: ChatHarness;

const plan = () => h.plans.find((p) => p.id === 'nhi-chieu')!;
/** A task the officer's unit leads that is not yet due on 1 June 2026. */
const unitTask = () =>
  plan().tasks.find(
    (t) => t.lead.some((a) => a.name === UNIT) && (t.deadline.due === null || t.deadline.due >= '2026-06-01'),
  )!;

beforeEach(async () => {
  h = createChatHarness();
  await h.register(LEADER, { plan: 'nhi-chieu', role: 'leader' });
  await h.register(OFFICER, { plan: 'nhi-chieu', unit: UNIT, role: 'officer' });
});
afterEach(() => h.cleanup());

describe('/digest', () => {
  it('gives a leader the digest with what moved since 07:30, and the chart', async () => {
    await h.say(OFFICER, `/capnhat ${unitTask().no} hoàn thành Đã ban hành Công văn 15/CV-VHXH`);
    const replies = await h.send(LEADER, '/digest');
    const lines = replies[0]!.text.split('\n');
    expect(lines[0]).toBe('📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 01/06/2026');
    expect(lines).toContain(`• NV ${unitTask().no} — Phạm Thu Hà: Hoàn thành — Đã ban hành Công văn 15/CV-VHXH`);
    expect(replies[1]).toMatchObject({
      text: 'Kế hoạch 158/KH-UBND: tiến độ theo đơn vị (01/06/2026)',
      file: { kind: 'photo', mimeType: 'image/png' },
    });
  });

  it('tells an unregistered person how to register', async () => {
    expect(await h.say(STRANGER, '/digest')).toBe(
      'Bạn chưa đăng ký tài khoản. Hãy nhận mã mời từ quản trị viên và gửi /start MÃ để đăng ký.',
    );
  });
});

describe('/nhandigest and /tatdigest', () => {
  it('subscribes an officer and stops a leader', async () => {
    expect(await h.say(OFFICER, '/nhandigest')).toBe(
      'Đã đăng ký nhận bản tổng hợp hằng ngày (07:30 các ngày làm việc). Gửi /tatdigest để dừng.',
    );
    expect(await h.say(OFFICER, '/nhandigest')).toBe(
      'Bạn đã đăng ký nhận bản tổng hợp hằng ngày. Gửi /tatdigest để dừng.',
    );
    expect(await h.say(LEADER, '/tatdigest')).toBe('Đã dừng gửi bản tổng hợp hằng ngày. Gửi /nhandigest để nhận lại.');
    expect(await h.say(LEADER, '/tatdigest')).toBe('Bạn chưa đăng ký nhận bản tổng hợp. Gửi /nhandigest để đăng ký.');
    expect(h.db.rows('digest_subscriptions')).toEqual([
      expect.objectContaining({ user_key: 'tg:200', subscribed: 1 }),
      expect.objectContaining({ user_key: 'tg:100', subscribed: 0 }),
    ]);
  });
});

describe('/baocao', () => {
  it('returns the yearly report as an .xlsx that reads back row by row', async () => {
    const task = unitTask();
    await h.say(OFFICER, `/capnhat ${task.no} hoàn thành Đã ban hành Công văn 15/CV-VHXH`);
    const [reply] = await h.send(LEADER, '/baocao nam');
    expect(reply!.text).toBe('Báo cáo kết quả thực hiện Kế hoạch 158/KH-UBND, năm 2026.');
    expect(reply!.file).toMatchObject({ fileName: 'bao-cao-nhi-chieu-2026.xlsx', kind: 'document' });
    const rows = await xlsxRows(reply!.file!.content);
    expect(rows.slice(0, 6)).toEqual([
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND'],
      ['(Kèm theo Báo cáo số …/BC-… ngày …/…/… của Ủy ban nhân dân phường Nhị Chiểu)'],
      [plan().meta.title],
      ['Đơn vị: Ủy ban nhân dân phường Nhị Chiểu'],
      ['Kỳ báo cáo: năm 2026 (từ 01/01/2026 đến 31/12/2026)'],
      ['Ngày lập: 01/06/2026'],
    ]);
    const header = rows.findIndex((r) => r[0] === 'STT');
    const taskRows = rows.slice(header + 1, header + 1 + plan().tasks.length);
    expect(taskRows.map((r) => [r[0], r[1], r[3]])).toEqual(plan().tasks.map((t) => [t.no, t.content, t.deadline.raw]));
    expect(taskRows.find((r) => r[0] === task.no)!.slice(4)).toEqual([
      'Hoàn thành đúng hạn',
      '01/06/2026 Hoàn thành: Đã ban hành Công văn 15/CV-VHXH',
      '01/06/2026',
    ]);
  });

  it('is for leaders and admins only, and refuses an unknown period', async () => {
    expect(await h.say(OFFICER, '/baocao nam')).toBe(
      'Chỉ lãnh đạo và quản trị viên được lập báo cáo. Bạn có thể xem tiến độ bằng /viec hoặc /tiendo.',
    );
    expect(await h.say(LEADER, '/baocao tuan')).toBe(
      'Kỳ báo cáo không hợp lệ. Ví dụ: /baocao 6thang, /baocao nam, /baocao quy hoặc /baocao 2026-H1.',
    );
  });

  it.each(['constructor', '__proto__', '0000-H1', '0001'])(
    'refuses the period %s (not a word nor a real year)',
    async (word) => {
      expect(await h.say(LEADER, `/baocao ${word}`)).toBe(
        'Kỳ báo cáo không hợp lệ. Ví dụ: /baocao 6thang, /baocao nam, /baocao quy hoặc /baocao 2026-H1.',
      );
    },
  );

  it('names the six-month and quarterly files by period', async () => {
    expect((await h.send(LEADER, '/baocao 6 tháng'))[0]!.file!.fileName).toBe('bao-cao-nhi-chieu-2026-H1.xlsx');
    expect((await h.send(LEADER, '/baocao quý'))[0]!.file!.fileName).toBe('bao-cao-nhi-chieu-2026-Q2.xlsx');
  });
});

describe('/solieu', () => {
  it('stores the figures and answers with the rate against the target', async () => {
    const reply = await h.say(OFFICER, '/solieu hoinghi 2026 tong=40 tructuyen=26');
    expect(reply.split('\n')[0]).toBe('Đã ghi 2 số liệu.');
    expect(reply).toMatch(/^• 2026: .*\(chỉ tiêu: đạt ≥ 60%\): 65% — ĐẠT$/m);
    expect(h.db.rows('figures')).toEqual([
      expect.objectContaining({
        plan: 'nhi-chieu',
        unit: UNIT,
        metric: 'conferences',
        year: 2026,
        field: 'total',
        value: 40,
      }),
      expect.objectContaining({
        plan: 'nhi-chieu',
        unit: UNIT,
        metric: 'conferences',
        year: 2026,
        field: 'online',
        value: 26,
      }),
    ]);
  });

  it.each([
    [
      '/solieu hoinghi 2026 tong=10 tructuyen=26',
      'Số trực tuyến (26) không thể lớn hơn tổng số (10) của năm 2026. Ví dụ: /solieu hoinghi 2026 tong=40 tructuyen=26 hoặc /solieu vanban 2026 45 2025 60',
    ],
    [
      '/solieu vanban 1900 45',
      'Năm 1900 không hợp lệ: số liệu là kết quả đã đạt, ghi cho các năm từ 2000 đến 2026. Ví dụ: /solieu hoinghi 2026 tong=40 tructuyen=26 hoặc /solieu vanban 2026 45 2025 60',
    ],
  ])('refuses the impossible figures %j with the reason, storing nothing', async (text, reply) => {
    expect(await h.say(OFFICER, text)).toBe(reply);
    expect(h.db.rows('figures')).toEqual([]);
  });

  it('refuses unreadable figures with an example, storing nothing', async () => {
    expect(await h.say(OFFICER, '/solieu hoinghi 2026 tong=abc')).toBe(
      'Không đọc được "tong=abc": số liệu phải là số không âm, trường là tong hoặc tructuyen. Ví dụ: /solieu hoinghi 2026 tong=40 tructuyen=26 hoặc /solieu vanban 2026 45 2025 60',
    );
    expect(h.db.rows('figures')).toEqual([]);
  });
});
