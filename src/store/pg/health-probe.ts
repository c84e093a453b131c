import type pg from 'pg';

/** Writes and commits the one row of `health_probe`: throws when the database cannot be written (read-only, full). */
export async function probePgWrite(pool: pg.Pool, now: Date): Promise<void> {
  await pool.query(
    'INSERT INTO health_probe (id, checked_at) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at',
    [now],
  );
}
