import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The server the PostgreSQL tests and the soak use: `TEST_DATABASE_URL`, else the local one every machine and CI start. */
export const PG_SERVER_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** An empty database of one test file or one soak run on the server, dropped when done. */
export type ScratchDatabase = {
  name: string;
  /** Its connection string (the server's, naming this database). */
  url: string;
  /** Drops it, ending its connections first; safe to call twice. */
  drop(): Promise<void>;
};

/** A name quoted as an SQL identifier. */
export const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Creates `<prefix>_<pid>_<random>` on `serverUrl`; rejects as the server does (none answering within 3 s included). */
export async function createScratchDatabase(prefix: string, serverUrl = PG_SERVER_URL): Promise<ScratchDatabase> {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${quote(name)}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  let dropped: Promise<void> | undefined;
  return {
    name,
    url: url.toString(),
    drop: () => (dropped ??= admin(serverUrl, `DROP DATABASE IF EXISTS ${quote(name)} WITH (FORCE)`)),
  };
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
