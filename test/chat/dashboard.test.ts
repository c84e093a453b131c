import { afterEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
afterEach(() => h.cleanup());

const issued: { userKey: string; now: Date }[] = [];
const links = (miniAppUrl?: string) => ({
  issue: async (userKey: string, now: Date) => {
    issued.push({ userKey, now });
    return { url: `https://bot.example.gov.vn/dashboard/login/secret-${issued.length}` };
  },
  minutes: 10,
  ...(miniAppUrl ? { miniAppUrl } : {}),
});
const LEADER = { id: '501', name: 'Hòa' };

describe('/bangdieukhien', () => {
  it('gives a registered user a one-time link with a button, and on Telegram the Mini App', async () => {
    h = createChatHarness({ dashboard: links('https://bot.example.gov.vn/dashboard/') });
    await h.register(LEADER, { plan: 'nhi-chieu', role: 'leader' });
    const [reply] = await h.send(LEADER, '/bangdieukhien');
    expect(reply!.text).toBe(
      'Bảng điều khiển tiến độ: https://bot.example.gov.vn/dashboard/login/secret-1\nLiên kết dùng một lần, hết hạn sau 10 phút. Không chuyển liên kết này cho người khác.',
    );
    expect(reply!.link).toEqual({
      label: 'Mở bảng điều khiển',
      url: 'https://bot.example.gov.vn/dashboard/login/secret-1',
      miniApp: { label: 'Mở trong Telegram', url: 'https://bot.example.gov.vn/dashboard/' },
    });
    expect(issued.at(-1)).toEqual({ userKey: 'tg:501', now: h.now() });
    const [zalo] = await h.send({ ...LEADER, channel: 'zalo' }, '/bangdieukhien');
    expect(zalo!.text).toContain('chỉ dành cho người đã đăng ký'); // zl:501 is another person
  });

  it('never posts a link in a group, nor to someone unregistered', async () => {
    h = createChatHarness({ dashboard: links() });
    await h.register(LEADER, { plan: 'nhi-chieu', role: 'leader' });
    const before = issued.length;
    const [group] = await h.send(LEADER, '/bangdieukhien', { inGroup: true });
    expect(group).toEqual({ text: expect.stringContaining('chỉ gửi trong tin nhắn riêng') });
    expect(await h.say({ id: '999' }, '/bangdieukhien')).toBe(
      'Bảng điều khiển chỉ dành cho người đã đăng ký. Gửi /start <mã mời> để đăng ký.',
    );
    expect(issued.length).toBe(before);
  });

  it('says there is no dashboard where no server runs (the terminal)', async () => {
    h = createChatHarness();
    await h.register(LEADER, { plan: 'nhi-chieu', role: 'leader' });
    expect(await h.say(LEADER, '/bangdieukhien')).toContain('chưa có');
  });
});
