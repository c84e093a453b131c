import type { SubscriptionStore } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/** Digest choices made with /nhandigest and /tatdigest (one row per user, the latest choice; `satisfies SubscriptionStore`). */
export function createSubscriptionRepo(db: Db) {
  const upsert = db.prepare<[string, number, string]>(
    `INSERT INTO digest_subscriptions (user_key, subscribed, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (user_key) DO UPDATE SET subscribed = excluded.subscribed, updated_at = excluded.updated_at`,
  );
  const byUser = db.prepare<[string], { subscribed: number }>(
    'SELECT subscribed FROM digest_subscriptions WHERE user_key = ?',
  );
  const every = db.prepare<[], { user_key: string; subscribed: number }>(
    'SELECT user_key, subscribed FROM digest_subscriptions',
  );
  return promised<SubscriptionStore>({
    set: (userKey, subscribed, now) => void upsert.run(userKey, subscribed ? 1 : 0, now.toISOString()),
    get: (userKey) => {
      const row = byUser.get(userKey);
      return row ? row.subscribed === 1 : null;
    },
    all: () => new Map(every.all().map((r) => [r.user_key, r.subscribed === 1])),
  });
}
