import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
beforeEach(() => {
  h = createChatHarness();
});
afterEach(() => h.cleanup());

const lan = { id: '1', name: 'Lan' };
const minh = { id: '2', name: 'Minh' };
const VHXH = 'Phòng Văn hóa - Xã hội';

describe('createChat: registration', () => {
  it('registers with a one-time invite and says what to do next', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    expect(await h.say(lan, `/start ${code.toLowerCase()}`)).toBe(
      'Chào Lan! Bạn đã đăng ký là chuyên viên Phòng Văn hóa - Xã hội, Kế hoạch 158/KH-UBND.\n' +
        'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP\n' +
        'Xem việc của đơn vị: /viec · Trợ giúp: /trogiup',
    );
    expect(await h.store().users.get('tg:1')).toMatchObject({
      role: 'officer',
      plan: 'nhi-chieu',
      unit: VHXH,
      active: true,
    });
    expect(await h.say(lan, '/start')).toBe(
      'Bạn đã đăng ký là chuyên viên Phòng Văn hóa - Xã hội, Kế hoạch 158/KH-UBND.',
    );
  });

  it('registers a leader of a plan, and keys users per channel', async () => {
    const reply = await h.register(
      { id: '77', name: 'Chủ tịch', channel: 'zalo' },
      { plan: 'dai-son', role: 'leader' },
    );
    expect(reply.split('\n')[0]).toMatch(/^Chào Chủ tịch! Bạn đã đăng ký là lãnh đạo Kế hoạch /);
    // A leader has no unit: no /viec, which would only say so.
    expect(reply.split('\n').slice(1)).toEqual([
      'Ví dụ: /capnhat 1 hoàn thành đã ban hành Công văn số 15/CV-VP',
      'Xem tiến độ một nhiệm vụ: /tiendo 1 · Việc quá hạn: /quahan · Trợ giúp: /trogiup',
    ]);
    expect((await h.store().users.get('zl:77'))?.role).toBe('leader');
    expect(await h.store().users.get('tg:77')).toBeUndefined();
  });

  it('keeps a display name without direction overrides and lone surrogates, so digests show it as it reads', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    const reply = await h.say({ id: '5', name: 'Lan \u202Eáh cóv\uD800' }, `/start ${code}`);
    expect(reply.split('\n')[0]).toBe(
      'Chào Lan áh cóv! Bạn đã đăng ký là chuyên viên Phòng Văn hóa - Xã hội, Kế hoạch 158/KH-UBND.',
    );
    expect((await h.store().users.get('tg:5'))?.name).toBe('Lan áh cóv');
  });

  it('logs refused codes without the code, and makes a sender wait after five', async () => {
    const logs: Array<{ level: string; msg: string; data?: Record<string, unknown> }> = [];
    h.cleanup();
    h = createChatHarness({ log: (level, msg, data) => void logs.push({ level, msg, data }) });
    const code = await h.invite({ plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    for (let i = 1; i <= 5; i++) await h.say(lan, `/start SAIMA00${i}`);
    expect(logs.filter((l) => l.msg === 'invite: code refused').map((l) => l.data)).toEqual(
      [1, 2, 3, 4, 5].map((refusals) => ({ user: 'tg:1', reason: 'invite_unknown', refusals })),
    );
    expect(JSON.stringify(logs)).not.toMatch(/SAIMA/);
    const before = [h.db.rows('users'), h.db.rows('invites')];
    // Even the right code is not looked at while the sender waits.
    expect(await h.say(lan, `/start ${code}`)).toBe(
      'Bạn đã nhập sai mã mời nhiều lần. Vui lòng thử lại sau 09:15 01/06/2026 hoặc liên hệ quản trị viên.',
    );
    expect([h.db.rows('users'), h.db.rows('invites')]).toEqual(before);
    expect(logs.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'invite: code not checked, sender paused after wrong codes',
    });
    // Someone else is not slowed down.
    expect(await h.say(minh, '/start SAIMA006')).toMatch(/^Mã mời «SAIMA006» không đúng/);
    h.advance(15 * 60_000);
    expect(await h.say(lan, `/start ${code}`)).toMatch(/^Chào Lan! Bạn đã đăng ký là chuyên viên/);
  });

  it("gives as its example a task the officer's unit may set the status of, not one it only coordinates", async () => {
    const reply = await h.register(lan, { plan: 'nhi-chieu', unit: 'Văn phòng HĐND và UBND', role: 'officer' });
    expect(reply.split('\n')[1]).toBe('Ví dụ: /capnhat 2 hoàn thành đã ban hành Công văn số 15/CV-VP');
    expect(await h.say(lan, '/capnhat 2 hoàn thành đã ban hành Công văn số 15/CV-VP')).toMatch(/^Đã lưu cập nhật:/);
  });

  it('refuses a used code and leaves the database unchanged', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    await h.say(lan, `/start ${code}`);
    const [users, invites] = [h.db.rows('users'), h.db.rows('invites')];
    expect(await h.say(minh, `/start ${code}`)).toBe(
      'Mã mời này đã được dùng. Mỗi mã chỉ dùng được một lần; xin quản trị viên cấp mã mới.',
    );
    expect([h.db.rows('users'), h.db.rows('invites')]).toEqual([users, invites]);
  });

  it('answers a repeated /start of the same person like the first', async () => {
    const code = await h.invite({ plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    const first = await h.say(lan, `/start ${code}`, 'same');
    expect(await h.say(lan, `/start ${code}`, 'same')).toBe(first);
    expect(h.db.rows('users')).toHaveLength(1);
  });

  it('refuses an expired code and leaves the database unchanged', async () => {
    const code = await h.invite({
      plan: 'nhi-chieu',
      unit: VHXH,
      role: 'officer',
      expiresAt: new Date('2026-06-01T01:00:00Z'),
    });
    const invites = h.db.rows('invites');
    expect(await h.say(lan, `/start ${code}`)).toBe(
      'Mã mời này đã hết hạn lúc 08:00 01/06/2026. Xin quản trị viên cấp mã mới.',
    );
    expect(h.db.rows('invites')).toEqual(invites);
    expect(h.db.rows('users')).toEqual([]);
  });

  it.each([
    [
      '/start NOPE',
      'Mã mời «NOPE» không đúng. Kiểm tra lại mã (ví dụ: /start K7QX2M9P) hoặc xin quản trị viên mã mới.',
    ],
    [
      "/start ' OR 1=1 --",
      "Mã mời «'» không đúng. Kiểm tra lại mã (ví dụ: /start K7QX2M9P) hoặc xin quản trị viên mã mới.",
    ],
    ['/start', 'Để đăng ký, gửi /start kèm mã mời do quản trị viên cấp, ví dụ: /start K7QX2M9P'],
  ])('refuses %j with an example', async (text, reply) => {
    await h.invite({ plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    const invites = h.db.rows('invites');
    expect(await h.say(lan, text)).toBe(reply);
    expect(h.db.rows('invites')).toEqual(invites);
    expect(h.db.rows('users')).toEqual([]);
  });

  it('lets an unregistered person ask, and tells them how to register before updating', async () => {
    expect(await h.say(lan, 'Nhiệm vụ 4 của Nhị Chiểu do ai chủ trì?')).toContain('Chủ trì: Phòng Văn hóa - Xã hội.');
    const told =
      'Bạn chưa đăng ký nên chưa thể cập nhật tiến độ. Bạn vẫn có thể hỏi về kế hoạch, ví dụ: /hoi Nhiệm vụ 4 do ai chủ trì?\n' +
      'Để đăng ký, xin quản trị viên một mã mời rồi gửi: /start MÃ_MỜI';
    expect(await h.say(lan, '/capnhat 4 xong')).toBe(told);
    expect(await h.say(lan, 'Nhiệm vụ 4 đã hoàn thành')).toBe(told);
    expect(await h.say(lan, '/hoantac')).toBe(told);
    expect(h.db.rows('updates')).toEqual([]);
  });

  it('treats a deactivated user as unregistered', async () => {
    await h.register(lan, { plan: 'nhi-chieu', unit: VHXH, role: 'officer' });
    await h.store().users.deactivate('tg:1');
    expect(await h.say(lan, '/capnhat 4 xong')).toMatch(/^Bạn chưa đăng ký nên chưa thể cập nhật tiến độ\./);
    expect(h.db.rows('updates')).toEqual([]);
  });
});
