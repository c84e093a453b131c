import { describe, expect, it } from 'vitest';
import { createChoiceMemory } from '../../../src/channels/zalo/choices.js';
import { createUpdateHandler } from '../../../src/channels/zalo/handle-update.js';
import type { ZaloUpdate } from '../../../src/channels/zalo/schema.js';
import type { ChatHandler, Reply } from '../../../src/chat/index.js';

const update = (
  event_name: ZaloUpdate['event_name'] = 'message.text.received',
  text: string | undefined = 'Hỏi',
): ZaloUpdate => ({
  event_name,
  message: { message_id: 'm-1', from: { id: 'u-1' }, chat: { id: 'c-1' }, date: 1764300000000, text },
});

function run(handle: ChatHandler, choices = createChoiceMemory()) {
  const calls: string[] = [];
  const logs: Array<[string, string, Record<string, unknown> | undefined]> = [];
  const answer = createUpdateHandler({
    client: { sendChatAction: async (chatId, action) => void calls.push(`${action} ${chatId}`) },
    handle,
    choices,
    log: (l, m, d) => void logs.push([l, m, d]),
    send: async (chatId, replies: Reply[]) => (
      calls.push(...replies.map((r) => `send ${chatId} ${r.text}`)),
      replies.length
    ),
  });
  return { answer, calls, logs };
}

describe('createUpdateHandler', () => {
  it('shows typing, asks the core, sends its replies and logs one line with the time taken', async () => {
    const { answer, calls, logs } = run(async () => [{ text: 'Một' }, { text: 'Hai' }]);
    await answer(update());
    expect(calls).toEqual(['typing c-1', 'send c-1 Một', 'send c-1 Hai']);
    expect(logs.filter((l) => l[0] !== 'debug')).toEqual([
      [
        'info',
        'zalo: update handled',
        {
          channel: 'zalo',
          userId: 'u-1',
          chatId: 'c-1',
          messageId: 'm-1',
          intent: 'text',
          sent: 2,
          ms: expect.any(Number),
        },
      ],
    ]);
  });

  it.each([
    ['/capnhat 4 xong', 'capnhat'],
    ['1', 'choice'],
    ['Ai chủ trì?', 'text'],
  ])('logs the intent of %j (choices shown: one)', async (text, intent) => {
    const choices = createChoiceMemory();
    choices.remember('c-1', [{ label: 'Hoàn thành', data: 'cn:s:done' }]);
    const { answer, logs } = run(async () => [], choices);
    await answer(update('message.text.received', text));
    expect(logs.at(-1)?.[2]).toMatchObject({ intent });
  });

  it('apologises and logs the error when the core throws', async () => {
    const { answer, calls, logs } = run(async () => {
      throw new Error('database is locked');
    });
    await answer(update());
    expect(calls).toEqual([
      'typing c-1',
      'send c-1 Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.',
    ]);
    expect(logs.find((l) => l[0] === 'error')).toEqual([
      'error',
      'zalo: chat handler failed',
      expect.objectContaining({ err: new Error('database is locked') }),
    ]);
  });

  it('answers a sticker with the text-only note, without typing or the core', async () => {
    const { answer, calls } = run(async () => expect.unreachable());
    await answer(update('message.sticker.received', undefined));
    expect(calls).toEqual([
      'send c-1 Trợ lý chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi hoặc nội dung cập nhật bằng chữ.',
    ]);
  });
});

describe('createUpdateHandler in a group', () => {
  const inGroup = (event_name: ZaloUpdate['event_name'], text?: string): ZaloUpdate => {
    const u = update(event_name, text);
    u.message.chat = { id: 'g-1', chat_type: 'GROUP' };
    return u;
  };

  it('answers a command', async () => {
    const { answer, calls } = run(async (m) => [{ text: `lệnh ${m.text}` }]);
    await answer(inGroup('message.text.received', '/viec'));
    expect(calls).toEqual(['typing g-1', 'send g-1 lệnh /viec']);
  });

  it('leaves other messages and stickers alone', async () => {
    const { answer, calls, logs } = run(async () => expect.unreachable());
    await answer(inGroup('message.text.received', 'chào cả nhà'));
    await answer(inGroup('message.sticker.received'));
    expect(calls).toEqual([]);
    expect(logs.map((l) => l[1])).toEqual([
      'zalo: group message not addressed to the bot',
      'zalo: group message not addressed to the bot',
    ]);
  });
});
