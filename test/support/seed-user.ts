import type { Store } from '../../src/store/index.js';
import type { NewUpdate, Role } from '../../src/tasks/index.js';

/** A user row to write straight into `users`, as a redeemed invite would leave it. */
export type SeedUser = {
  key: string;
  name: string;
  role?: Role;
  plan: string | null;
  unit: string | null;
  createdAt?: Date;
};

/** The fields of an update the test cares about; the rest default (no status, empty note, a fresh Telegram message). */
export type SeedUpdate = Partial<NewUpdate> & Pick<NewUpdate, 'plan' | 'task' | 'createdAt'>;

/**
 * Writes `user` into the store and gives a way to append progress updates in their name through the store's
 * progress repo (each with a fresh message id); `append` returns the row id and throws when the store refuses.
 */
export function seedUser(store: Store, user: SeedUser): { append(update: SeedUpdate): Promise<number> } {
  store.db
    .prepare('INSERT INTO users (key, name, role, plan, unit, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)')
    .run(
      user.key,
      user.name,
      user.role ?? 'officer',
      user.plan,
      user.unit,
      (user.createdAt ?? new Date('2026-01-01T00:00:00Z')).toISOString(),
    );
  let sent = 0;
  return {
    append: async (update) => {
      const messageId = `${user.key}/${++sent}`;
      const base = {
        trackingYear: '',
        status: null,
        percent: null,
        note: '',
        userKey: user.key,
        userName: user.name,
        channel: 'telegram',
        messageId,
        reverts: null,
      };
      const result = await store.progress.append({ ...base, ...update });
      if (!result.ok) throw new Error(`seed update ${messageId} refused: ${result.error.code}`);
      return result.value.id;
    },
  };
}
