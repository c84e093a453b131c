import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, publicUrlOf } from '../src/config.js';

describe('loadConfig', () => {
  it('gives every default when the environment is empty', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      BOT_MODE: 'polling',
      DATABASE_PATH: 'data/troly.db',
      KNOWLEDGE_DIR: 'knowledge',
      LOG_LEVEL: 'info',
      DIGEST_CRON: '30 7 * * 1-5',
      TELEGRAM_API_ROOT: 'https://api.telegram.org',
      ZALO_API_ROOT: 'https://bot-api.zaloplatforms.com',
      RATE_LIMIT_PER_MINUTE: 20,
      SEND_PACING: 'on',
      QUESTION_LOG_DAYS: 90,
      QUESTION_REPORT_CRON: '0 8 * * 1',
      PORT: 8080,
      DATABASE_POOL_SIZE: 10,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
    });
    expect(config.TELEGRAM_BOT_TOKEN).toBeUndefined();
    expect(config.QUESTION_LOG_SECRET).toBeUndefined();
    expect(config.PUBLIC_URL).toBeUndefined();
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('reads the question log: its secret, how many days it keeps, when the admins get the week', () => {
    expect(
      loadConfig({ QUESTION_LOG_SECRET: 's'.repeat(32), QUESTION_LOG_DAYS: '30', QUESTION_REPORT_CRON: '0 9 * * 5' }),
    ).toMatchObject({ QUESTION_LOG_SECRET: 's'.repeat(32), QUESTION_LOG_DAYS: 30, QUESTION_REPORT_CRON: '0 9 * * 5' });
    expect(loadConfig({ QUESTION_LOG_SECRET: '', QUESTION_LOG_DAYS: '' })).toMatchObject({ QUESTION_LOG_DAYS: 90 });
  });

  it('gives the dashboard links a base: PUBLIC_URL without its last slash, else 127.0.0.1 and the port', () => {
    expect(publicUrlOf(loadConfig({}))).toBe('http://127.0.0.1:8080');
    expect(publicUrlOf(loadConfig({ PORT: '0' }), 41234)).toBe('http://127.0.0.1:41234');
    expect(publicUrlOf(loadConfig({ PUBLIC_URL: 'https://bot.example.vn/' }))).toBe('https://bot.example.vn');
  });

  it('reads flood control: 0 turns the rate limit off, an empty value keeps the default', () => {
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0', SEND_PACING: 'off' })).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 0,
      SEND_PACING: 'off',
    });
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '' }).RATE_LIMIT_PER_MINUTE).toBe(20);
  });

  it('reads the pool size and statement timeout (0: none); an empty DATABASE_URL means SQLite', () => {
    expect(
      loadConfig({ DATABASE_POOL_SIZE: '20', DATABASE_STATEMENT_TIMEOUT_MS: '0', DATABASE_URL: '' }),
    ).toMatchObject({
      DATABASE_POOL_SIZE: 20,
      DATABASE_STATEMENT_TIMEOUT_MS: 0,
    });
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it('takes a PostgreSQL DATABASE_URL (postgres:// or postgresql://) with its pool size and statement timeout', () => {
    const url = 'postgresql://troly:mật-khẩu@db.tinh.gov.vn:5432/troly';
    expect(loadConfig({ DATABASE_URL: url, DATABASE_POOL_SIZE: '20' })).toMatchObject({
      DATABASE_URL: url,
      DATABASE_POOL_SIZE: 20,
      DATABASE_STATEMENT_TIMEOUT_MS: 10_000,
    });
  });

  it('never repeats a refused DATABASE_URL, which may hold a password', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://troly:s3cret@db/troly' })).toThrow(
      'Config: DATABASE_URL must be a PostgreSQL address such as postgres://user:password@host:5432/troly',
    );
  });

  it('treats an empty token as no token', () => {
    expect(loadConfig({ TELEGRAM_BOT_TOKEN: '' }).TELEGRAM_BOT_TOKEN).toBeUndefined();
  });

  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ TELEGRAM_API_ROOT: 'not a url' }, 'TELEGRAM_API_ROOT'],
    [{ TELEGRAM_BOT_TOKEN: 'bad token with spaces' }, 'TELEGRAM_BOT_TOKEN'],
    [{ BOT_MODE: 'carrier-pigeon' }, 'BOT_MODE'],
    [{ RATE_LIMIT_PER_MINUTE: 'many' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, 'RATE_LIMIT_PER_MINUTE'],
    [{ SEND_PACING: 'maybe' }, 'SEND_PACING'],
    [{ DATABASE_URL: 'data/troly.db' }, 'DATABASE_URL'],
    [{ DATABASE_POOL_SIZE: '0' }, 'DATABASE_POOL_SIZE'],
    [{ DATABASE_STATEMENT_TIMEOUT_MS: '5s' }, 'DATABASE_STATEMENT_TIMEOUT_MS'],
    [{ DIGEST_CRON: '99 99 * * *' }, 'DIGEST_CRON'],
    [{ DIGEST_CRON: 'mỗi sáng' }, 'DIGEST_CRON'],
    [{ QUESTION_LOG_SECRET: 'short' }, 'QUESTION_LOG_SECRET'],
    [{ QUESTION_LOG_DAYS: '0' }, 'QUESTION_LOG_DAYS'],
    [{ QUESTION_LOG_DAYS: 'ba tháng' }, 'QUESTION_LOG_DAYS'],
    [{ QUESTION_REPORT_CRON: 'thứ hai' }, 'QUESTION_REPORT_CRON'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PORT: 'http' }, 'PORT'],
    [{ PUBLIC_URL: 'ftp://bot.example.vn' }, 'PUBLIC_URL'],
    [{ BOT_MODE: 'webhook', PORT: '8080' }, 'PUBLIC_URL'],
    [
      { BOT_MODE: 'webhook', PORT: '8080', PUBLIC_URL: 'https://bot.example.vn', WEBHOOK_SECRET: 'short' },
      'WEBHOOK_SECRET',
    ],
  ])('refuses %o naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (error) {
      expect((error as ConfigError).variable).toBe(variable);
      expect((error as ConfigError).message).toMatch(new RegExp(`^Config: ${variable} `));
    }
  });

  it('reads webhook mode with its required fields, PORT 8080 unless given', () => {
    expect(loadConfig({ BOT_MODE: 'webhook', PUBLIC_URL: 'https://bot.example.vn' }).PORT).toBe(8080);
    const config = loadConfig({ BOT_MODE: 'webhook', PORT: '8443', PUBLIC_URL: 'https://bot.example.vn' });
    expect(config.BOT_MODE).toBe('webhook');
    if (config.BOT_MODE === 'webhook') expect(config.PORT).toBe(8443);
  });
});
