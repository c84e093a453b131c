import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UserFromGetMe } from 'grammy/types';
import { afterEach, describe, expect, it } from 'vitest';
import { createOutbox, type OutboxLimits } from '../../../src/channels/index.js';
import { createTelegramBot, sendTelegramReplies, TELEGRAM_LIMITS } from '../../../src/channels/telegram/index.js';
import { telegramTarget } from '../../../src/channels/telegram/pace.js';
import { captureLog } from '../../support/telegram-server.js';
import { createSteppingClock } from '../../support/virtual-clock.js';

const botInfo = { id: 666, is_bot: true, first_name: 'Trợ lý 226', username: 'TroLy226Bot' } as UserFromGetMe;
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => (s.closeAllConnections(), s.close(r)));
});

type Received = { method: string; chat: string; text: string; at: number };

/**
 * A bot on virtual time against a local Bot API that records each call with the virtual time it arrived at; `fail429`
 * refuses that many sendMessage calls with retry_after 0.
 */
async function pacedBot(limits: OutboxLimits, fail429 = 0) {
  const clock = createSteppingClock();
  const received: Received[] = [];
  let refusals = fail429;
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      const method = req.url!.split('/').at(-1)!;
      const body = JSON.parse(raw || '{}') as { chat_id?: unknown; text?: string };
      received.push({ method, chat: String(body.chat_id), text: body.text ?? '', at: clock.elapsed() });
      const refuse = method === 'sendMessage' && refusals-- > 0;
      const answer = refuse
        ? {
            ok: false,
            error_code: 429,
            description: 'Too Many Requests: retry after 0',
            parameters: { retry_after: 0 },
          }
        : {
            ok: true,
            result: { message_id: received.length, date: 0, chat: { id: Number(body.chat_id), type: 'private' } },
          };
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const apiRoot = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const bot = createTelegramBot({
    token: '123:paced',
    apiRoot,
    handle: async () => [],
    log: captureLog(),
    botInfo,
    outbox: createOutbox(limits, clock),
  });
  return { bot, received };
}

const texts = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => ({ text: `${prefix}${i}` }));

describe('telegramTarget', () => {
  it.each([
    ['sendMessage', { chat_id: 42 }, { chat: '42', group: false }],
    ['sendPhoto', { chat_id: '-1001234' }, { chat: '-1001234', group: true }],
    ['editMessageText', { chat_id: '@kenh226' }, { chat: '@kenh226', group: true }],
    ['editMessageText', { inline_message_id: 'x' }, 'global'],
    ['sendChatAction', { chat_id: 42 }, 'global'],
    ['answerCallbackQuery', { callback_query_id: 'q' }, 'global'],
    ['getUpdates', { timeout: 30 }, 'free'],
    ['setWebhook', { url: 'https://bot.example.vn' }, 'free'],
  ])('%s %j → %j', (method, payload, target) => {
    expect(telegramTarget(method, payload)).toEqual(target);
  });
});

describe('createTelegramBot pacing', () => {
  it('spaces a burst of replies to one chat at Telegram’s pace, in order, without holding up another chat', async () => {
    const { bot, received } = await pacedBot(TELEGRAM_LIMITS);
    await Promise.all([
      sendTelegramReplies(bot, '42', texts(6, 'an')),
      sendTelegramReplies(bot, '43', texts(1, 'binh')),
    ]);
    expect(received.filter((r) => r.chat === '42').map((r) => [r.text, r.at])).toEqual([
      ['an0', 0],
      ['an1', 0],
      ['an2', 0],
      ['an3', 1_000],
      ['an4', 2_000],
      ['an5', 3_000],
    ]);
    expect(received.find((r) => r.chat === '43')).toMatchObject({ text: 'binh0', at: 0 });
  });

  it('holds a group to 20 messages a minute', async () => {
    const { bot, received } = await pacedBot(TELEGRAM_LIMITS);
    await sendTelegramReplies(bot, '-1001234', texts(23, 'g'));
    const times = received.map((r) => r.at);
    for (let i = 20; i < times.length; i++) expect(times[i]! - times[i - 20]!).toBeGreaterThanOrEqual(60_000);
    expect(received.map((r) => r.text)).toEqual(texts(23, 'g').map((t) => t.text));
  });

  it('paces a retry after 429 like any send, and a chat’s next message waits for it', async () => {
    const strict: OutboxLimits = {
      global: { count: 30, perMs: 1_000, burst: 30 },
      perChat: { count: 1, perMs: 1_000, burst: 1 },
    };
    const { bot, received } = await pacedBot(strict, 1);
    await Promise.all([
      sendTelegramReplies(bot, '42', texts(1, 'first')),
      sendTelegramReplies(bot, '42', texts(1, 'second')),
    ]);
    expect(received.map((r) => [r.text, r.at])).toEqual([
      ['first0', 0],
      ['first0', 1_000],
      ['second0', 2_000],
    ]);
  });
});
