import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * Opens (creating the folder and file if needed) a SQLite database with WAL, foreign keys and `synchronous = NORMAL`:
 * a commit survives the process being killed (it is in the WAL, which the OS holds) without waiting for the disk; a
 * power cut may take back the last commits, never corrupt the file. What must survive a power cut too is written with
 * {@link durably}. (README, "Durability".)
 */
export function openDatabase(path: string): Db {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Runs `write` (one transaction) with `synchronous = FULL`: its commit, and every commit before it, is on the disk
 * when it returns, so it survives a power cut. For the updates the platform will forget once confirmed (the inbox).
 */
export function durably<T>(db: Db, write: () => T): T {
  const before = db.pragma('synchronous', { simple: true });
  db.pragma('synchronous = FULL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${before}`);
  }
}
