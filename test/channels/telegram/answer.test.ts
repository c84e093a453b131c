import type { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROCESS_OWNER } from '../../../src/channels/index.js';
import { createTelegramBot, type TelegramContext } from '../../../src/channels/telegram/index.js';
import { createDeliveryRepo, DELIVERY_LEASE_MS } from '../../../src/store/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import {
  captureLog,
  startTelegramServer,
  type LogCapture,
  type TelegramTestServer,
} from '../../support/telegram-server.js';

const botInfo = { id: 666, is_bot: true, first_name: 'Trợ lý 226', username: 'TroLy226Bot' } as UserFromGetMe;
const LAN = 1001;
const chat = { id: LAN, type: 'private' as const, first_name: 'Lan' };
const from = { id: LAN, is_bot: false, first_name: 'Lan' };

let server: TelegramTestServer;
let harness: ChatHarness;
let deliveries: ReturnType<typeof createDeliveryRepo>;
let log: LogCapture;
let bot: Bot<TelegramContext>;

beforeEach(async () => {
  server = await startTelegramServer();
  harness = createChatHarness();
  deliveries = createDeliveryRepo(harness.store().db);
  log = captureLog();
  bot = createTelegramBot({
    token: server.token,
    apiRoot: server.apiRoot,
    handle: (m) => harness.chat()(m),
    log,
    botInfo,
    now: harness.now,
    deliveries,
  });
});
afterEach(async () => {
  await server.stop();
  harness.cleanup();
});

let nextId = 1;
function textUpdate(text: string): Update {
  const id = nextId++;
  const command = text.startsWith('/')
    ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
    : {};
  return { update_id: id, message: { message_id: id, date: 1_780_000_000, chat, from, text, ...command } } as Update;
}

/** The texts the bot sent to Lan, in order (texts and the text-only note alike). */
const sentToLan = () =>
  server
    .calls('sendMessage')
    .map((c) => JSON.parse(c.body) as { chat_id: string | number; text: string })
    .filter((m) => String(m.chat_id) === String(LAN))
    .map((m) => m.text);

async function register(): Promise<void> {
  const code = await harness.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
  await bot.handleUpdate(textUpdate(`/start ${code}`));
}

describe('a Telegram message delivered again', () => {
  it('answers a question once and logs the second delivery at debug only', async () => {
    const update = textUpdate('Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?');
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(sentToLan()).toEqual([expect.stringMatching(/^Nhiệm vụ 4 – phường Nhị Chiểu/)]);
    expect(log.lines.filter((l) => l.fields.updateId === update.update_id).map((l) => [l.level, l.msg])).toEqual([
      ['debug', 'telegram: message received'],
      ['info', 'telegram: update handled'],
      ['debug', 'telegram: message received'],
      ['debug', 'telegram: message delivered again, already answered'],
      ['debug', 'telegram: update ignored'],
    ]);
    expect(harness.db.rows('inbox')).toMatchObject([
      { channel: 'telegram', update_id: String(update.update_id), owner: PROCESS_OWNER, attempts: 1 },
    ]);
  });

  it('stores a progress update once and confirms it once (no "already recorded")', async () => {
    await register();
    const update = textUpdate('/capnhat 4 đang thực hiện 60% đã họp triển khai');
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(sentToLan()).toEqual([expect.stringMatching(/^Chào Lan!/), expect.stringMatching(/^Đã lưu cập nhật:/)]);
    expect(harness.db.rows('updates')).toMatchObject([
      { task: '4', status: 'in_progress', percent: 60, user_key: `tg:${LAN}` },
    ]);
  });

  it('answers one delivery when the same update arrives again while it is being answered', async () => {
    const update = textUpdate('/trogiup');
    await Promise.all([bot.handleUpdate(update), bot.handleUpdate(update)]);
    expect(sentToLan()).toHaveLength(1);
  });

  it('answers a pressed button once', async () => {
    await register();
    await bot.handleUpdate(textUpdate('/capnhat'));
    const [, tasks] = await server.user({ userId: LAN }).replies(2);
    const button = tasks!.buttons.flat().find((b) => b.text.startsWith('4.'))!;
    const query = {
      id: 'cb-7',
      from,
      chat_instance: 'c',
      data: button.callback_data,
      message: { message_id: tasks!.messageId, date: 1, chat },
    };
    const press = { update_id: nextId++, callback_query: query };
    await bot.handleUpdate(press as unknown as Update);
    await bot.handleUpdate(press as unknown as Update);
    expect(sentToLan().slice(2)).toEqual([expect.stringMatching(/^Nhiệm vụ 4: /)]);
    expect(harness.db.rows('inbox')).toContainEqual(
      expect.objectContaining({ update_id: String(press.update_id), attempts: 1 }),
    );
  });

  it('sends the text-only note for a sticker once', async () => {
    const sticker = {
      update_id: nextId++,
      message: { message_id: 500, date: 1, chat, from, sticker: { file_id: 's' } },
    };
    await bot.handleUpdate(sticker as unknown as Update);
    await bot.handleUpdate(sticker as unknown as Update);
    expect(sentToLan()).toEqual([
      'Trợ lý chỉ đọc được tin nhắn chữ. Bạn vui lòng gõ câu hỏi hoặc nội dung cập nhật bằng chữ.',
    ]);
  });

  it('answers a message whose claim a killed process left once the lease has passed, then only once', async () => {
    const update = textUpdate('/trogiup');
    const id = String(update.update_id);
    await deliveries.claim('telegram', id, 'killed-process', new Date(harness.now().getTime() - DELIVERY_LEASE_MS));
    await bot.handleUpdate(update);
    await bot.handleUpdate(update);
    expect(sentToLan()).toHaveLength(1);
    expect(sentToLan()[0]).toMatch(/\/capnhat/);
    expect(harness.db.rows('inbox')).toMatchObject([
      { update_id: id, owner: PROCESS_OWNER, attempts: 2, done_at: harness.now().toISOString() },
    ]);
  });
});
