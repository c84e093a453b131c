import type pg from 'pg';
import type { UserStore } from '../../tasks/index.js';
import { toUser, type UserRow } from '../user-repo.js';
import { inTransaction } from './pool.js';

/** Registered people in PostgreSQL; deactivation keeps the row (their updates still name them). */
export function createPgUserRepo(pool: pg.Pool) {
  return {
    get: async (key) => {
      const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE key = $1', [key]);
      return rows[0] && toUser(rows[0]);
    },
    list: async () => (await pool.query<UserRow>('SELECT * FROM users ORDER BY created_at, key')).rows.map(toUser),
    // Ends their dashboard sessions in the same transaction, as the SQLite store does.
    deactivate: (key) =>
      inTransaction(pool, async (c) => {
        await c.query('UPDATE dashboard_sessions SET ended_at = $1 WHERE user_key = $2 AND ended_at IS NULL', [
          new Date(),
          key,
        ]);
        return ((await c.query('UPDATE users SET active = FALSE WHERE key = $1', [key])).rowCount ?? 0) > 0;
      }),
  } satisfies UserStore;
}
