import type pg from 'pg';
import type { SubscriptionStore } from '../../tasks/index.js';

/** Digest choices made with /nhandigest and /tatdigest in PostgreSQL (one row per user, the latest choice). */
export function createPgSubscriptionRepo(pool: pg.Pool) {
  return {
    set: async (userKey, subscribed, now) => {
      await pool.query(
        `INSERT INTO digest_subscriptions (user_key, subscribed, updated_at) VALUES ($1, $2, $3)
         ON CONFLICT (user_key) DO UPDATE SET subscribed = excluded.subscribed, updated_at = excluded.updated_at`,
        [userKey, subscribed, now],
      );
    },
    get: async (userKey) => {
      const { rows } = await pool.query<{ subscribed: boolean }>(
        'SELECT subscribed FROM digest_subscriptions WHERE user_key = $1',
        [userKey],
      );
      return rows[0]?.subscribed ?? null;
    },
    all: async () => {
      const { rows } = await pool.query<{ user_key: string; subscribed: boolean }>(
        'SELECT user_key, subscribed FROM digest_subscriptions',
      );
      return new Map(rows.map((r) => [r.user_key, r.subscribed]));
    },
  } satisfies SubscriptionStore;
}
