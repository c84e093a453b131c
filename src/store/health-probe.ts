import type { Db } from './sqlite.js';

/**
 * Writes and commits the one row of `health_probe`: throws when the database cannot be written (full disk,
 * read-only file or folder), which a read like `select 1` does not find.
 */
export function probeWrite(db: Db, now: Date): void {
  db.prepare(
    'INSERT INTO health_probe (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
  ).run(now.toISOString());
}
