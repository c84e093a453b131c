import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Opens (creating the folder and file if needed) a SQLite database with WAL, foreign keys and full sync. */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // An acknowledged update must survive a power cut, not only a crash.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  return db;
}
