import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
beforeEach(() => {
  h = createChatHarness();
});
afterEach(() => h.cleanup());

describe('createChat: adding a plan where files cannot be sent', () => {
  it('tells a Zalo admin to use the command line, and others that only admins add plans', async () => {
    const admin = { id: '9', name: 'An', channel: 'zalo' as const };
    await h.register(admin, { plan: null, role: 'admin' });
    expect(await h.say(admin, '/themkehoach')).toBe(
      'Zalo chưa cho phép gửi tệp tới trợ lý, nên ở đây không thêm được kế hoạch. Quản trị viên thêm kế hoạch bằng lệnh trên máy chủ: npm run cli -- plans add <tệp> (hoặc gửi tệp cho trợ lý trên Telegram).',
    );
    expect(await h.say({ id: '10', channel: 'zalo' }, '/themkehoach')).toMatch(
      /^Cảm ơn bạn đã gửi tệp\. Chỉ quản trị viên/,
    );
  });
});
