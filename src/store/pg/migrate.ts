import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { MigrationError, newerDatabaseError, readMigrations, type Migration } from '../migrate.js';

/** The PostgreSQL migrations: the same versions and names as SQLite's `../migrations`, in PostgreSQL's dialect. */
export const PG_MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** The key of the session advisory lock held while migrating: one instance migrates, the others wait, then find it done. */
export const MIGRATION_LOCK_KEY = 226_226;

const VERSIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version    INTEGER PRIMARY KEY,
  name       TEXT NOT NULL,
  applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
)`;

/**
 * Applies the migrations newer than the database's (table `schema_migrations`), each in its own transaction, under
 * `pg_advisory_lock` so that instances starting at once migrate once; returns the version reached. Throws
 * MigrationError when a step fails or the database is newer than the code.
 */
export async function migratePg(pool: pg.Pool, migrations: Migration[] = readMigrations(PG_MIGRATIONS_DIR)) {
  const codeVersion = migrations.at(-1)?.version ?? 0;
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await client.query(VERSIONS_TABLE);
      const { rows } = await client.query<{ v: number }>(
        'SELECT COALESCE(MAX(version), 0) AS v FROM schema_migrations',
      );
      const current = rows[0]!.v;
      if (current > codeVersion) throw newerDatabaseError(current, codeVersion, 'DATABASE_URL');
      for (const m of migrations.filter((x) => x.version > current)) await applyOne(client, m, current, codeVersion);
      return Math.max(current, codeVersion);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

async function applyOne(client: pg.PoolClient, m: Migration, current: number, codeVersion: number): Promise<void> {
  try {
    await client.query('BEGIN');
    await client.query(m.sql);
    await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    await client.query('COMMIT');
  } catch (cause) {
    await client.query('ROLLBACK');
    throw new MigrationError(`migration ${m.name} failed`, current, codeVersion, { cause });
  }
}
