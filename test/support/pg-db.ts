import pg from 'pg';
import type { StoreOptions } from '../../src/store/index.js';
import { openPgStore, redactUrl, type PgOptions, type PgStore } from '../../src/store/pg/index.js';
import { createScratchDatabase, PG_SERVER_URL, quote } from './pg-server.js';

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Whether the PostgreSQL tests can run here (asked once per test file). */
export const pgReachable = await answers(PG_SERVER_URL);

/** Added to the title of what is skipped when no server answers, so the run says why plainly. */
export const PG_ABSENT = `— SKIPPED: no PostgreSQL server answers at ${redactUrl(PG_SERVER_URL)} (start one, or set TEST_DATABASE_URL)`;

/** The order rows of each table are read in, for comparisons (SQLite reads by rowid, PostgreSQL has none). */
const ORDER: Record<string, string> = {
  users: 'created_at, key',
  invites: 'created_at, code',
  updates: 'id',
  notifications: 'claimed_at, key',
  digest_subscriptions: 'user_key',
  figures: 'id',
  inbox: 'seq',
  health_probe: 'id',
  plan_revisions: 'plan, revision',
  task_moves: 'plan, revision, from_task',
  retired_tasks: 'plan, revision, task',
  member_units: 'rowid',
  questions: 'id',
  question_feedback: 'question_id, user_hash',
  dashboard_links: 'created_at, hash',
  dashboard_sessions: 'created_at, hash',
  plan_files: 'version',
  conversations: 'chat_id',
  published_files: 'name',
};

/** PostgreSQL's twin of SQLite's implicit rowid, where a table's order matters (`member_units`): not in SQLite's rows. */
const ROWID = 'rowid';

/** A row as SQLite would hold it: times as ISO text, booleans as 0/1, so one expectation serves both stores. */
const asSqliteRow = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([k]) => k !== ROWID)
      .map(([k, v]) => [k, v instanceof Date ? v.toISOString() : typeof v === 'boolean' ? Number(v) : v]),
  );

/** A database of its own on the test server, for one test file; `open()` may be called again (another instance). */
export type PgTestDb = {
  url: string;
  open(options?: Omit<PgOptions, 'url'> & StoreOptions): Promise<PgStore>;
  /** A statement run outside the store (rejects as PostgreSQL refuses it). */
  exec(sql: string): Promise<void>;
  /** Every row of `table`, read apart from the store, in the shape SQLite holds it. */
  rows(table: string): Promise<unknown[]>;
  /** Every row of every table but `schema_migrations`: "nothing changed" across the whole database. */
  snapshot(): Promise<Record<string, unknown[]>>;
  /** Closes the stores opened and empties every table (identities back to 1), as a fresh database would be. */
  reset(): Promise<void>;
  /** Closes everything and drops the database. */
  drop(): Promise<void>;
};

/** Creates an empty database `troly_test_<pid>_<random>` on the test server. */
export async function createPgTestDb(): Promise<PgTestDb> {
  const database = await createScratchDatabase('troly_test');
  const raw = new pg.Pool({ connectionString: database.url, max: 2 });
  // Dropping the database ends its connections; an idle one's error must not end the test process.
  raw.on('error', () => undefined);
  let opened: PgStore[] = [];
  const tables = async () =>
    (
      await raw.query<{ name: string }>(
        `SELECT table_name AS name FROM information_schema.tables
         WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
         ORDER BY table_name`,
      )
    ).rows.map((r) => r.name);
  const rows = async (table: string) =>
    (await raw.query(`SELECT * FROM ${quote(table)} ORDER BY ${ORDER[table] ?? '1'}`)).rows.map(asSqliteRow);
  const closeOpened = async () => {
    await Promise.all(opened.map((s) => s.close()));
    opened = [];
  };
  return {
    url: database.url,
    open: async (options = {}) => {
      const store = await openPgStore({ ...options, url: database.url });
      opened.push(store);
      return store;
    },
    exec: async (sql) => {
      await raw.query(sql);
    },
    rows,
    snapshot: async () => Object.fromEntries(await Promise.all((await tables()).map(async (t) => [t, await rows(t)]))),
    reset: async () => {
      await closeOpened();
      const names = await tables();
      const client = await raw.connect();
      try {
        // DELETE, not TRUNCATE (which makes new files, ten times slower); a replica session runs no triggers, so
        // neither the append-only one nor the foreign keys' stand in the way. Identities start again at 1.
        await client.query('BEGIN');
        await client.query('SET LOCAL session_replication_role = replica');
        await client.query('SET LOCAL synchronous_commit = off');
        for (const t of names) await client.query(`DELETE FROM ${quote(t)}`);
        await client.query(
          `SELECT setval(pg_get_serial_sequence(quote_ident(table_name), column_name), 1, false)
           FROM information_schema.columns WHERE table_schema = current_schema() AND is_identity = 'YES'`,
        );
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
    drop: async () => {
      await closeOpened();
      await raw.end();
      await database.drop();
    },
  };
}
