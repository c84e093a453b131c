import type { Send } from '../scheduler/index.js';
import type { Log, UserRecord, UserStore } from '../tasks/index.js';

/**
 * Sends a text to every active user `to` picks who is reachable on a running channel (Telegram `tg:`, Zalo `zl:`);
 * the local terminal admin reads the log instead. Each failure is logged, never thrown. `send` is read at each call:
 * the channels start after the core is built.
 */
export function createNotice(users: UserStore, send: () => Send | undefined, log: Log) {
  return async (text: string, to: (user: UserRecord) => boolean): Promise<void> => {
    const router = send();
    if (!router) return;
    const chosen = (await users.list()).filter((u) => u.active && to(u) && /^(tg|zl):/.test(u.key));
    for (const user of chosen)
      await router(user.key, { text }).catch((err: unknown) =>
        log('warn', 'notice: could not send', { to: user.key, err }),
      );
  };
}

/** The admins. */
export const isAdmin = (user: UserRecord): boolean => user.role === 'admin';
