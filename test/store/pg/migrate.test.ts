import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { MigrationError, readMigrations, StoreOpenError } from '../../../src/store/index.js';
import {
  createPool,
  migratePg,
  MIGRATION_LOCK_KEY,
  openPgStore,
  PG_MIGRATIONS_DIR,
} from '../../../src/store/pg/index.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from '../../support/pg-db.js';

describe('PostgreSQL migrations', () => {
  it('have the versions and names of the SQLite ones, so that a new one is written for both', () => {
    const names = (dir?: string) => readMigrations(dir).map((m) => m.name);
    expect(names(PG_MIGRATIONS_DIR)).toEqual(names());
  });
});

describe.skipIf(!pgReachable)(`migratePg${pgReachable ? '' : ` ${PG_ABSENT}`}`, () => {
  let db: PgTestDb;
  const pools: pg.Pool[] = [];
  const pool = () => {
    const p = createPool({ url: db.url });
    pools.push(p);
    return p;
  };
  const versions = async () =>
    (await pool().query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version')).rows.map(
      (r) => r.version,
    );
  const latest = readMigrations(PG_MIGRATIONS_DIR).at(-1)!.version;
  afterEach(async () => {
    await Promise.all(pools.splice(0).map((p) => p.end()));
    await db.drop();
  });

  it('brings an empty database to the latest version, recording each step', async () => {
    db = await createPgTestDb();
    expect(await migratePg(pool())).toBe(latest);
    expect(await versions()).toEqual(readMigrations(PG_MIGRATIONS_DIR).map((m) => m.version));
    expect(Object.keys(await db.snapshot())).toEqual(expect.arrayContaining(['invites', 'updates', 'users']));
  });

  it('does nothing when run again', async () => {
    db = await createPgTestDb();
    const store = await db.open();
    await store.invites.create({
      code: 'A1',
      plan: null,
      unit: null,
      role: 'admin',
      createdAt: new Date(0),
      expiresAt: new Date(1),
      usedAt: null,
      usedBy: null,
    });
    expect(await migratePg(pool())).toBe(latest);
    expect(await db.rows('invites')).toHaveLength(1);
    expect(await versions()).toHaveLength(readMigrations(PG_MIGRATIONS_DIR).length);
  });

  it('refuses a database newer than the code with a MigrationError naming DATABASE_URL', async () => {
    db = await createPgTestDb();
    await migratePg(pool());
    await db.exec("INSERT INTO schema_migrations (version, name) VALUES (999, '999-future.sql')");
    const refused = openPgStore({ url: db.url });
    await expect(refused).rejects.toThrow(MigrationError);
    await expect(refused).rejects.toThrow(
      `Store: database schema version 999 is newer than this program (${latest}); update the program or use another DATABASE_URL`,
    );
  });

  it('rolls back a failing migration and names it', async () => {
    db = await createPgTestDb();
    const dir = mkdtempSync(join(tmpdir(), 'pg-migrations-'));
    writeFileSync(join(dir, '001-ok.sql'), 'CREATE TABLE a (x INTEGER);');
    writeFileSync(join(dir, '002-bad.sql'), 'CREATE TABLE b (x INTEGER); INSERT INTO nowhere VALUES (1);');
    const err = await migratePg(pool(), readMigrations(dir)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MigrationError);
    expect((err as MigrationError).message).toBe('Store: migration 002-bad.sql failed');
    expect(await versions()).toEqual([1]);
    expect(Object.keys(await db.snapshot())).toEqual(['a']);
  });

  it('lets two instances starting at once migrate once: the second waits for the lock, then finds it done', async () => {
    db = await createPgTestDb();
    const holder = await pool().connect();
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const both = Promise.all([migratePg(pool()), migratePg(pool())]);
    // Both wait on the lock (seen in pg_locks), and nothing is created while it is held.
    const waiting = async () =>
      (
        await holder.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = $1 AND NOT granted",
          [MIGRATION_LOCK_KEY],
        )
      ).rows[0]!.n;
    while ((await waiting()) < 2) await new Promise((resolve) => setImmediate(resolve));
    expect(Object.keys(await db.snapshot())).toEqual([]);
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    holder.release();
    expect(await both).toEqual([latest, latest]);
    expect(await versions()).toEqual(readMigrations(PG_MIGRATIONS_DIR).map((m) => m.version));
  });

  it('says which server it could not reach, never its password', async () => {
    db = await createPgTestDb();
    const url = 'postgres://troly:s3cret@127.0.0.1:1/troly';
    const err = await openPgStore({ url }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StoreOpenError);
    expect((err as StoreOpenError).message).toBe(
      'Store: the database postgres://troly:***@127.0.0.1:1/troly could not be opened (ECONNREFUSED)',
    );
  });
});
