import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MigrationError, openStore, type Store } from '../store/index.js';

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
