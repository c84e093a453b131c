import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, type FakeTelegram } from '../../../bench/soak/fake-telegram.js';

const TOKEN = '42:soak-test-token';
const USER = { id: 1001, firstName: 'Lan', lastName: 'Nguyễn' };
let server: FakeTelegram | undefined;

async function start(floodRate = 0): Promise<FakeTelegram> {
  server = await startFakeTelegram({ token: TOKEN, floodRate, rnd: () => 0.5 });
  server.addUser(USER);
  return server;
}

async function call(
  method: string,
  params: object = {},
  token = TOKEN,
): Promise<{ status: number; body: { ok: boolean; result?: unknown; error_code?: number; description?: string } }> {
  const res = await fetch(`${server!.apiRoot}/bot${token}/${method}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(params),
  });
  return { status: res.status, body: (await res.json()) as never };
}

const updateIds = (body: { result?: unknown }) => (body.result as { update_id: number }[]).map((u) => u.update_id);

afterEach(async () => {
  await server?.stop();
  server = undefined;
});

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
});
