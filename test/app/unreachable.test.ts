import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startApp, useAppDb, type AppProcess } from '../support/app-process.js';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server.js';
import { freePort } from '../support/free-port.js';
import { startTelegramServer } from '../support/telegram-server.js';

const TELEGRAM_TOKEN = '123456789:TEST-token_for-telegram';
const ZALO_TOKEN = '5550001112:zalo-app-token';
const QUESTION = 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?';

const db = useAppDb();
let zalo: FakeZaloServer;
beforeEach(async () => {
  zalo = await startFakeZaloServer({ token: ZALO_TOKEN });
});
afterEach(async () => {
  await zalo.close();
});

async function stop(app: AppProcess): Promise<void> {
  app.child.kill('SIGTERM');
  expect(await app.exited).toEqual({ code: 0, signal: null });
}

describe('the assistant started while Telegram cannot be reached (TELEGRAM_API_ROOT at a closed port)', () => {
  it('webhook mode: /healthz, Zalo and the rest run, Telegram is retried and comes up once the Bot API answers', async () => {
    const [port, closedPort] = [await freePort(), await freePort()];
    const app = startApp({
      DATABASE_PATH: db().path,
      BOT_MODE: 'webhook',
      PORT: String(port),
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${closedPort}`,
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_API_ROOT: zalo.url,
      LOG_LEVEL: 'info',
    });
    const ready = await app.waitForLog('start: ready');
    expect(ready.channels).toEqual({ telegram: 'retrying', zalo: 'webhook' });
    const health = async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(await health()).toMatchObject({ status: 'ok', channels: { telegram: 'retrying', zalo: 'webhook' } });
    expect(await app.waitForLog('telegram: could not start, retrying')).toMatchObject({ level: 40, attempts: 1 });

    const answered = await fetch(zalo.webhook!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bot-api-secret-token': zalo.webhook!.secret_token },
      body: JSON.stringify({
        event_name: 'message.text.received',
        message: {
          message_id: 'z-1',
          from: { id: 'zl-1', display_name: 'Lan', is_bot: false },
          chat: { id: 'zl-1', chat_type: 'PRIVATE' },
          date: Date.now(),
          text: QUESTION,
        },
      }),
    });
    expect(answered.status).toBe(200);
    expect((await zalo.waitForSent(1))[0]!.text).toMatch(/^Nhiệm vụ 4 – phường Nhị Chiểu/);

    const telegram = await startTelegramServer(TELEGRAM_TOKEN, { port: closedPort });
    try {
      await app.waitForLog('telegram: started after retrying');
      expect(await health()).toMatchObject({ channels: { telegram: 'webhook', zalo: 'webhook' } });
      expect(telegram.webhook()?.url).toMatch(new RegExp(`^http://127.0.0.1:${port}/telegram/`));
      await stop(app);
    } finally {
      await telegram.stop();
    }
    expect(app.stdout()).not.toContain(TELEGRAM_TOKEN);
  });

  it('polling mode: Zalo answers while Telegram is retried', async () => {
    const app = startApp({
      DATABASE_PATH: db().path,
      TELEGRAM_BOT_TOKEN: TELEGRAM_TOKEN,
      TELEGRAM_API_ROOT: `http://127.0.0.1:${await freePort()}`,
      ZALO_BOT_TOKEN: ZALO_TOKEN,
      ZALO_API_ROOT: zalo.url,
      LOG_LEVEL: 'info',
    });
    expect((await app.waitForLog('start: ready')).channels).toEqual({ telegram: 'retrying', zalo: 'polling' });
    zalo.sendText({ id: 'zl-1', name: 'Lan' }, QUESTION);
    expect((await zalo.waitForSent(1))[0]!.text).toMatch(/^Nhiệm vụ 4 – phường Nhị Chiểu/);
    await stop(app);
  });
});
