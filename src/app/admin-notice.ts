import type { Send } from '../scheduler/index.js';
import type { Log, UserStore } from '../tasks/index.js';

/**
 * Sends a text to every active admin reachable on a running channel (Telegram `tg:`, Zalo `zl:`); the local terminal
 * admin reads the log instead. Each failure is logged, never thrown. `send` is read at each call: the channels start
 * after the core is built.
 */
export function createAdminNotice(users: UserStore, send: () => Send | undefined, log: Log) {
  return async (text: string): Promise<void> => {
    const router = send();
    if (!router) return;
    const admins = users.list().filter((u) => u.active && u.role === 'admin' && /^(tg|zl):/.test(u.key));
    for (const admin of admins)
      await router(admin.key, { text }).catch((err: unknown) =>
        log('warn', 'admin notice: could not send', { to: admin.key, err }),
      );
  };
}
