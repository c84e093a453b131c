import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startApp, useAppDb } from '../support/app-process.js';

const db = useAppDb();

describe('main (the assistant started with a malformed environment)', () => {
  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ BOT_MODE: 'webhook', PUBLIC_URL: 'https://bot.example.vn' }, 'PORT'],
    [{ BOT_MODE: 'webhook', PORT: '8443' }, 'PUBLIC_URL'],
    [{ TELEGRAM_BOT_TOKEN: 'x y' }, 'TELEGRAM_BOT_TOKEN'],
    [{ ZALO_API_ROOT: 'not a url' }, 'ZALO_API_ROOT'],
    [{ DIGEST_CRON: '99 99 * * *', TELEGRAM_BOT_TOKEN: '123456789:TEST-token' }, 'DIGEST_CRON'],
  ])('%o: exits 1 with one line on stderr naming %s, no stack trace, nothing opened', async (env, variable) => {
    const app = startApp({ DATABASE_PATH: db().path, ...env });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    const lines = app
      .stderr()
      .split('\n')
      .filter((line) => line !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^Config: ${variable} (must|is invalid)`));
    expect(app.stdout()).toBe('');
    expect(existsSync(db().path)).toBe(false);
  });

  it('never shows the token it refuses', async () => {
    const app = startApp({ DATABASE_PATH: db().path, TELEGRAM_BOT_TOKEN: '123456:secret part' });
    expect((await app.exited).code).toBe(1);
    expect(app.stderr()).toBe(
      'Config: TELEGRAM_BOT_TOKEN must look like a bot token (letters, digits, ":", "_", "-")\n',
    );
  });
});
