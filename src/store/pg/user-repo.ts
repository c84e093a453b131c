import type pg from 'pg';
import type { UserStore } from '../../tasks/index.js';
import { toUser, type UserRow } from '../user-repo.js';
import type { AsyncPort } from './async-port.js';

/** Registered people in PostgreSQL; deactivation keeps the row (their updates still name them). */
export function createPgUserRepo(pool: pg.Pool) {
  return {
    get: async (key) => {
      const { rows } = await pool.query<UserRow>('SELECT * FROM users WHERE key = $1', [key]);
      return rows[0] && toUser(rows[0]);
    },
    list: async () => (await pool.query<UserRow>('SELECT * FROM users ORDER BY created_at, key')).rows.map(toUser),
    deactivate: async (key) =>
      ((await pool.query('UPDATE users SET active = FALSE WHERE key = $1', [key])).rowCount ?? 0) > 0,
  } satisfies AsyncPort<UserStore>;
}
