import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MigrationError, openStore, StoreOpenError, type Repositories, type Store } from '../store/index.js';
import { openPgStore, type PgStore } from '../store/pg/index.js';
import { databasePath, databaseUrl } from './options.js';

/** Failures of opening a database that the admin can fix (wrong file, newer schema, no access), as opposed to bugs. */
const isOpenFailure = (err: unknown): err is Error =>
  err instanceof MigrationError ||
  err instanceof Database.SqliteError ||
  (err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string');

/**
 * Opens the store at `path`, runs `use` and closes the store; the exit code of `use`, or 1 with one line on stderr
 * when the database cannot be opened (or, with `mustExist`, is not there: reading a typo'd path would create it empty).
 */
export async function withStore(
  command: string,
  path: string,
  use: (store: Store) => number | Promise<number>,
  opts: { mustExist?: boolean } = {},
): Promise<number> {
  if (opts.mustExist && !existsSync(path)) {
    console.error(`${command}: no database at ${path} (set DATABASE_PATH or --db)`);
    return 1;
  }
  let store: Store;
  try {
    store = openStore(path);
  } catch (err) {
    if (!isOpenFailure(err)) throw err;
    console.error(`${command}: cannot open the database ${path}: ${err.message}`);
    return 1;
  }
  try {
    return await use(store);
  } finally {
    store.close();
  }
}

/** Where a command's data is: a SQLite file, or the PostgreSQL database the assistant runs on. */
export type DataSource = { path: string } | { url: string };

/**
 * The database a command reads and writes: the file `--db` names; else, with `DATABASE_URL` set, PostgreSQL (where the
 * assistant runs: an invite written to a SQLite file there would never reach it); else `DATABASE_PATH`.
 */
export const dataSourceOf = (dbFlag: string | undefined): DataSource => {
  const url = databaseUrl();
  return dbFlag === undefined && url ? { url } : { path: databasePath(dbFlag) };
};

/**
 * {@link withStore} over either database: `use` gets the repositories only. With PostgreSQL, a server that cannot be
 * reached (or a newer schema) is one line on stderr and exit code 1.
 */
export async function withRepositories(
  command: string,
  source: DataSource,
  use: (store: Repositories) => number | Promise<number>,
  opts: { mustExist?: boolean } = {},
): Promise<number> {
  if ('path' in source) return withStore(command, source.path, use, opts);
  let store: PgStore;
  try {
    store = await openPgStore({ url: source.url });
  } catch (err) {
    if (!(err instanceof MigrationError || err instanceof StoreOpenError)) throw err;
    console.error(`${command}: cannot open the database: ${err.message}`);
    return 1;
  }
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}
