import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger, logPortOf } from '../src/log.js';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  // Plainly not a real token (real ones are "<bot id>:AA…" with 35 characters after the colon).
  const token = '123456789:TEST-not-a-real-token';

  it('redacts a token logged as a field', () => {
    const { lines, stream } = capture();
    const log = createLogger({ LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: token }, stream);
    log.info({ token, config: { TELEGRAM_BOT_TOKEN: token } }, 'starting');
    expect(lines.join('')).not.toContain(token);
    expect(lines.join('')).toContain('[redacted]');
  });

  it('redacts a token hidden inside a message or an error text', () => {
    const { lines, stream } = capture();
    const log = createLogger({ LOG_LEVEL: 'info', TELEGRAM_BOT_TOKEN: token }, stream);
    log.error(
      { err: new Error(`request to https://api.telegram.org/bot${token}/getMe failed`) },
      `call failed for bot${token}`,
    );
    expect(lines.join('')).not.toContain(token);
  });

  it("blanks a failed Bot API call's payload (a webhook secret, a message text) but keeps the error's message", () => {
    const { lines, stream } = capture();
    const log = createLogger({ LOG_LEVEL: 'info' }, stream);
    const err = Object.assign(new Error("Call to 'setWebhook' failed!"), {
      payload: { url: 'https://x', secret_token: 'generated-secret-abc' },
    });
    log.error({ err }, 'telegram: setWebhook failed');
    log.error({ call: { method: 'sendMessage', payload: { text: 'Nhiệm vụ 4 đã xong' } } }, 'telegram: call failed');
    const out = lines.join('');
    expect(out).not.toContain('generated-secret-abc');
    expect(out).not.toContain('Nhiệm vụ 4 đã xong');
    expect(out).toContain("Call to 'setWebhook' failed!");
  });

  it('writes nothing at level silent', () => {
    const { lines, stream } = capture();
    createLogger({ LOG_LEVEL: 'silent' }, stream).error('boom');
    expect(lines).toEqual([]);
  });
});

describe('logPortOf', () => {
  it('writes a port call as one pino line at its level, with its fields and message', () => {
    const { lines, stream } = capture();
    const log = logPortOf(createLogger({ LOG_LEVEL: 'info' }, stream));
    log('warn', 'zalo: send failed', { chatId: 'c1' });
    log('debug', 'zalo: event ignored');
    expect(lines.map((l) => JSON.parse(l) as object)).toMatchObject([
      { level: 40, msg: 'zalo: send failed', chatId: 'c1' },
    ]);
  });

  it('serializes an error passed as err', () => {
    const { lines, stream } = capture();
    logPortOf(createLogger({ LOG_LEVEL: 'info' }, stream))('error', 'http: a request failed', {
      err: new Error('boom'),
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ err: { type: 'Error', message: 'boom' } });
  });
});
