import type { UserRecord, UserStore } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

export type UserRow = {
  key: string;
  name: string;
  role: UserRecord['role'];
  plan: string | null;
  unit: string | null;
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  active: number | boolean;
  created_at: string | Date;
};

/** Maps a `users` row (of either store) to the domain record. */
export const toUser = (r: UserRow): UserRecord => ({
  key: r.key,
  name: r.name,
  role: r.role,
  plan: r.plan,
  unit: r.unit,
  active: r.active === 1 || r.active === true,
  createdAt: new Date(r.created_at),
});

/**
 * Registered people in SQLite; deactivation keeps the row (their updates still name them) and ends their dashboard
 * sessions in the same transaction.
 */
export function createUserRepo(db: Db) {
  const byKey = db.prepare<[string], UserRow>('SELECT * FROM users WHERE key = ?');
  const all = db.prepare<[], UserRow>('SELECT * FROM users ORDER BY created_at, key');
  const off = db.prepare<[string]>('UPDATE users SET active = 0 WHERE key = ?');
  const endSessions = db.prepare<[string, string]>(
    'UPDATE dashboard_sessions SET ended_at = ? WHERE user_key = ? AND ended_at IS NULL',
  );
  const deactivate = db.transaction((key: string): boolean => {
    endSessions.run(new Date().toISOString(), key);
    return off.run(key).changes > 0;
  });
  return promised<UserStore>({
    get: (key) => {
      const row = byKey.get(key);
      return row && toUser(row);
    },
    list: () => all.all().map(toUser),
    deactivate: (key) => deactivate.immediate(key),
  });
}
