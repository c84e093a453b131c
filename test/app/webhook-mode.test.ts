import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSendRouter } from '../../src/app/send-router.js';
import { startWebhookMode, type WebhookChannels, type WebhookModeOptions } from '../../src/app/webhook-mode.js';
import type { ChatHandler } from '../../src/chat/index.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { probeWrite } from '../../src/store/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server.js';
import { freePort } from '../support/free-port.js';
import { startTelegramServer, type TelegramTestServer } from '../support/telegram-server.js';
import { schedulerOver } from '../support/over-harness.js';

const ZALO_TOKEN = '5550001112:zalo-webhook-token';
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

let api: TelegramTestServer;
let zalo: FakeZaloServer;
let h: ChatHarness;
let channels: WebhookChannels | undefined;
let logLines: string[];
/** Texts the core holds: it signals their arrival, then waits for release. */
let holds: Map<string, { arrive(): void; released: Promise<void> }>;
let base: string;

beforeEach(async () => {
  api = await startTelegramServer();
  zalo = await startFakeZaloServer({ token: ZALO_TOKEN });
  h = createChatHarness();
  logLines = [];
  holds = new Map();
});
afterEach(async () => {
  await channels?.stop();
  channels = undefined;
  await api.stop();
  await zalo.close();
  h.cleanup();
});

/** Webhook mode as main.ts starts it, from the environment, on a free port of 127.0.0.1. */
async function start(
  env: Record<string, string> = {},
  options: Partial<WebhookModeOptions> = {},
): Promise<WebhookChannels> {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  const config = loadConfig({
    BOT_MODE: 'webhook',
    PORT: String(port),
    PUBLIC_URL: base,
    TELEGRAM_BOT_TOKEN: api.token,
    TELEGRAM_API_ROOT: api.apiRoot,
    ZALO_BOT_TOKEN: ZALO_TOKEN,
    ZALO_API_ROOT: zalo.url,
    LOG_LEVEL: 'trace',
    ...env,
  });
  if (config.BOT_MODE !== 'webhook') throw new Error('webhook config expected');
  const logger = createLogger(config, { write: (line: string) => void logLines.push(line) });
  const handle: ChatHandler = async (message) => {
    const hold = holds.get(message.text);
    hold?.arrive();
    await hold?.released;
    return h.chat()(message);
  };
  const checkDatabase = async () => probeWrite(h.store().db, new Date());
  channels = await startWebhookMode({ config, logger, handle, checkDatabase, host: '127.0.0.1', ...options });
  return channels;
}

function hold(text: string): { arrived: Promise<void>; release(): void } {
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  holds.set(text, { arrive, released: new Promise<void>((resolve) => (release = resolve)) });
  return { arrived, release };
}

function zaloUpdate(from: string, text: string, id: string) {
  return {
    event_name: 'message.text.received',
    message: {
      message_id: id,
      from: { id: from, display_name: 'Lãnh', is_bot: false },
      chat: { id: from, chat_type: 'PRIVATE' },
      date: 1_780_000_000_000,
      text,
    },
  };
}

async function postToZalo(update: object, secret = zalo.webhook!.secret_token) {
  const res = await fetch(zalo.webhook!.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': secret },
    body: JSON.stringify(update),
  });
  return res.status;
}

/** The retry waits of the channels' start-up, ended by hand (`now()`) or by the stop. */
function retryByHand() {
  const waits: number[] = [];
  let wake = () => {};
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      waits.push(ms);
      wake = resolve;
      signal.addEventListener('abort', () => resolve(), { once: true });
    });
  return { waits, now: () => wake(), options: { sleep } };
}

/** Waits until `probe` holds (each step gives the server and the channels a turn). */
async function until(probe: () => boolean): Promise<void> {
  for (let step = 0; !probe(); step++) {
    if (step > 1500) throw new Error('until: gave up');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const logs = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

async function health() {
  const res = await fetch(`${base}/healthz`);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('startWebhookMode', () => {
  it('registers both webhooks with a generated secret, answers over them, refuses forged calls and never logs the secret', async () => {
    const running = await start();
    const telegram = api.webhook()!;
    expect(telegram).toMatchObject({ allowedUpdates: ['message', 'callback_query'], dropPendingUpdates: false });
    expect(telegram.url).toMatch(new RegExp(`^${base}/telegram/[A-Za-z0-9_-]{22}$`));
    expect(telegram.secretToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(zalo.webhook!.url).toMatch(new RegExp(`^${base}/zalo/[A-Za-z0-9_-]{22}$`));
    expect(zalo.webhook!.secret_token).toBe(telegram.secretToken);
    expect(running.states).toEqual({ telegram: 'webhook', zalo: 'webhook' });

    const lan = api.user({ userId: 1001, firstName: 'Lan' });
    await lan.send('Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?');
    expect((await lan.replies(1))[0]!.text).toMatch(/^Nhiệm vụ 4 – phường Nhị Chiểu/);
    expect(await postToZalo(zaloUpdate('zl-1', '/trogiup', 'z-1'))).toBe(200);
    expect((await zalo.waitForSent(1))[0]).toMatchObject({ method: 'sendMessage', chat_id: 'zl-1' });

    const forged = await fetch(telegram.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"update_id":1,"message":{}}',
    });
    expect(forged.status).toBe(401);
    expect(await postToZalo(zaloUpdate('zl-1', '/viec', 'z-2'), 'not-the-secret')).toBe(401);
    expect(await health()).toEqual({
      status: 200,
      body: {
        status: 'ok',
        database: 'ok',
        channels: { telegram: 'webhook', zalo: 'webhook' },
        uptimeSeconds: expect.any(Number),
      },
    });
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.filter((line) => line.includes(telegram.secretToken!))).toEqual([]);
  });

  it('registers WEBHOOK_SECRET when it is set', async () => {
    await start({ WEBHOOK_SECRET: 'a-fixed_secret-0123456789' });
    expect(api.webhook()!.secretToken).toBe('a-fixed_secret-0123456789');
    expect(zalo.webhook!.secret_token).toBe('a-fixed_secret-0123456789');
  });

  it('sends the digest chart to a Zalo leader by a public URL the server serves', async () => {
    const running = await start();
    expect(
      await postToZalo(zaloUpdate('zl-lanh', `/start ${await h.invite({ plan: 'nhi-chieu', role: 'leader' })}`, 'z-1')),
    ).toBe(200);
    await zalo.waitForSent(1);
    await schedulerOver(() => h, createSendRouter(running.senders)).catchUp();
    const sent = zalo.sent.filter((m) => m.chat_id === 'zl-lanh').slice(1);
    expect(sent.map((m) => [m.method, (m.text ?? m.photo)?.split('\n')[0]])).toEqual([
      ['sendMessage', '📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 01/06/2026 (gửi bù)'],
      ['sendMessage', 'Kế hoạch 158/KH-UBND: tiến độ theo đơn vị (01/06/2026)'],
      ['sendPhoto', expect.stringMatching(new RegExp(`^${base}/files/[A-Za-z0-9_-]{43}\\.png$`))],
    ]);
    const chart = await fetch(sent[2]!.photo!);
    expect([chart.status, chart.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await chart.arrayBuffer()).subarray(0, 8)).toEqual(PNG_SIGNATURE);
  });

  it('serves a chart another instance published, from the store both share; without it, only its publisher', async () => {
    const published = async (options: Partial<WebhookModeOptions>, leader: string) => {
      const publisher = await start({}, options);
      await postToZalo(zaloUpdate(leader, `/start ${await h.invite({ plan: 'nhi-chieu', role: 'leader' })}`, leader));
      await zalo.waitForSent(1);
      await schedulerOver(() => h, createSendRouter(publisher.senders)).catchUp();
      const photo = zalo.sent.find((m) => m.method === 'sendPhoto')!.photo!;
      await publisher.stop();
      zalo.sent.length = 0;
      return photo.slice(photo.indexOf('/files/'));
    };
    const shared = { publishedFiles: h.store().publishedFiles };
    const path = await published(shared, 'zl-lanh');
    await start({}, shared);
    const chart = await fetch(`${base}${path}`);
    expect([chart.status, chart.headers.get('content-type')]).toEqual([200, 'image/png']);
    expect(Buffer.from(await chart.arrayBuffer()).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    await channels!.stop();

    const alone = await published({}, 'zl-hoa');
    await start();
    expect((await fetch(`${base}${alone}`)).status).toBe(404);
  });

  it('on stop, closes the server and waits until the update in flight is answered', async () => {
    const running = await start();
    const help = hold('/trogiup');
    await api.user({ userId: 1001 }).send('/trogiup');
    await help.arrived;
    const events: string[] = [];
    const stopping = running.stop().then(() => events.push('stopped'));
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    events.push('released');
    help.release();
    await stopping;
    channels = undefined;
    expect(events).toEqual(['released', 'stopped']);
    expect(api.calls('sendMessage')).toHaveLength(1);
  });

  it('runs Zalo alone when Telegram refuses the token, and says so on /healthz', async () => {
    api.failNext('getMe', { status: 401, description: 'Unauthorized' });
    const running = await start();
    expect(running.states).toEqual({ telegram: 'failed', zalo: 'webhook' });
    expect(Object.keys(running.senders)).toEqual(['zalo']);
    expect(api.calls('setWebhook')).toEqual([]);
    expect((await health()).body.channels).toEqual({ telegram: 'failed', zalo: 'webhook' });
  });

  it('serves /healthz and Zalo while Telegram cannot be reached, and brings Telegram up in the background', async () => {
    const closedPort = await freePort();
    const retry = retryByHand();
    const running = await start({ TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}` }, { retry: retry.options });
    expect(running.states).toEqual({ telegram: 'retrying', zalo: 'webhook' });
    expect(Object.keys(running.senders)).toEqual(['zalo']);
    expect(await health()).toMatchObject({
      status: 200,
      body: { channels: { telegram: 'retrying', zalo: 'webhook' } },
    });
    expect(await postToZalo(zaloUpdate('zl-1', '/trogiup', 'z-1'))).toBe(200);
    expect((await zalo.waitForSent(1))[0]).toMatchObject({ method: 'sendMessage', chat_id: 'zl-1' });
    expect(logs().filter((l) => l.msg === 'telegram: could not start, retrying')).toMatchObject([
      { level: 40, channel: 'telegram', attempts: 1, waitMs: 1000 },
    ]);

    const telegram = await startTelegramServer(api.token, { port: closedPort });
    try {
      retry.now();
      await until(() => running.states.telegram === 'webhook');
      expect(retry.waits).toEqual([1000]);
      expect(Object.keys(running.senders).sort()).toEqual(['telegram', 'zalo']);
      expect(telegram.webhook()?.url).toMatch(new RegExp(`^${base}/telegram/`));
      expect((await health()).body.channels).toEqual({ telegram: 'webhook', zalo: 'webhook' });
      const lan = telegram.user({ userId: 1001, firstName: 'Lan' });
      await lan.send('/trogiup');
      expect(await lan.replies(1)).toHaveLength(1);
      expect(logs().filter((l) => l.msg === 'telegram: started after retrying')).toMatchObject([{ attempts: 2 }]);
    } finally {
      await channels?.stop();
      channels = undefined;
      await telegram.stop();
    }
  });

  it('doubles the wait between attempts, and stops retrying on stop', async () => {
    const retry = retryByHand();
    const running = await start(
      { TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}` },
      { retry: retry.options },
    );
    for (let i = 0; i < 3; i++) {
      retry.now();
      await until(() => retry.waits.length === i + 2);
    }
    expect(retry.waits).toEqual([1000, 2000, 4000, 8000]);
    await running.stop();
    channels = undefined;
    expect(running.states.telegram).toBe('retrying');
    expect(logs().filter((l) => l.msg === 'telegram: could not start, retrying')).toHaveLength(4);
  });

  it('leaves out a channel whose webhook cannot be registered, without logging the secret the call carried', async () => {
    api.failNext('setWebhook', {
      status: 400,
      description: 'Bad Request: bad webhook: HTTPS url must be provided for webhook',
    });
    const running = await start();
    expect(running.states).toEqual({ telegram: 'failed', zalo: 'webhook' });
    expect(Object.keys(running.senders)).toEqual(['zalo']);
    const secret = (JSON.parse(api.calls('setWebhook')[0]!.body) as { secret_token: string }).secret_token;
    expect(secret).toBe(zalo.webhook!.secret_token);
    const failure = logLines
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line.msg === 'telegram: could not start');
    expect(failure).toMatchObject({ level: 50, channel: 'telegram' });
    expect(logLines.filter((line) => line.includes(secret))).toEqual([]);
  });

  it('answers /healthz with 503 once the database is closed', async () => {
    await start({ ZALO_BOT_TOKEN: '' });
    expect((await health()).body).toMatchObject({ database: 'ok', channels: { telegram: 'webhook', zalo: 'off' } });
    h.store().close();
    expect(await health()).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'error' } });
  });

  it('answers /healthz with 503 while the database reads but cannot be written', async () => {
    await start({ ZALO_BOT_TOKEN: '' });
    h.store().db.pragma('query_only = ON');
    expect(await health()).toMatchObject({ status: 503, body: { status: 'unavailable', database: 'error' } });
    h.store().db.pragma('query_only = OFF');
    expect(await health()).toMatchObject({ status: 200, body: { status: 'ok', database: 'ok' } });
  });
});
