import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { DeliveryLog } from '../tasks/index.js';
import { sleep as defaultSleep } from './sleep.js';

/**
 * Names this process in delivery claims, as `host:pid:random id`: a restarted process is a new owner, and the store
 * takes at once the claims of a process of this host that is gone (others' only after the lease).
 */
export const PROCESS_OWNER = `${hostname()}:${process.pid}:${randomUUID()}`;
/** How long to wait before asking again about a message another process has claimed and not yet answered. */
export const BUSY_RETRY_MS = 5_000;

/** What a channel needs to answer each incoming message once. */
export type AnswerOnceOptions = {
  /** The delivery log (`store.deliveries`); without it every delivery is answered. */
  deliveries?: DeliveryLog;
  /** Default {@link PROCESS_OWNER}. */
  owner?: string;
  /** Default the system clock. */
  now?: () => Date;
  /** Default a timer; injected in tests. */
  sleep?: (ms: number) => Promise<void>;
};

/** The platform's name for one delivery: the channel and the id its inbox keeps (Telegram's update_id, Zalo's message_id). */
export type Delivery = { channel: string; id: string };

/**
 * Runs `answer` unless this message was answered already or is being answered in this process ('duplicate': the
 * caller drops it). When another process holds a fresh claim, waits and asks again: either it answers (then this is
 * a duplicate) or it died, and after the lease this process answers, so a message redelivered right after a crash
 * and restart is neither lost nor answered twice. The claim is finished once `answer` resolves; when it throws, the
 * claim is left for the lease and the error goes on to the caller.
 */
export async function answerOnce(
  options: AnswerOnceOptions,
  delivery: Delivery,
  answer: () => Promise<void>,
): Promise<'answered' | 'duplicate'> {
  const { deliveries, owner = PROCESS_OWNER, now = () => new Date(), sleep = defaultSleep } = options;
  if (deliveries) {
    for (;;) {
      const claim = await deliveries.claim(delivery.channel, delivery.id, owner, now());
      if (claim === 'duplicate') return 'duplicate';
      if (claim === 'new') break;
      await sleep(BUSY_RETRY_MS);
    }
  }
  await answer();
  await deliveries?.finish(delivery.channel, delivery.id, now());
  return 'answered';
}
