import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatHandler, IncomingMessage, Reply } from '../../../src/chat/index.js';
import { startZaloBot } from '../../../src/channels/zalo/index.js';
import { startFakeZaloServer, type FakeZaloServer } from '../../support/fake-zalo-server.js';
import type { Log } from '../../../src/channels/index.js';

const TOKEN = '1234567890:fake-zalo-token-for-tests';
const AN = { id: 'u-an', name: 'Nguyễn Văn An' };
/** Over 5,000 characters of answer, in 126 lines of 39. */
const LONG_ANSWER = Array.from({ length: 126 }, (_, i) =>
  `Dòng ${String(i).padStart(3, '0')}: nội dung trả lời dài.`.padEnd(39, '.'),
).join('\n');

/** A stand-in for the chat core: answers by rule and records what it was given. */
function stubCore() {
  const received: IncomingMessage[] = [];
  const handle: ChatHandler = async (message) => {
    received.push(message);
    if (message.text === '/capnhat') {
      return [
        {
          text: 'Chọn nhiệm vụ:',
          choices: [
            { label: '4. Ban hành văn bản', data: 'task:4' },
            { label: '5. Kiểm tra', data: 'task:5' },
          ],
        },
      ];
    }
    if (message.text === 'dài') return [{ text: LONG_ANSWER }];
    return [{ text: `Đã nhận: ${message.text}` }] satisfies Reply[];
  };
  return { received, handle };
}

describe('startZaloBot (long polling against a local Zalo Bot API)', () => {
  let server: FakeZaloServer;
  let stop: () => Promise<void>;
  let push: (chatId: string, replies: Reply[]) => Promise<number>;
  let core: ReturnType<typeof stubCore>;
  const logs: Array<{ level: string; msg: string; data?: Record<string, unknown> }> = [];
  const waits: number[] = [];
  const log: Log = (level, msg, data) => void logs.push({ level, msg, data });

  beforeEach(async () => {
    logs.length = 0;
    waits.length = 0;
    server = await startFakeZaloServer({ token: TOKEN });
    core = stubCore();
    const bot = await startZaloBot({
      token: TOKEN,
      apiRoot: server.url,
      handle: core.handle,
      log,
      pollTimeoutSeconds: 5,
      sleep: async (ms) => void waits.push(ms),
    });
    stop = bot.stop;
    push = bot.send;
  });
  afterEach(async () => {
    await stop();
    await server.close();
  });

  it('answers a question in the chat it came from, showing "typing" first', async () => {
    server.sendText(AN, 'Ai chủ trì nhiệm vụ 4?');
    const sent = await server.waitForSent(1);
    expect(sent).toEqual([{ method: 'sendMessage', chat_id: 'u-an', text: 'Đã nhận: Ai chủ trì nhiệm vụ 4?' }]);
    expect(server.actions).toEqual([{ chat_id: 'u-an', action: 'typing' }]);
    expect(core.received[0]).toMatchObject({
      channel: 'zalo',
      senderId: 'u-an',
      senderName: 'Nguyễn Văn An',
      chatId: 'u-an',
      isChoice: false,
    });
  });

  it('shows choices as a numbered list and hands the answer "2" back to the core as that choice', async () => {
    server.sendText(AN, '/capnhat');
    const [list] = await server.waitForSent(1);
    expect(list?.text).toBe(
      'Chọn nhiệm vụ:\n\nTrả lời bằng số trong ngoặc [ ] để chọn:\n[1] 4. Ban hành văn bản\n[2] 5. Kiểm tra',
    );
    server.sendText(AN, '2');
    await server.waitForSent(2);
    expect(core.received[1]).toMatchObject({ text: 'task:5', isChoice: true });
  });

  it('pushes replies outside an update, and a numbered answer to pushed choices comes back as the choice', async () => {
    expect(
      await push('u-an', [
        { text: 'Nhắc việc: nhiệm vụ 4 đến hạn.', choices: [{ label: 'Cập nhật ngay', data: 'remind:update:4' }] },
      ]),
    ).toBe(1);
    expect(server.sent[0]?.text).toBe(
      'Nhắc việc: nhiệm vụ 4 đến hạn.\n\nTrả lời bằng số trong ngoặc [ ] để chọn:\n[1] Cập nhật ngay',
    );
    server.sendText(AN, '1');
    await server.waitForSent(2);
    expect(core.received[0]).toMatchObject({ text: 'remind:update:4', isChoice: true });
  });

  it('splits a 5,000-character answer into pieces of at most 2,000 characters, in order', async () => {
    server.sendText(AN, 'dài');
    expect(LONG_ANSWER.length).toBe(5039);
    await server.waitForSent(3);
    const pieces = server.sent.map((m) => m.text ?? '');
    expect(pieces.map((p) => p.length)).toEqual([1999, 1999, 1039]);
    expect(pieces.join('\n')).toBe(LONG_ANSWER);
  });

  it('retries a message refused with 429 after the retry-after the server gave', async () => {
    server.failNext('sendMessage', { errorCode: 429, description: 'Too Many Requests', retryAfter: 3 });
    server.sendText(AN, 'xin chào');
    await server.waitForSent(1);
    expect(waits).toEqual([3000]);
    expect(server.calls.filter((m) => m === 'sendMessage')).toHaveLength(2);
    expect(server.sent[0]?.text).toBe('Đã nhận: xin chào');
  });

  it('keeps polling after a server error, backing off first', async () => {
    server.failNext('getUpdates', { errorCode: 500, description: 'Internal Server Error' });
    server.sendText(AN, 'một');
    server.sendText(AN, 'hai');
    await server.waitForSent(2);
    expect(server.sent.map((m) => m.text)).toEqual(['Đã nhận: một', 'Đã nhận: hai']);
    expect(waits).toEqual([1000]);
    const warning = logs.find((l) => l.msg === 'zalo: polling failed, retrying');
    expect(String(warning?.data?.err)).toBe(
      "ZaloApiError: Zalo: call to 'getUpdates' failed (500: Internal Server Error)",
    );
  });

  it('answers an image with a short note that only text is read, without calling the core', async () => {
    server.enqueue({
      event_name: 'message.image.received',
      message: {
        message_id: 'img-1',
        from: { id: 'u-an' },
        chat: { id: 'u-an', chat_type: 'PRIVATE' },
        date: Date.now(),
        photo_url: 'https://x/y.jpg',
      },
    });
    const [note] = await server.waitForSent(1);
    expect(note?.text).toBe(
      'Trợ lý chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi hoặc nội dung cập nhật bằng chữ.',
    );
    expect(core.received).toEqual([]);
  });

  it('skips a malformed update with a warning and goes on', async () => {
    server.enqueue({ event_name: 'message.text.received', message: { text: 'no ids' } });
    server.sendText(AN, 'sau đó');
    await server.waitForSent(1);
    expect(server.sent[0]?.text).toBe('Đã nhận: sau đó');
    expect(logs.find((l) => l.msg === 'zalo: malformed update skipped')?.level).toBe('warn');
  });
});
