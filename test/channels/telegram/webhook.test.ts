import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  createTelegramBot,
  createTelegramWebhook,
  type TelegramWebhook,
} from '../../../src/channels/telegram/index.js';
import type { ChatHandler } from '../../../src/chat/index.js';
import { BOT_APOLOGY } from '../../../src/messages/index.js';
import { startHttpServer, type HttpServer } from '../../../src/server/index.js';
import { createInboxRepo } from '../../../src/store/index.js';
import type { UpdateInbox } from '../../../src/tasks/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import {
  captureLog,
  startTelegramServer,
  type LogCapture,
  type TelegramTestServer,
} from '../../support/telegram-server.js';

const SECRET = 'tg-webhook_secret-0123456789';
const PATH = '/telegram/hook';

let api: TelegramTestServer;
let harness: ChatHarness;
let http: HttpServer;
let webhook: TelegramWebhook;
let log: LogCapture;
/** Every message the chat core was given, by text. */
let handled: string[];
/** Texts whose answer waits until released. */
let gates: Map<string, Promise<void>>;

async function start(options: { maxInFlight?: number; inbox?: UpdateInbox } = {}) {
  const handle: ChatHandler = async (message) => {
    handled.push(message.text);
    await gates.get(message.text);
    if (message.text === 'hỏng') throw new Error('core failed');
    return harness.chat()(message);
  };
  const bot = createTelegramBot({ token: api.token, apiRoot: api.apiRoot, handle, log });
  await bot.init();
  webhook = createTelegramWebhook({ bot, secretToken: SECRET, log, ...options });
  http = await startHttpServer({ port: 0, host: '127.0.0.1', webhooks: { [PATH]: webhook.handleRequest } });
}

beforeEach(async () => {
  api = await startTelegramServer();
  harness = createChatHarness();
  log = captureLog();
  handled = [];
  gates = new Map();
});
afterEach(async () => {
  await http.close();
  await webhook.settled();
  await api.stop();
  harness.cleanup();
});

let nextId = 100;
function textUpdate(userId: number, text: string, ids: { updateId?: number; messageId?: number } = {}) {
  const id = nextId++;
  const command = text.startsWith('/')
    ? { entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0]!.length }] }
    : {};
  return {
    update_id: ids.updateId ?? id,
    message: {
      message_id: ids.messageId ?? id,
      date: 1_780_000_000,
      chat: { id: userId, type: 'private', first_name: 'Lan' },
      from: { id: userId, is_bot: false, first_name: 'Lan' },
      text,
      ...command,
    },
  };
}

/** POSTs to the webhook with the secret header, another value of it, or none (null). */
async function post(body: object | string, secret: string | null = SECRET) {
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    ...(secret === null ? {} : { 'X-Telegram-Bot-Api-Secret-Token': secret }),
  };
  const res = await fetch(`http://127.0.0.1:${http.port}${PATH}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

function gate(text: string): () => void {
  let release!: () => void;
  gates.set(text, new Promise<void>((resolve) => (release = resolve)));
  return release;
}

describe('createTelegramWebhook over HTTP', () => {
  it('answers an update carrying the secret, acknowledged with 200', async () => {
    await start();
    expect(await post(textUpdate(1001, 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?'))).toEqual({
      status: 200,
      body: '{"ok":true}',
    });
    const [answer] = await api.user({ userId: 1001 }).replies(1);
    expect(answer!.text).toMatch(/^Nhiệm vụ 4 – phường Nhị Chiểu/);
  });

  it.each([
    ['no secret header', null],
    ['a wrong secret', 'tg-webhook_secret-0123456780'],
    ['an empty secret', ''],
  ])('refuses a forged call with %s (401) and never processes it', async (_name, secret) => {
    await start();
    expect(await post(textUpdate(1001, '/viec'), secret)).toEqual({
      status: 401,
      body: '{"ok":false,"description":"Unauthorized"}',
    });
    await webhook.settled();
    expect(handled).toEqual([]);
    expect(api.calls('sendMessage')).toEqual([]);
    expect(log.lines.map((l) => [l.level, l.msg])).toEqual([['warn', 'telegram: webhook call refused (secret token)']]);
  });

  it('answers 400 to a body that is not JSON, and drops JSON that is not an update with 200', async () => {
    await start();
    expect((await post('{"update_id":')).status).toBe(400);
    for (const body of ['[]', 'null', '{"update_id":"7"}', '{"update_id":1.5}', '{"message":{}}'])
      expect((await post(body)).status).toBe(200);
    await webhook.settled();
    expect(handled).toEqual([]);
  });

  it('refuses an oversize body with 413', async () => {
    await start();
    const big = textUpdate(1001, 'x'.repeat(1024 * 1024));
    expect((await post(big)).status).toBe(413);
    expect(handled).toEqual([]);
  });

  it('acknowledges and answers other chats while one update is slow', async () => {
    await start();
    const release = gate('chậm');
    expect((await post(textUpdate(1001, 'chậm'))).status).toBe(200);
    expect((await post(textUpdate(1002, 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?'))).status).toBe(200);
    const [other] = await api.user({ userId: 1002 }).replies(1);
    expect(other!.text).toMatch(/^Nhiệm vụ 4/);
    expect(api.calls('sendMessage').filter((c) => c.body.includes('"chat_id":1001'))).toEqual([]);

    let settled = false;
    const waiting = webhook.settled().then(() => (settled = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    release();
    await waiting;
    expect(await api.user({ userId: 1001 }).replies(1)).toHaveLength(1);
  });

  it('keeps one chat in order: a later message waits for the slow one before it', async () => {
    await start();
    const release = gate('chậm');
    await post(textUpdate(1001, 'chậm'));
    await post(textUpdate(1001, '/trogiup'));
    await post(textUpdate(1002, '/trogiup'));
    await api.user({ userId: 1002 }).replies(1);
    expect(handled).toEqual(['chậm', '/trogiup']);
    release();
    await webhook.settled();
    expect(handled).toEqual(['chậm', '/trogiup', '/trogiup']);
  });

  it('apologises for an update that fails, and goes on with the next', async () => {
    await start();
    expect((await post(textUpdate(1001, 'hỏng'))).status).toBe(200);
    expect((await post(textUpdate(1001, '/trogiup'))).status).toBe(200);
    const [apology, help] = await api.user({ userId: 1001 }).replies(2);
    expect(apology!.text).toBe(BOT_APOLOGY);
    expect(help!.text).toMatch(/\/capnhat/);
  });

  it('stores a progress update delivered twice (Telegram resending it) once', async () => {
    await start();
    const code = await harness.invite({ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    await post(textUpdate(1001, `/start ${code}`));
    await api.user({ userId: 1001 }).replies(1);
    const update = textUpdate(1001, '/capnhat 4 đang thực hiện 60% đã họp triển khai');
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    await webhook.settled();
    expect(harness.db.rows('updates')).toMatchObject([
      { plan: 'nhi-chieu', task: '4', status: 'in_progress', percent: 60, user_key: 'tg:1001' },
    ]);
    expect(
      await harness.store().progress.findByDelivery('telegram', `1001:${update.message.message_id}`),
    ).toMatchObject({
      task: '4',
    });
  });

  it('answers 503 beyond the updates it may hold in flight, so Telegram sends them again', async () => {
    await start({ maxInFlight: 1 });
    const release = gate('chậm');
    expect((await post(textUpdate(1001, 'chậm'))).status).toBe(200);
    expect((await post(textUpdate(1002, '/trogiup'))).status).toBe(503);
    release();
    await webhook.settled();
    expect((await post(textUpdate(1002, '/trogiup'))).status).toBe(200);
  });
});

describe('createTelegramWebhook with an inbox', () => {
  it('keeps an update before the 200, and a restart handles it when the process died before answering', async () => {
    await start({ inbox: createInboxRepo(harness.store().db) });
    const release = gate('/trogiup');
    const update = textUpdate(1001, '/trogiup');
    expect((await post(update)).status).toBe(200);
    expect(harness.db.rows('inbox')).toMatchObject([
      { channel: 'telegram', update_id: String(update.update_id), done_at: null },
    ]);

    // The restart: a new bot and endpoint on the same database, while the first never finishes (its process died).
    const dead = webhook;
    gates.delete('/trogiup');
    await http.close();
    await start({ inbox: createInboxRepo(harness.store().db) });
    const [help] = await api.user({ userId: 1001 }).replies(1);
    expect(help!.text).toMatch(/\/capnhat/);
    await webhook.settled();
    expect(harness.db.rows('inbox')).toMatchObject([
      { update_id: String(update.update_id), body: null, done_at: expect.any(String) },
    ]);
    expect((await post(update)).status).toBe(200);
    release();
    await dead.settled();
    expect(handled).toEqual(['/trogiup', '/trogiup']);
  });

  it('answers 500 to an update it cannot keep, so Telegram sends it again', async () => {
    const other = harness.db.open();
    await start({ inbox: createInboxRepo(other.db) });
    other.close();
    expect((await post(textUpdate(1001, '/trogiup'))).status).toBe(500);
    await webhook.settled();
    expect(handled).toEqual([]);
    expect(log.lines.find((l) => l.level === 'error')).toMatchObject({
      msg: 'telegram: webhook update could not be kept; Telegram will resend',
    });
  });
});

describe('createTelegramWebhook', () => {
  it.each(['', 'has space', 'é'.repeat(10), 'x'.repeat(257)])(
    'refuses a secret Telegram would not accept (%j)',
    (secret) => {
      expect(() =>
        createTelegramWebhook({ bot: { handleUpdate: async () => undefined }, secretToken: secret, log: captureLog() }),
      ).toThrow('Telegram: webhook secret token must be 1 to 256 of A-Z, a-z, 0-9, "_" and "-"');
    },
  );
});
