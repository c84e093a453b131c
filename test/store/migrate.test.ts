import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, MigrationError, openDatabase, openStore, readMigrations } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

let tmp: TmpDb;
afterEach(() => tmp?.cleanup());

const tables = (db: ReturnType<typeof openDatabase>) =>
  (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
      .all() as { name: string }[]
  ).map((r) => r.name);

describe('migrate', () => {
  it('brings an empty database to the latest version and records it', () => {
    tmp = createTmpDb();
    const db = openDatabase(tmp.path);
    const latest = readMigrations().at(-1)!.version;
    expect(migrate(db)).toBe(latest);
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    expect(tables(db)).toEqual(expect.arrayContaining(['invites', 'updates', 'users']));
    db.close();
  });

  it('does nothing when run again', async () => {
    tmp = createTmpDb();
    const store = tmp.open();
    store.db.prepare("INSERT INTO users (key, name, role, created_at) VALUES ('cli:a', 'A', 'admin', 'x')").run();
    store.close();
    const again = tmp.open();
    expect((await again.users.list()).map((u) => u.key)).toEqual(['cli:a']);
    expect(again.db.pragma('user_version', { simple: true })).toBe(readMigrations().at(-1)!.version);
  });

  it('refuses a database newer than the code with a MigrationError', () => {
    tmp = createTmpDb();
    const db = openDatabase(tmp.path);
    db.pragma('user_version = 999');
    db.close();
    expect(() => openStore(tmp.path)).toThrow(MigrationError);
    expect(() => openStore(tmp.path)).toThrow(
      `Store: database schema version 999 is newer than this program (${readMigrations().at(-1)!.version}); update the program or use another DATABASE_PATH`,
    );
  });

  it('rolls back a failing migration and names it', () => {
    tmp = createTmpDb();
    const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
    writeFileSync(join(dir, '001-ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '002-bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const db = openDatabase(tmp.path);
    const err = (() => {
      try {
        migrate(db, readMigrations(dir));
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).message).toBe('Store: migration 002-bad.sql failed');
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(tables(db)).toEqual(['a']);
    db.close();
  });
});

describe('openStore', () => {
  it('creates the folder, and uses WAL with foreign keys on', () => {
    tmp = createTmpDb();
    const store = tmp.open();
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});

describe('migration 060-member-units', () => {
  it('keeps every stored progress row as it was, each for the task as a whole (unit NULL)', () => {
    tmp = createTmpDb();
    const db = openDatabase(tmp.path);
    migrate(
      db,
      readMigrations().filter((m) => m.version < 60),
    );
    db.prepare(
      "INSERT INTO users (key, name, role, plan, unit, created_at) VALUES ('tg:1', 'Lan', 'officer', 'hue', 'UBND các xã, phường', '2026-01-01')",
    ).run();
    db.prepare(
      "INSERT INTO updates (plan, task, status, percent, note, user_key, user_name, channel, message_id, created_at) VALUES ('hue', '1', 'in_progress', 40, 'n', 'tg:1', 'Lan', 'telegram', 'm1', '2026-05-01T00:00:00.000Z')",
    ).run();
    const before = db.prepare('SELECT * FROM updates').all();
    migrate(db);
    const after = db.prepare('SELECT * FROM updates').all() as Record<string, unknown>[];
    expect(after).toEqual((before as Record<string, unknown>[]).map((r) => ({ ...r, unit: null })));
    expect(tables(db)).toContain('member_units');
    db.close();
  });
});
