import Database from 'better-sqlite3';

/** SQLite refusals at open that mean the file itself is the problem, not the program. */
const FILE_PROBLEMS: Record<string, string> = {
  SQLITE_READONLY: 'cannot be written (read-only file or folder)',
  SQLITE_CANTOPEN: 'cannot be opened (missing folder or no permission)',
  SQLITE_NOTADB: 'is not a SQLite database',
  SQLITE_CORRUPT: 'is damaged',
  SQLITE_FULL: 'cannot grow (the disk is full)',
};

/** The database file cannot be opened or written at start; `code` is SQLite's, `path` the file. */
export class StoreOpenError extends Error {
  override readonly name = 'StoreOpenError';
  constructor(
    readonly path: string,
    readonly code: string,
    options: { cause: unknown },
  ) {
    super(`Store: the database ${path} ${FILE_PROBLEMS[code] ?? `could not be opened (${code})`}`, options);
  }
}

/** The StoreOpenError for a SQLite refusal of the file at `path`, or undefined for any other error. */
export function storeOpenErrorOf(err: unknown, path: string): StoreOpenError | undefined {
  if (!(err instanceof Database.SqliteError)) return undefined;
  const code = Object.keys(FILE_PROBLEMS).find((c) => err.code === c || err.code.startsWith(`${c}_`));
  return code ? new StoreOpenError(path, code, { cause: err }) : undefined;
}
