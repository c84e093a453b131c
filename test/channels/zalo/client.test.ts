import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createZaloClient, ZaloApiError, ZaloHttpError } from '../../../src/channels/zalo/index.js';
import type { ZaloUpdate } from '../../../src/channels/zalo/schema.js';
import { startFakeZaloServer } from '../../support/fake-zalo-server.js';

const TOKEN = '9876543210:secret-zalo-token-xyz';
const servers: Array<{ close(): unknown }> = [];
afterEach(async () => {
  for (const s of servers.splice(0)) await s.close();
});

/** A one-route HTTP server for answers the fake Zalo server does not give (HTML errors, silence, persistent 429). */
async function rawServer(listener: RequestListener): Promise<string> {
  const server: Server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push({ close: () => (server.closeAllConnections(), new Promise((r) => server.close(r))) });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Everything an error could leak through: message, stack, cause, enumerable fields. */
const everythingIn = (err: unknown) =>
  `${String(err)} ${inspect(err, { depth: 6, showHidden: true })} ${JSON.stringify(err)}`;

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable('the call should fail'),
    (err: unknown) => err,
  );
}

describe('createZaloClient', () => {
  it('calls POST /bot<token>/<method> with a JSON body and returns the result', async () => {
    const fake = await startFakeZaloServer({ token: TOKEN });
    servers.push(fake);
    const client = createZaloClient({ token: TOKEN, apiRoot: fake.url });
    expect(await client.getMe()).toMatchObject({ id: 'bot-1', account_name: 'bot.troly226' });
    expect(await client.sendMessage('c-1', 'Chào bạn')).toMatchObject({ message_id: 'sent-1' });
    await client.sendPhoto('c-1', 'https://example.org/c.png', { caption: 'Biểu đồ' });
    await client.sendChatAction('c-1', 'typing');
    await client.setWebHook('https://example.org/zalo', { secret_token: 'abcdefgh12' });
    expect(await client.getWebHookInfo()).toMatchObject({ url: 'https://example.org/zalo' });
    await client.deleteWebHook();
    expect(fake.sent).toEqual([
      { method: 'sendMessage', chat_id: 'c-1', text: 'Chào bạn' },
      { method: 'sendPhoto', chat_id: 'c-1', photo: 'https://example.org/c.png', caption: 'Biểu đồ' },
    ]);
    expect(fake.calls).toEqual([
      'getMe',
      'sendMessage',
      'sendPhoto',
      'sendChatAction',
      'setWebhook',
      'getWebhookInfo',
      'deleteWebhook',
    ]);
  });

  it('returns the single update getUpdates gives, and undefined on 408 (no update yet)', async () => {
    const url = await rawServer((_req, res) =>
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ ok: false, error_code: 408, description: 'Request timeout' })),
    );
    const client = createZaloClient({ token: TOKEN, apiRoot: url });
    expect(await client.getUpdates({ timeout: 1 })).toBeUndefined();
    const fake = await startFakeZaloServer({ token: TOKEN });
    servers.push(fake);
    const update = fake.sendText({ id: 'u-1' }, 'hỏi');
    expect(await createZaloClient({ token: TOKEN, apiRoot: fake.url }).getUpdates()).toEqual(update);
  });

  it('throws ZaloApiError with code, description and method, and no token', async () => {
    const fake = await startFakeZaloServer({ token: 'another-token-123' });
    servers.push(fake);
    const err = await caught(createZaloClient({ token: TOKEN, apiRoot: fake.url }).sendMessage('c-1', 'x'));
    expect(err).toBeInstanceOf(ZaloApiError);
    expect(err).toMatchObject({ method: 'sendMessage', error_code: 401, description: 'Unauthorized' });
    expect((err as Error).message).toBe("Zalo: call to 'sendMessage' failed (401: Unauthorized)");
    expect(everythingIn(err)).not.toContain(TOKEN);
  });

  it('blanks the token when the API echoes it in a description', async () => {
    const url = await rawServer((req, res) =>
      res.writeHead(400).end(JSON.stringify({ ok: false, error_code: 400, description: `bad path ${req.url}` })),
    );
    const err = await caught(createZaloClient({ token: TOKEN, apiRoot: url }).getMe());
    expect((err as Error).message).toBe("Zalo: call to 'getMe' failed (400: bad path /bot[redacted]/getMe)");
  });

  it('reports an answer that is not the API envelope (an HTML 502) as ZaloApiError with the HTTP status', async () => {
    const url = await rawServer((_req, res) =>
      res.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad Gateway</html>'),
    );
    const err = await caught(createZaloClient({ token: TOKEN, apiRoot: url }).getMe());
    expect(err).toBeInstanceOf(ZaloApiError);
    expect((err as Error).message).toBe("Zalo: call to 'getMe' failed (502: unexpected HTTP 502 response)");
  });

  it('wraps a refused connection in ZaloHttpError whose message, cause and fields hold no token', async () => {
    const url = await rawServer(() => {});
    await servers.pop()!.close();
    const err = await caught(createZaloClient({ token: TOKEN, apiRoot: url }).sendMessage('c-1', 'x'));
    expect(err).toBeInstanceOf(ZaloHttpError);
    expect((err as Error).message).toMatch(/^Zalo: network error calling 'sendMessage' \(ECONNREFUSED: /);
    expect((err as Error).cause).toBeInstanceOf(Error);
    expect(everythingIn(err)).not.toContain(TOKEN);
  });

  it('wraps a timeout in ZaloHttpError', async () => {
    const url = await rawServer(() => {});
    const err = await caught(createZaloClient({ token: TOKEN, apiRoot: url, timeoutMs: 20 }).getMe());
    expect(err).toBeInstanceOf(ZaloHttpError);
    expect((err as Error).message).toBe("Zalo: network error calling 'getMe' (ECONNABORTED: timeout of 20ms exceeded)");
  });

  it('retries 429 after retry-after (body parameter or header), and gives up after maxRetries', async () => {
    let calls = 0;
    const url = await rawServer((_req, res) => {
      calls += 1;
      const viaHeader = calls % 2 === 0;
      res.writeHead(429, viaHeader ? { 'retry-after': '7' } : {}).end(
        JSON.stringify({
          ok: false,
          error_code: 429,
          description: 'Too Many Requests',
          ...(viaHeader ? {} : { parameters: { retry_after: 2 } }),
        }),
      );
    });
    const waits: number[] = [];
    const client = createZaloClient({
      token: TOKEN,
      apiRoot: url,
      maxRetries: 2,
      sleep: async (ms) => void waits.push(ms),
    });
    const err = await caught(client.sendMessage('c-1', 'x'));
    expect(err).toMatchObject({ error_code: 429, retryAfter: 2 });
    expect(waits).toEqual([2000, 7000]);
    expect(calls).toBe(3);
  });
});

describe('processUpdate', () => {
  const message = { message_id: 'm', from: { id: 'u' }, chat: { id: 'c' }, date: 1, text: 'a' };

  it('emits a valid update, flat or wrapped, to every listener', () => {
    const logs: string[] = [];
    const client = createZaloClient({ token: TOKEN, log: (_l, msg) => void logs.push(msg) });
    const seen: ZaloUpdate[] = [];
    client.onUpdate((u) => seen.push(u));
    client.processUpdate({ event_name: 'message.text.received', message });
    client.processUpdate({ ok: true, result: { event_name: 'message.text.received', message } });
    expect(seen).toHaveLength(2);
    expect(logs).toEqual([]);
  });

  it('logs and skips a malformed update or another event, never throwing', () => {
    const logs: Array<[string, string, unknown]> = [];
    const client = createZaloClient({ token: TOKEN, log: (level, msg, data) => void logs.push([level, msg, data]) });
    client.onUpdate(() => expect.unreachable());
    expect(client.processUpdate('{not json').kind).toBe('malformed');
    expect(client.processUpdate({ event_name: 'oa.follow' }).kind).toBe('ignored');
    expect(logs).toEqual([
      ['warn', 'zalo: malformed update skipped', { problem: 'no event_name' }],
      ['debug', 'zalo: event ignored', { event: 'oa.follow' }],
    ]);
  });
});
