import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../bench/soak/fake-telegram.js';

const TOKEN = '42:soak-test-token';
const USER = { id: 1001, firstName: 'Lan', lastName: 'Nguyễn' };
let server: FakeTelegram | undefined;

async function start(
  floodRate = 0,
  webhook?: { answeredBy?(headers: Headers): number | undefined },
): Promise<FakeTelegram> {
  server = await startFakeTelegram({ token: TOKEN, floodRate, rnd: () => 0.5, ...(webhook ? { webhook } : {}) });
  server.addUser(USER);
  return server;
}

async function call(
  method: string,
  params: object = {},
  token = TOKEN,
  root = server!.apiRoot,
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error_code?: number; description?: string } }> {
  const res = await fetch(`${root}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as never };
}

const updateIds = (body: { result?: unknown }) => (body.result as { update_id: number }[]).map((u) => u.update_id);

let bot: Server | undefined;

afterEach(async () => {
  await server?.stop();
  server = undefined;
  bot?.closeAllConnections();
  await new Promise((resolve) => (bot ? bot.close(resolve) : resolve(undefined)));
  bot = undefined;
});

type Post = { secret: string | undefined; updateId: number };

/**
 * A bot's webhook endpoint on 127.0.0.1 that answers the posts with `statuses` in turn ('drop': the connection is
 * destroyed without an answer, as a killed process's is) and 200 after them; returns its URL and what it received.
 */
async function webhookBot(
  statuses: (number | 'drop')[],
  beforeAnswer: () => Promise<unknown> = async () => undefined,
): Promise<{ url: string; posts: Post[] }> {
  const posts: Post[] = [];
  bot = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      posts.push({
        secret: req.headers['x-telegram-bot-api-secret-token'] as string | undefined,
        updateId: (JSON.parse(body) as { update_id: number }).update_id,
      });
      const status = statuses.shift() ?? 200;
      if (status === 'drop') return req.socket.destroy();
      void beforeAnswer().then(() => res.writeHead(status, { 'x-proxy-backend': '1' }).end('{}'));
    });
  });
  await new Promise<void>((resolve) => bot!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(bot.address() as AddressInfo).port}/telegram/path`, posts };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 500 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('startFakeTelegram', () => {
  it('holds a long poll until a message arrives, then delivers it until a higher offset confirms it', async () => {
    const fake = await start();
    const poll = call('getUpdates', { timeout: 30 });
    const id = fake.sendText(USER.id, '/start ABC');
    const first = await poll;
    expect(updateIds(first.body)).toEqual([id]);
    expect((first.body.result as { message: { text: string; entities: unknown[] } }[])[0]!.message).toMatchObject({
      text: '/start ABC',
      entities: [{ type: 'bot_command', offset: 0, length: 6 }],
    });
    expect(updateIds((await call('getUpdates', { offset: 0, timeout: 0 })).body)).toEqual([id]);
    expect(updateIds((await call('getUpdates', { offset: id + 1, timeout: 0 })).body)).toEqual([]);
    expect(fake.isPending(id)).toBe(false);
  });

  it('ends a waiting poll with 409 when a second one comes, as Telegram does with two bot instances', async () => {
    await start();
    const first = call('getUpdates', { timeout: 30 });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const second = call('getUpdates', { timeout: 0 });
    expect((await first).status).toBe(409);
    expect((await second).status).toBe(200);
  });

  it('refuses what Telegram refuses: an unknown chat, an empty or too long text, broken HTML, a wrong token', async () => {
    await start();
    const send = (params: object) => call('sendMessage', { chat_id: USER.id, ...params });
    expect((await send({ text: 'Chào <b>bạn</b> &amp; cảm ơn', parse_mode: 'HTML' })).status).toBe(200);
    expect((await call('sendMessage', { chat_id: 999, text: 'x' })).body.description).toBe(
      'Bad Request: chat not found',
    );
    expect((await send({ text: '  ' })).body.description).toBe('Bad Request: message text is empty');
    expect((await send({ text: 'a'.repeat(4097) })).body.description).toBe('Bad Request: message is too long');
    expect((await send({ text: '&lt;'.repeat(4096), parse_mode: 'HTML' })).status).toBe(200);
    expect((await send({ text: 'a < b', parse_mode: 'HTML' })).body.description).toMatch(
      /^Bad Request: can't parse entities/,
    );
    expect((await send({ text: '<b>open', parse_mode: 'HTML' })).body.description).toMatch(
      /^Bad Request: can't parse entities/,
    );
    expect((await call('getMe', {}, '42:wrong')).status).toBe(401);
    expect((await call('noSuchMethod')).status).toBe(404);
    expect(server!.stats().refused).toBe(5);
  });

  it('records what the bot did in the chat, tagged with the process whose connection it came on', async () => {
    const fake = await start();
    fake.setGeneration(3);
    const id = fake.sendText(USER.id, 'ai chủ trì nhiệm vụ 4?');
    await call('getUpdates', { timeout: 0 });
    await call('sendChatAction', { chat_id: USER.id, action: 'typing' });
    await call('sendMessage', { chat_id: USER.id, text: 'Phòng Văn hóa' });
    expect(fake.events(USER.id).map(({ type, gen }) => ({ type, gen }))).toEqual([
      { type: 'deliver', gen: 3 },
      { type: 'action', gen: 3 },
      { type: 'send', gen: 3 },
    ]);
    expect(fake.lastDelivery(id)).toBe(3);
  });

  it('answers 429 with retry_after when flooding is asked for', async () => {
    await start(1);
    const answer = await call('sendMessage', { chat_id: USER.id, text: 'x' });
    expect(answer.status).toBe(429);
    expect(answer.body).toMatchObject({ error_code: 429, parameters: { retry_after: 1 } });
  });

  it("tags a call with the process named in its API root's path, whatever connection it comes on", async () => {
    const fake = await start();
    fake.setGeneration(1);
    await call('sendChatAction', { chat_id: USER.id, action: 'typing' }, TOKEN, fake.apiRootOf(7));
    await call('sendMessage', { chat_id: USER.id, text: 'x' }, TOKEN, fake.apiRootOf(7));
    expect(fake.events(USER.id).map(({ type, gen }) => ({ type, gen }))).toEqual([
      { type: 'action', gen: 7 },
      { type: 'send', gen: 7 },
    ]);
  });

  describe('with a webhook', () => {
    it('posts each update with the secret once setWebhook is called, again after a drop or a non-2xx, until a 200', async () => {
      const fake = await start(0, { answeredBy: (headers) => Number(headers.get('x-proxy-backend')) + 4 });
      const ups: number[] = [];
      fake.on('poll', (gen) => ups.push(gen));
      const endpoint = await webhookBot(['drop', 503, 500]);
      const id = fake.sendText(USER.id, '/start ABC');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(endpoint.posts).toEqual([]);

      const secret = 'soak-secret_0123456789';
      expect(
        (await call('setWebhook', { url: endpoint.url, secret_token: secret }, TOKEN, fake.apiRootOf(2))).status,
      ).toBe(200);
      expect(ups).toEqual([2]);
      await until(() => !fake.isPending(id));
      expect(endpoint.posts).toEqual(Array.from({ length: 4 }, () => ({ secret, updateId: id })));
      expect(fake.lastDelivery(id)).toBe(5);
      expect(fake.events(USER.id)).toMatchObject([{ type: 'deliver', updateId: id, gen: 5 }]);
      expect(fake.stats().webhookPosts).toEqual({ posts: 4, retried: { connection: 1, '503': 1, '500': 1 } });
      // Telegram refuses getUpdates while a webhook is set.
      expect((await call('getUpdates', { timeout: 0 })).status).toBe(409);
    });

    it('posts a duplicate under its update_id, and a new message under a new one, in the order sent', async () => {
      const fake = await start(0, {});
      const endpoint = await webhookBot([]);
      await call('setWebhook', { url: endpoint.url, secret_token: 'soak-secret_0123456789' });
      const first = fake.sendText(USER.id, 'một');
      fake.redeliver(first);
      const second = fake.sendText(USER.id, 'hai');
      await until(() => endpoint.posts.length === 3);
      expect(endpoint.posts.map((p) => p.updateId)).toEqual([first, first, second]);
      expect(second).toBeGreaterThan(first);
    });

    it('records a delivery where its post started, when the bot answers before its 200 gets back', async () => {
      const fake = await start(0, { answeredBy: () => 6 });
      const endpoint = await webhookBot([], async () => {
        await call('sendChatAction', { chat_id: USER.id, action: 'typing' }, TOKEN, fake.apiRootOf(6));
        await call('sendMessage', { chat_id: USER.id, text: 'trả lời' }, TOKEN, fake.apiRootOf(6));
      });
      await call('setWebhook', { url: endpoint.url, secret_token: 'soak-secret_0123456789' });
      const id = fake.sendText(USER.id, 'ai chủ trì nhiệm vụ 4?');
      await until(() => !fake.isPending(id));
      expect(fake.events(USER.id).map(({ type, gen }) => ({ type, gen }))).toEqual([
        { type: 'deliver', gen: 6 },
        { type: 'action', gen: 6 },
        { type: 'send', gen: 6 },
      ]);
    });
  });
});
