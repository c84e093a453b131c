import type { ServerResponse } from 'node:http';
import type { Update } from 'grammy/types';
import { sendJson } from '../../test/support/bot-api-wire.js';
import type { UpdateQueue } from './update-queue.js';

const CONFLICT = {
  ok: false,
  error_code: 409,
  description: 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
};
/** Telegram holds a poll at most this long, whatever `timeout` asks. */
const MAX_POLL_SECONDS = 50;

/** getUpdates parameters (numbers may arrive as strings from a form). */
export type PollParams = { offset?: unknown; limit?: unknown; timeout?: unknown };

export type LongPoll = {
  /** Answers a getUpdates call from bot process `gen`: at once when updates wait, else when one comes or the timeout ends. */
  poll(res: ServerResponse, params: PollParams, gen: number): void;
  /** Updates were queued: the waiting poll gets them on the next turn (updates queued in one turn go out together). */
  wake(): void;
  /** Drops the waiting poll of a dead process. */
  drop(gen: number): void;
};

type Waiter = { res: ServerResponse; gen: number; limit: number | undefined; timer: NodeJS.Timeout };

const numberOr = (value: unknown, fallback: number | undefined) =>
  value === undefined || value === '' ? fallback : Number(value);

/**
 * Telegram's long polling over an update queue: one poll waits at a time, and a second poll ends the first with 409
 * Conflict (two bot instances). `onDeliver` hears of every update handed out, with the process it went to.
 */
export function createLongPoll(queue: UpdateQueue, onDeliver: (updates: Update[], gen: number) => void): LongPoll {
  let waiter: Waiter | undefined;
  let waking = false;

  function answer(w: Waiter, updates: Update[]): void {
    clearTimeout(w.timer);
    if (waiter === w) waiter = undefined;
    onDeliver(updates, w.gen);
    sendJson(w.res, 200, { ok: true, result: updates });
  }

  function drop(): void {
    if (waiter) clearTimeout(waiter.timer);
    waiter = undefined;
  }

  return {
    poll: (res, params, gen) => {
      if (waiter && !waiter.res.writableEnded) sendJson(waiter.res, 409, CONFLICT);
      drop();
      const limit = numberOr(params.limit, undefined);
      const updates = queue.take(numberOr(params.offset, undefined), limit);
      const timeout = Math.min(numberOr(params.timeout, 0)!, MAX_POLL_SECONDS);
      const w: Waiter = { res, gen, limit, timer: setTimeout(() => answer(w, []), timeout * 1000) };
      if (updates.length > 0 || timeout <= 0) return answer(w, updates);
      waiter = w;
      res.on('close', () => {
        if (waiter === w) drop();
      });
    },
    wake: () => {
      if (!waiter || waking) return;
      waking = true;
      setImmediate(() => {
        waking = false;
        if (waiter && queue.size > 0) answer(waiter, queue.take(undefined, waiter.limit));
      });
    },
    drop: (gen) => {
      if (waiter?.gen === gen) drop();
    },
  };
}
