import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from 'grammy/types';

/** Where Telegram posts updates: the url and secret_token given to setWebhook. */
export type WebhookTarget = { url: string; secret: string };

/** How a post was answered: the HTTP status, and the bot process (generation) that answered it. */
export type PushAnswer = { status: number; gen: number };

export type WebhookPushOptions = {
  /** Posts one update to the target; rejects when the connection fails or is dropped before an answer. */
  post(update: Update, target: WebhookTarget): Promise<PushAnswer>;
  /** Pause before an update whose post failed is posted again; default 200 ms. */
  retryMs?: number;
  /**
   * A queued update is posted for the first time (it may reach the bot, which may answer, before its post's answer
   * comes back); called once per queued copy. Default nothing.
   */
  onPost?(update: Update): void;
  /** The update was acknowledged (a 2xx answer) by bot process `gen`. */
  onDeliver(update: Update, gen: number): void;
};

export type WebhookPush = {
  /** setWebhook (a target) or deleteWebhook (none: posts wait until a target is set again). */
  setTarget(target: WebhookTarget | undefined): void;
  /** Queues an update of a chat; a chat's updates are posted one at a time, in the order queued. */
  push(chatId: number, update: Update): void;
  /** Whether the update (any of its queued copies) still waits for a 2xx answer. */
  isPending(updateId: number): boolean;
  /** Posts made; posts to be made again, by what went wrong ("connection" or the HTTP status). */
  stats(): { posts: number; retried: Record<string, number> };
  /** Ends every chat's loop after its post in flight. */
  stop(): void;
};

const DEFAULT_RETRY_MS = 200;

/**
 * Telegram's webhook delivery: each update is posted until it is answered 2xx (a connection error, a dropped
 * connection or any other status is tried again after a pause), so an update is never acknowledged without a 2xx.
 * A chat's next update is posted only once the one before was acknowledged, which keeps each chat in order.
 */
export function createWebhookPush(options: WebhookPushOptions): WebhookPush {
  const retryMs = options.retryMs ?? DEFAULT_RETRY_MS;
  const queues = new Map<number, Update[]>();
  const pending = new Map<number, number>();
  const retried: Record<string, number> = {};
  let targetWaiters: (() => void)[] = [];
  let target: WebhookTarget | undefined;
  let stopped = false;
  let posts = 0;

  const untilTarget = () => new Promise<void>((resolve) => targetWaiters.push(resolve));
  const wakeAll = () => {
    const waiters = targetWaiters;
    targetWaiters = [];
    for (const w of waiters) w();
  };

  /** One post: the answer, or why it is to be made again. */
  async function attempt(update: Update, to: WebhookTarget): Promise<PushAnswer | string> {
    posts++;
    try {
      const answer = await options.post(update, to);
      return answer.status >= 200 && answer.status < 300 ? answer : String(answer.status);
    } catch {
      return 'connection';
    }
  }

  async function drain(chatId: number, queue: Update[]): Promise<void> {
    let posted = false;
    while (queue.length > 0 && !stopped) {
      if (!target) {
        await untilTarget();
        continue;
      }
      const update = queue[0]!;
      if (!posted) options.onPost?.(update);
      posted = true;
      const outcome = await attempt(update, target);
      if (typeof outcome === 'string') {
        retried[outcome] = (retried[outcome] ?? 0) + 1;
        await sleep(retryMs);
        continue;
      }
      queue.shift();
      posted = false;
      const left = pending.get(update.update_id)! - 1;
      if (left === 0) pending.delete(update.update_id);
      else pending.set(update.update_id, left);
      options.onDeliver(update, outcome.gen);
    }
    if (queues.get(chatId) === queue) queues.delete(chatId);
  }

  return {
    setTarget: (next) => {
      target = next;
      if (next) wakeAll();
    },
    push: (chatId, update) => {
      pending.set(update.update_id, (pending.get(update.update_id) ?? 0) + 1);
      const queue = queues.get(chatId);
      if (queue) {
        queue.push(update);
        return;
      }
      const fresh = [update];
      queues.set(chatId, fresh);
      void drain(chatId, fresh);
    },
    isPending: (updateId) => pending.has(updateId),
    stats: () => ({ posts, retried: { ...retried } }),
    stop: () => {
      stopped = true;
      wakeAll();
    },
  };
}
