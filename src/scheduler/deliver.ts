import type { Log, Reply } from '../chat/index.js';
import type { Notification, NotificationLog } from '../tasks/index.js';

/** Delivers one reply to one person on their channel; throws when the platform refuses. */
export type Send = (recipient: string, reply: Reply) => Promise<void>;

export type DeliveryDeps = {
  notifications: NotificationLog;
  send: Send;
  now: () => Date;
  /** Names this process in claims (two instances by mistake are told apart). */
  owner: string;
  /** A claim older than this that never finished (a crash mid-send) is taken again. */
  leaseMs: number;
  /** Where failed sends are told (the scheduler never imports a logger); default silent. */
  log?: Log;
  /**
   * Awaited after each message sent, to stay under the platforms' broadcast limits (Telegram: about 30 messages a
   * second); e.g. `() => sleep(40)`. Default: none (the channels also retry on 429).
   */
  pace?: () => Promise<void>;
};

export type DeliveryOutcome = 'sent' | 'skipped' | 'failed';

/**
 * Sends `reply` once for `n`: claims it first (a claim or a send by anyone else means skip), then marks it sent,
 * or failed with the reason; a failed recipient is logged and never stops the others. A null reply (nothing to say,
 * e.g. no chart on a quiet day) is recorded as done without sending.
 */
export async function deliverOnce(
  deps: DeliveryDeps,
  n: Notification,
  reply: () => Reply | null | Promise<Reply | null>,
): Promise<DeliveryOutcome> {
  if (!(await deps.notifications.claim(n, deps.owner, deps.now(), deps.leaseMs))) return 'skipped';
  try {
    const message = await reply();
    if (message) await deps.send(n.recipient, message);
  } catch (err) {
    const reason = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    await deps.notifications.markFailed(n.key, reason);
    deps.log?.('warn', 'scheduler: send failed, recipient skipped', { key: n.key, reason });
    return 'failed';
  }
  await deps.notifications.markSent(n.key, deps.now());
  await deps.pace?.();
  return 'sent';
}

/** The notification key: kind, recipient, plan and slot. */
export function notification(kind: string, recipient: string, plan: string, slot: string, late: boolean): Notification {
  return { key: [kind, recipient, plan, slot].join('|'), kind, recipient, plan, slot, late };
}
