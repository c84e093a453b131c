import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createZaloWebhookBot, createZaloWebhookHandler } from '../../../src/channels/zalo/index.js';
import { parseUpdate } from '../../../src/channels/zalo/schema.js';
import { startFakeZaloServer } from '../../support/fake-zalo-server.js';
import type { Log } from '../../../src/channels/index.js';
import { fuzzParameters } from '../../support/fuzz.js';

const SECRET = 'webhook-secret-0123456789';
const update = {
  event_name: 'message.text.received',
  message: {
    message_id: 'm-1',
    from: { id: 'u-1' },
    chat: { id: 'u-1', chat_type: 'PRIVATE' },
    date: 1764300000000,
    text: 'Việc của tôi?',
  },
};

function handlerWith(options: { maxBodyBytes?: number } = {}) {
  const received: unknown[] = [];
  const logs: string[] = [];
  const log: Log = (level, msg) => void logs.push(`${level}: ${msg}`);
  const handle = createZaloWebhookHandler({
    secretToken: SECRET,
    log,
    processUpdate: (raw) => (received.push(raw), parseUpdate(raw)),
    ...options,
  });
  return { handle, received, logs };
}

describe('createZaloWebhookHandler', () => {
  it('accepts an update carrying the secret header, flat or wrapped', async () => {
    const { handle, received } = handlerWith();
    expect(await handle({ 'x-bot-api-secret-token': SECRET }, JSON.stringify(update))).toEqual({
      status: 200,
      body: '{"ok":true}',
    });
    expect(
      await handle({ 'X-Bot-Api-Secret-Token': SECRET }, Buffer.from(JSON.stringify({ ok: true, result: update }))),
    ).toEqual({ status: 200, body: '{"ok":true}' });
    expect(received).toEqual([update, { ok: true, result: update }]);
  });

  it.each([
    ['no secret header', {}],
    ['a wrong secret', { 'x-bot-api-secret-token': 'webhook-secret-0123456780' }],
    ['a prefix of the secret', { 'x-bot-api-secret-token': SECRET.slice(0, 10) }],
  ])('refuses a call with %s (401) without reading it', async (_name, headers) => {
    const { handle, received, logs } = handlerWith();
    expect(await handle(headers, JSON.stringify(update))).toEqual({
      status: 401,
      body: '{"ok":false,"description":"Unauthorized"}',
    });
    expect(received).toEqual([]);
    expect(logs).toEqual(['warn: zalo: webhook call refused (secret token)']);
  });

  it('refuses an oversize body with 413', async () => {
    const { handle, received } = handlerWith({ maxBodyBytes: 100 });
    expect((await handle({ 'x-bot-api-secret-token': SECRET }, JSON.stringify(update))).status).toBe(413);
    expect(received).toEqual([]);
  });

  it('answers 400 to a body that is not JSON', async () => {
    const { handle, received } = handlerWith();
    expect(await handle({ 'x-bot-api-secret-token': SECRET }, '{"event_name":')).toEqual({
      status: 400,
      body: '{"ok":false,"description":"Bad Request"}',
    });
    expect(received).toEqual([]);
  });

  it('acknowledges a malformed update with 200 (Zalo must not resend it) and skips it', async () => {
    const { handle } = handlerWith();
    expect((await handle({ 'x-bot-api-secret-token': SECRET }, '{"event_name":"message.text.received"}')).status).toBe(
      200,
    );
  });

  it('refuses to start with a secret shorter than 8 characters', () => {
    expect(() => createZaloWebhookHandler({ secretToken: 'short', log: () => {}, processUpdate: parseUpdate })).toThrow(
      'Zalo: webhook secret token must be 8 to 256 characters',
    );
  });
});

describe('createZaloWebhookBot', () => {
  it('acknowledges before the core has answered, then sends the answer', async () => {
    const fake = await startFakeZaloServer({ token: 'zalo-token-1234567' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const bot = createZaloWebhookBot({
      token: 'zalo-token-1234567',
      apiRoot: fake.url,
      secretToken: SECRET,
      log: () => {},
      handle: async (message) => {
        await gate;
        return [{ text: `Trả lời: ${message.text}` }];
      },
    });
    await bot.register('https://example.org/zalo');
    expect(fake.webhook).toEqual({ url: 'https://example.org/zalo', secret_token: SECRET });
    expect((await bot.handleRequest({ 'x-bot-api-secret-token': SECRET }, JSON.stringify(update))).status).toBe(200);
    expect(fake.sent).toEqual([]);
    release();
    await bot.settled();
    expect(fake.sent).toEqual([{ method: 'sendMessage', chat_id: 'u-1', text: 'Trả lời: Việc của tôi?' }]);
    await fake.close();
  });
});

describe('createZaloWebhookHandler on random input', () => {
  it('never throws; refuses without the secret (nothing read), and reads a body only when it is JSON', async () => {
    let reads = 0;
    const handle = createZaloWebhookHandler({
      secretToken: SECRET,
      log: () => {},
      processUpdate: (raw) => (reads++, parseUpdate(raw)),
    });
    const body = fc.oneof(
      fc.string(),
      fc.json(),
      fc
        .record({
          event_name: fc.constantFrom('message.text.received', 'message.image.received', 'x'),
          message: fc.anything(),
        })
        .map((v) => JSON.stringify(v)),
    );
    const headers = fc.oneof(
      fc.constant({ 'x-bot-api-secret-token': SECRET }),
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()))),
    );
    await fc.assert(
      fc.asyncProperty(headers, body, async (h, b) => {
        const before = reads;
        const { status } = await handle(h, b);
        const authorised = Object.entries(h).some(
          ([k, v]) => k.toLowerCase() === 'x-bot-api-secret-token' && (Array.isArray(v) ? v[0] : v) === SECRET,
        );
        const json = (() => {
          try {
            JSON.parse(b);
            return true;
          } catch {
            return false;
          }
        })();
        expect(status).toBe(!authorised ? 401 : json ? 200 : 400);
        expect(reads - before).toBe(authorised && json ? 1 : 0);
      }),
      fuzzParameters(),
    );
  });
});
