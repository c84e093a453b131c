import { existsSync, mkdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath, databaseUrl, parseOptions } from '../options.js';
import { withStore } from '../with-store.js';

export const summary =
  'online backup of the database to FILE (safe while the bot runs)  [--db FILE]; pg_dump for PostgreSQL';

const USAGE = 'usage: npm run cli -- backup FILE [--db FILE]   (FILE: a new file, or an earlier backup to replace)';

const canonical = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));

/** The path itself when it exists, else its nearest ancestor that does. */
const nearestExisting = (path: string): string => (existsSync(path) ? path : nearestExisting(dirname(path)));

/** Why `target` cannot receive a backup of `source`, or null when it can (a file on its path, a folder, the database itself). */
function targetProblem(target: string, source: string): string | null {
  const reached = nearestExisting(dirname(resolve(target)));
  if (!statSync(reached).isDirectory()) return `${reached} is a file, not a folder`;
  if (existsSync(target) && statSync(target).isDirectory())
    return `${target} is a folder; give a file name, like ${target}/troly.db`;
  if (canonical(target) === canonical(source)) return `${target} is the database itself`;
  return null;
}

const isFileSystemError = (err: unknown): err is NodeJS.ErrnoException =>
  err instanceof Error && typeof (err as NodeJS.ErrnoException).code === 'string';

/**
 * With `DATABASE_URL` the data is in PostgreSQL, which its own tools back up consistently while the bot runs: says
 * so with the commands (the password left out of them: pg_dump reads it from PGPASSWORD or ~/.pgpass). Nothing is
 * written, hence 1.
 */
function explainPgDump(url: string, file: string): number {
  const address = new URL(url);
  address.password = '';
  console.error(
    [
      'backup: the database is PostgreSQL (DATABASE_URL), backed up with its own tool, pg_dump, safe while the bot runs:',
      `  pg_dump --format=custom --file=${file} '${address.toString()}'`,
      `restore into an empty database with: pg_restore --no-owner --dbname='${address.toString()}' ${file}`,
      "(the password from PGPASSWORD or ~/.pgpass; the server's own backups, if its staff run them, cover it too)",
    ].join('\n'),
  );
  return 1;
}

/** `backup FILE`: better-sqlite3's online backup of the database, consistent while the bot writes. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('backup', USAGE, { args, options: { db: { type: 'string' } }, allowPositionals: true });
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(USAGE);
    return 1;
  }
  const url = databaseUrl();
  if (url && parsed.values.db === undefined) return explainPgDump(url, file);
  const source = databasePath(parsed.values.db);
  const problem = targetProblem(file, source);
  if (problem) {
    console.error(`backup: cannot write to ${file}: ${problem}`);
    return 1;
  }
  return withStore(
    'backup',
    source,
    async (store) => {
      try {
        // Missing folders on the way are made, like 'backups/2026/' on the first backup of the year.
        mkdirSync(dirname(resolve(file)), { recursive: true });
        await store.backup(file);
      } catch (err) {
        // SQLite refuses e.g. an existing file that is not a database (left untouched) or a full disk; a folder may not be creatable.
        if (!(err instanceof Database.SqliteError) && !isFileSystemError(err)) throw err;
        console.error(`backup: cannot write to ${file}: ${err.message}`);
        return 1;
      }
      console.log(`backup written to ${file}`);
      return 0;
    },
    { mustExist: true },
  );
}
