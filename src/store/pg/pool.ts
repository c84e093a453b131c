import pg from 'pg';
import type { Log } from '../../tasks/index.js';

/** What a PostgreSQL store connects with (the settings `DATABASE_URL`, `DATABASE_POOL_SIZE`, `DATABASE_STATEMENT_TIMEOUT_MS`). */
export type PgOptions = {
  /** `postgres://user:password@host:5432/database`. */
  url: string;
  /** Connections held at most by this process; default 10. */
  poolSize?: number;
  /** A statement running longer is cancelled by the server (ms); 0 turns it off; default 10,000. */
  statementTimeoutMs?: number;
  /** Where a connection lost while idle (a server restart) is reported; the pool replaces it either way. */
  log?: Log;
};

/** Where a query can be run: the pool (one statement, its own transaction) or a client inside a transaction. */
export type Queryable = pg.Pool | pg.PoolClient;

/**
 * A pool of connections to `options.url`, each with the statement timeout set. An idle connection the server drops
 * (a restart, a failover) is reported and replaced: without a listener, pg's 'error' event would end the process.
 */
export function createPool(options: PgOptions): pg.Pool {
  const { url, poolSize = 10, statementTimeoutMs = 10_000, log } = options;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    statement_timeout: statementTimeoutMs === 0 ? false : statementTimeoutMs,
    connectionTimeoutMillis: 10_000,
    application_name: 'troly-226',
  });
  pool.on('error', (err: Error & { code?: string }) =>
    log?.('warn', 'Store: an idle PostgreSQL connection was lost; the pool opens another', { code: err.code }),
  );
  return pool;
}

/**
 * Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws.
 * A connection whose rollback failed is closed rather than handed back to the pool.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => {
      broken = rollbackErr;
    });
    throw err;
  } finally {
    client.release(broken);
  }
}

/** The password of a connection string blanked, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
