import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startApp, useAppDb } from '../support/app-process.js';

const db = useAppDb();

describe('main (the assistant started with a malformed environment)', () => {
  it.each([
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [{ PORT: 'eighty' }, 'PORT'],
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

describe('main (the assistant started on a database it cannot use)', () => {
  const TOKEN = { TELEGRAM_BOT_TOKEN: '123456789:TEST-not-a-real-token' };
  const fatalLines = (stdout: string) =>
    stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((entry) => entry.level === 60);

  it('a database newer than the program: exits 1 with one line on stderr and in the log, no table made in it', async () => {
    mkdirSync(dirname(db().path), { recursive: true });
    const file = new Database(db().path);
    file.pragma('user_version = 999');
    file.close();
    const app = startApp({ DATABASE_PATH: db().path, ...TOKEN });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toMatch(/^Store: database schema version 999 is newer than this program \(\d+\); [^\n]+\n$/);
    expect(fatalLines(app.stdout()).map((entry) => entry.msg)).toEqual([`start: ${app.stderr().trim()}`]);
    const after = new Database(db().path, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(999);
    expect(after.prepare('SELECT name FROM sqlite_master').all()).toEqual([]); // no table was made in it
    after.close();
  });

  it('a database it may not write (read-only file): exits 1 with one line on stderr and in the log, the file untouched', async () => {
    db().open().close();
    chmodSync(db().dir, 0o755);
    chmodSync(dirname(db().path), 0o755);
    chmodSync(db().path, 0o444);
    const before = readFileSync(db().path);
    // Root writes any file whatever its mode: the program then runs as an unprivileged user.
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const app = startApp({ DATABASE_PATH: db().path, ...TOKEN }, asUser);
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toBe(`Store: the database ${db().path} cannot be written (read-only file or folder)\n`);
    expect(fatalLines(app.stdout()).map((entry) => entry.msg)).toEqual([`start: ${app.stderr().trim()}`]);
    expect(readFileSync(db().path)).toEqual(before);
  });

  it('a file that is not a database: exits 1 with one line on stderr and in the log, the file untouched', async () => {
    mkdirSync(dirname(db().path), { recursive: true });
    writeFileSync(db().path, 'Kế hoạch 158, not a database. '.repeat(200));
    const before = readFileSync(db().path);
    const app = startApp({ DATABASE_PATH: db().path, ...TOKEN });
    expect(await app.exited).toEqual({ code: 1, signal: null });
    expect(app.stderr()).toBe(`Store: the database ${db().path} is not a SQLite database\n`);
    expect(fatalLines(app.stdout()).map((entry) => entry.msg)).toEqual([`start: ${app.stderr().trim()}`]);
    expect(readFileSync(db().path)).toEqual(before);
  });
});
