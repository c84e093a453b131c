import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { databasePath, parseOptions } from '../options.js';
import { withStore } from '../with-store.js';

export const summary = 'online backup of the database to FILE (safe while the bot runs)  [--db FILE]';

const USAGE = 'usage: npm run cli -- backup FILE [--db FILE]   (FILE: a new file, or an earlier backup to replace)';

const canonical = (path: string) => (existsSync(path) ? realpathSync(path) : resolve(path));

/** Why `target` cannot receive a backup of `source`, or null when it can (missing folder, a folder, the database itself). */
function targetProblem(target: string, source: string): string | null {
  const folder = dirname(resolve(target));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) return `folder ${folder} does not exist`;
  if (existsSync(target) && statSync(target).isDirectory())
    return `${target} is a folder; give a file name, like ${target}/troly.db`;
  if (canonical(target) === canonical(source)) return `${target} is the database itself`;
  return null;
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
        await store.backup(file);
      } catch (err) {
        // SQLite refuses e.g. an existing file that is not a database (left untouched) or a full disk.
        if (!(err instanceof Database.SqliteError)) throw err;
        console.error(`backup: cannot write to ${file}: ${err.message}`);
        return 1;
      }
      console.log(`backup written to ${file}`);
      return 0;
    },
    { mustExist: true },
  );
}
