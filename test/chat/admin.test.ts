import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

/** The terminal's user: an admin registered without a plan, who works on every plan. */
const admin = { id: 'local', channel: 'terminal' as const, name: 'Quản trị' };
const PLANS = 'Các kế hoạch: dai-son (xã Đại Sơn), hue (thành phố Huế), nhi-chieu (phường Nhị Chiểu).';
const UNIT = 'Phòng Văn hóa - Xã hội';

let h: ChatHarness;
beforeEach(async () => {
  h = createChatHarness();
  await h.register(admin, { plan: null, role: 'admin' });
});
afterEach(() => h.cleanup());

const updates = () => h.db.rows('updates') as Array<{ plan: string; task: string; status: string }>;

describe('createChat: an admin of every plan', () => {
  it('is welcomed with examples that name a plan, so they work as written', async () => {
    const other = { id: 'a2', name: 'Hà' };
    expect(await h.register(other, { plan: null, role: 'admin' })).toBe(
      'Chào Hà! Bạn đã đăng ký là quản trị viên.\n' +
        'Ví dụ: /capnhat dai-son#1 hoàn thành đã ban hành Công văn số 15/CV-VP\n' +
        'Xem tiến độ một nhiệm vụ: /tiendo dai-son#1 · Việc quá hạn: /quahan · Trợ giúp: /trogiup',
    );
    expect(await h.say(other, '/capnhat dai-son#1 hoàn thành đã ban hành Công văn số 15/CV-VP')).toMatch(
      /^Đã lưu cập nhật:/,
    );
  });

  it('is asked which plan, with an example of the same command, when no plan is named yet', async () => {
    expect(await h.say(admin, '/viec')).toBe(
      'Bạn là quản trị viên, theo dõi mọi kế hoạch: hãy ghi kế hoạch sau lệnh, ví dụ: /viec dai-son ' +
        `(kế hoạch ghi lần gần nhất được dùng cho các lệnh sau).\n${PLANS}`,
    );
    expect(await h.say(admin, '/solieu hoinghi 2026 tong=40 tructuyen=26')).toBe(
      'Bạn là quản trị viên, theo dõi mọi kế hoạch: hãy ghi kế hoạch sau lệnh, ví dụ: ' +
        '/solieu dai-son hoinghi 2026 tong=40 tructuyen=26 ' +
        `(kế hoạch ghi lần gần nhất được dùng cho các lệnh sau).\n${PLANS}`,
    );
    expect(await h.say(admin, '/tiendo 4')).toBe(
      `Hãy ghi kế hoạch trước số nhiệm vụ, ví dụ: /tiendo dai-son#4.\n${PLANS}`,
    );
    expect(await h.say(admin, '/capnhat 4 đang thực hiện 50%')).toBe(
      'Chưa lưu cập nhật: chưa rõ nhiệm vụ 4 thuộc kế hoạch nào. Hãy ghi kế hoạch trước số nhiệm vụ, ' +
        `ví dụ: /capnhat dai-son#4 đang thực hiện 50%.\n${PLANS}`,
    );
    expect(await h.say(admin, 'Nhiệm vụ 4 đã hoàn thành, đã ban hành Công văn 15')).toMatch(
      /^Chưa lưu cập nhật: chưa rõ nhiệm vụ 4 thuộc kế hoạch nào\. .*\/capnhat dai-son#4 /,
    );
    expect(await h.say(admin, '/capnhat hue#99x xong')).toMatch(/^Không đọc được số nhiệm vụ/);
    expect(await h.say(admin, '/capnhat zzz#4 xong')).toBe(`Chưa lưu cập nhật. Không có kế hoạch «zzz». ${PLANS}`);
    expect(updates()).toEqual([]);
  });

  it('accepts plan#task and plan-first commands, and keeps working on the plan last named', async () => {
    expect(await h.say(admin, '/capnhat nhi-chieu#4 đang thực hiện 50%')).toMatch(
      /^Đã lưu cập nhật:\n• Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\)\n/,
    );
    expect(await h.say(admin, '/tiendo 4')).toMatch(
      /^Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\): [^\n]+\n[^\n]+\nTình trạng: Đang thực hiện 50%/,
    );
    expect((await h.say(admin, '/viec')).split('\n')[0]).toBe('Các nhiệm vụ của Kế hoạch 158/KH-UBND:');

    expect((await h.say(admin, '/viec hue')).split('\n')[0]).toBe('Các nhiệm vụ của Kế hoạch 263/KH-UBND:');
    expect((await h.say(admin, '/tiendo 3')).split(':')[0]).toBe('Nhiệm vụ 3 (Kế hoạch 263/KH-UBND, năm 2026)');
    expect(await h.say(admin, 'Nhiệm vụ 3 đã hoàn thành, đã ban hành Công văn 15')).toMatch(
      /^Lưu cập nhật này\?\n• Nhiệm vụ 3 \(Kế hoạch 263\/KH-UBND\)/,
    );
    expect(await h.say(admin, 'có')).toMatch(/^Đã lưu cập nhật:/);
    expect(await h.say(admin, '/solieu hue hoinghi 2026 tong=40 tructuyen=26')).toMatch(/^Đã ghi 2 số liệu\./);
    // Overdue tasks, the digest and the report stay about every plan unless the command names one.
    const overdueTitles = async (text: string) =>
      (await h.say(admin, text)).split('\n').filter((line) => line.startsWith('Nhiệm vụ quá hạn của'));
    expect(await overdueTitles('/quahan')).toHaveLength(3);
    expect(await overdueTitles('/quahan nhi-chieu')).toEqual(['Nhiệm vụ quá hạn của Kế hoạch 158/KH-UBND:']);
    expect(updates().map((u) => [u.plan, u.task, u.status])).toEqual([
      ['nhi-chieu', '4', 'in_progress'],
      ['hue', '3', 'done'],
    ]);
    expect((h.db.rows('figures') as Array<{ plan: string }>).map((f) => f.plan)).toEqual(['hue', 'hue']);
  });

  it('asks before an officer code takes the admin role away, and says how to get it back', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: UNIT, role: 'officer' });
    const back =
      'Để làm quản trị viên lại: trên máy chủ chạy npm run cli -- invite --role admin, rồi gửi /start <mã vừa cấp>.';
    expect(await h.say(admin, `/start ${code}`)).toBe(
      [
        `Bạn đang là quản trị viên. Mã mời «${code}» dành cho chuyên viên ${UNIT}, Kế hoạch 158/KH-UBND: nếu dùng mã này, bạn sẽ thôi là quản trị viên.`,
        'Chưa đổi gì. Mã mời thường để gửi cho người được mời dùng trên Telegram hoặc Zalo của họ.',
        `Nếu vẫn muốn đổi vai trò, gửi: /start ${code} đồng ý`,
        back,
      ].join('\n'),
    );
    expect(h.db.rows('users')).toMatchObject([{ key: 'cli:local', role: 'admin', plan: null }]);
    expect(h.db.rows('invites')).toMatchObject([{}, { code, used_by: null }]);

    expect(await h.say(admin, `/start ${code} đồng ý`)).toBe(
      [
        `Chào Quản trị! Bạn đã đăng ký là chuyên viên ${UNIT}, Kế hoạch 158/KH-UBND.`,
        'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP',
        'Xem việc của đơn vị: /viec · Trợ giúp: /trogiup',
        `Bạn không còn là quản trị viên. ${back}`,
      ].join('\n'),
    );
    expect(h.db.rows('users')).toMatchObject([{ key: 'cli:local', role: 'officer', plan: 'nhi-chieu', unit: UNIT }]);

    // The way back the reply gives.
    expect(await h.say(admin, `/start ${await h.invite({ plan: null, role: 'admin' })}`)).toMatch(
      /^Chào Quản trị! Bạn đã đăng ký là quản trị viên\./,
    );
    expect(h.db.rows('users')).toMatchObject([{ key: 'cli:local', role: 'admin', plan: null }]);
  });
});
