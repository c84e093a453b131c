import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { webhookCallback } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChatHandler } from '../../../src/chat/index.js';
import { createTelegramBot, sendTelegramReplies } from '../../../src/channels/telegram/index.js';
import { logPortOf } from '../../../src/log.js';
import { captureLog } from '../../support/telegram-server.js';

const botInfo = { id: 666, is_bot: true, first_name: 'Trợ lý 226', username: 'TroLy226Bot' } as UserFromGetMe;
const from = { id: 42, is_bot: false, first_name: 'Lan' };
const privateChat = { id: 42, type: 'private' as const, first_name: 'Lan' };

/** A bot whose Bot API calls are answered in memory (grammY `test/bot.test.ts` style) and recorded. */
function offlineBot(handle: ChatHandler = async () => [{ text: 'OK' }]) {
  const log = captureLog();
  const calls: Array<{ method: string; payload: Record<string, unknown> }> = [];
  const bot = createTelegramBot({ token: '123:offline-token', handle, log, botInfo });
  bot.api.config.use(async (_prev, method, payload) => {
    calls.push({ method, payload: payload as Record<string, unknown> });
    return { ok: true, result: true as never };
  });
  return { bot, log, calls };
}

const textUpdate = (text: string, chat: object = privateChat): Update =>
  ({ update_id: 1, message: { message_id: 1, date: 1, chat, from, text } }) as Update;

describe('createTelegramBot', () => {
  it('tells a person who sends a sticker in private that only text is read', async () => {
    const { bot, calls } = offlineBot();
    await bot.handleUpdate({
      update_id: 2,
      message: { message_id: 2, date: 1, chat: privateChat, from, sticker: { file_id: 's' } },
    } as unknown as Update);
    expect(calls).toEqual([
      {
        method: 'sendMessage',
        payload: {
          chat_id: 42,
          text: 'Trợ lý chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi hoặc nội dung cập nhật bằng chữ.',
        },
      },
    ]);
  });

  it('answers a button the bot no longer knows with an expiry notice, without calling the core', async () => {
    let called = false;
    const { bot, calls } = offlineBot(async () => ((called = true), []));
    await bot.handleUpdate({
      update_id: 3,
      callback_query: {
        id: 'q1',
        from,
        chat_instance: 'c',
        data: '~5',
        message: { message_id: 9, date: 1, chat: privateChat },
      },
    } as unknown as Update);
    expect(called).toBe(false);
    expect(calls).toEqual([
      {
        method: 'answerCallbackQuery',
        payload: {
          callback_query_id: 'q1',
          text: 'Nút này đã hết hạn. Bạn vui lòng gửi lại yêu cầu.',
          show_alert: true,
        },
      },
    ]);
  });

  it('stays silent on group talk not addressed to it, logging it at debug only', async () => {
    const { bot, log, calls } = offlineBot();
    await bot.handleUpdate(textUpdate('chào cả nhà', { id: -100, type: 'group', title: 'Phòng VHXH' }));
    expect(calls).toEqual([]);
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([['debug', 'telegram: update ignored']]);
  });

  it('apologises and logs the error with the update’s context when the core throws', async () => {
    const { bot, log, calls } = offlineBot(async () => {
      throw new Error('core bug');
    });
    await bot.handleUpdate(textUpdate('ai chủ trì?'));
    expect(calls.map((c) => c.method)).toEqual(['sendChatAction', 'sendMessage']);
    expect(calls[1]!.payload.text).toBe(
      'Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.',
    );
    const error = log.lines.find((l) => l.level === 'error');
    expect(error).toMatchObject({
      msg: 'telegram: update failed',
      fields: { channel: 'telegram', updateId: 1, userId: 42 },
    });
    expect(log.lines.find((l) => l.level === 'info')).toMatchObject({ fields: { intent: 'text', failed: true } });
  });

  it('accepts the pino logger through its log port', async () => {
    const bot = createTelegramBot({
      token: '123:offline-token',
      handle: async () => [],
      log: logPortOf(pino({ level: 'silent' })),
      botInfo,
    });
    bot.api.config.use(async () => ({ ok: true, result: true as never }));
    await expect(bot.handleUpdate(textUpdate('xin chào'))).resolves.toBeUndefined();
  });

  it('works behind grammY’s webhookCallback, refusing a call without the secret token', async () => {
    const seen: string[] = [];
    const { bot } = offlineBot(async (m) => (seen.push(m.text), []));
    const server = createServer(webhookCallback(bot, 'http', { secretToken: 'secret-token-1234567890' }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const post = (headers: Record<string, string>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(textUpdate('/viec')),
      });
    try {
      expect((await post({ 'x-telegram-bot-api-secret-token': 'forged' })).status).toBe(401);
      expect(seen).toEqual([]);
      expect((await post({ 'x-telegram-bot-api-secret-token': 'secret-token-1234567890' })).status).toBe(200);
      expect(seen).toEqual(['/viec']);
    } finally {
      server.close();
    }
  });
});

describe('sendTelegramReplies', () => {
  it('sends replies outside an update with buttons the bot decodes when pressed', async () => {
    const seen: string[] = [];
    const { bot, calls } = offlineBot(async (m) => (seen.push(m.text), []));
    const longData = `digest:subscribe:${'x'.repeat(80)}`;
    await sendTelegramReplies(bot, '42', [
      { text: 'Bản tin sáng', choices: [{ label: 'Nhận hằng ngày', data: longData }] },
    ]);
    const markup = calls[0]!.payload.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> };
    const pressed = markup.inline_keyboard[0]![0]!.callback_data;
    await bot.handleUpdate({
      update_id: 4,
      callback_query: {
        id: 'q2',
        from,
        chat_instance: 'c',
        data: pressed,
        message: { message_id: 9, date: 1, chat: privateChat },
      },
    } as unknown as Update);
    expect(seen).toEqual([longData]);
  });
});
