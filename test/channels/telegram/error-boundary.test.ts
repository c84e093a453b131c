import { Api, BotError, Context } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createErrorHandler } from '../../../src/channels/telegram/error-boundary.js';
import type { TelegramContext } from '../../../src/channels/telegram/index.js';
import { captureLog } from '../../support/telegram-server.js';

const me = { id: 666, is_bot: true, first_name: 'Trợ lý 226', username: 'TroLy226Bot' } as UserFromGetMe;
const APOLOGY = 'Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.';

/** Runs the handler on a failure of an update whose pressed button sits in a message with `chat`. */
async function failWith(chat: unknown) {
  const calls: Array<{ method: string; payload: unknown }> = [];
  const api = new Api('123:offline-token');
  api.config.use(
    async (_prev, method, payload) => (calls.push({ method, payload }), { ok: true, result: true as never }),
  );
  const update = {
    update_id: 7,
    callback_query: {
      id: 'q',
      from: { id: 42, is_bot: false, first_name: 'Lan' },
      chat_instance: 'c',
      data: 'x',
      message: { message_id: 1, date: 1, chat },
    },
  };
  const ctx = new Context(update as unknown as Update, api, me) as TelegramContext;
  const log = captureLog();
  await createErrorHandler(log)(new BotError(new Error('core bug'), ctx));
  return { calls, log };
}

describe('createErrorHandler', () => {
  it('logs the failure and apologises in the chat', async () => {
    const { calls, log } = await failWith({ id: 42, type: 'private', first_name: 'Lan' });
    expect(calls).toEqual([{ method: 'sendMessage', payload: { chat_id: 42, text: APOLOGY } }]);
    expect(log.lines).toMatchObject([{ level: 'error', msg: 'telegram: update failed', fields: { updateId: 7 } }]);
  });

  it.each([
    ['null', null],
    ['without an id', {}],
    ['a string', ''],
  ])('only logs when the chat is %s (a garbled update), without throwing', async (_name, chat) => {
    const { calls, log } = await failWith(chat);
    expect(calls).toEqual([]);
    expect(log.lines.map((l) => l.msg)).toEqual(['telegram: update failed']);
  });
});
