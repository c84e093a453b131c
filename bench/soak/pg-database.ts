import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { redactUrl } from '../../src/store/pg/index.js';

/** A database of the soak's own on the local PostgreSQL server. */
export type SoakDatabase = {
  /** Give this to the bot as DATABASE_URL. */
  url: string;
  /** Drops the database (its connections ended first); safe to call twice. */
  drop(): Promise<void>;
};

/** The databases not dropped yet: an interrupt drops them before the soak exits. */
const created = new Set<SoakDatabase>();

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * The server the soak uses, found as the PostgreSQL tests find theirs (test/support/pg-db.ts): `TEST_DATABASE_URL`,
 * else the local one.
 */
export function soakServerUrl(env: Record<string, string | undefined> = process.env): string {
  return env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
}

/** Creates an empty database `troly_soak_<pid>_<random>`; throws one clear line when the server does not answer. */
export async function createSoakDatabase(serverUrl: string): Promise<SoakDatabase> {
  const name = `troly_soak_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${quote(name)}`).catch((err: unknown) => {
    throw new Error(
      `soak: no PostgreSQL server answers at ${redactUrl(serverUrl)} (${err instanceof Error ? err.message : String(err)}); start one or set TEST_DATABASE_URL`,
      { cause: err },
    );
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  const database: SoakDatabase = {
    url: url.toString(),
    drop: () =>
      (dropped ??= admin(serverUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`).finally(() =>
        created.delete(database),
      )),
  };
  created.add(database);
  return database;
}

/** Drops every soak database still there (an interrupt); never rejects. */
export async function dropSoakDatabases(): Promise<void> {
  await Promise.all([...created].map((d) => d.drop().catch(() => undefined)));
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query(sql);
  } finally {
    await client.end().catch(() => undefined);
  }
}
