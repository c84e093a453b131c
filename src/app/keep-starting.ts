import { setTimeout as wait } from 'node:timers/promises';
import { GrammyError } from 'grammy';
import { ZaloApiError } from '../channels/zalo/index.js';
import type { Logger } from '../log.js';

/** How a channel that cannot start is tried again; defaults in {@link DEFAULT_RETRY}. */
export type StartRetry = {
  /** One attempt (getMe, deleteWebhook or setWebhook) is abandoned after this long. */
  attemptMs: number;
  /** The wait after the first failed attempt, doubled after each further one... */
  minBackoffMs: number;
  /** ...up to this. */
  maxBackoffMs: number;
  /** Waits `ms` or until `signal` aborts; default a timer. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
};

export const DEFAULT_RETRY: StartRetry = {
  attemptMs: 10_000,
  minBackoffMs: 1_000,
  maxBackoffMs: 60_000,
  sleep: (ms, signal) => wait(ms, undefined, { signal }).catch(() => undefined),
};

/** A channel being started: its first attempt, and how to stop it (the retries, or the channel once started). */
export type ChannelStartup = {
  /** Settles once the first attempt has succeeded or failed: never later than `attemptMs`. */
  firstAttempt: Promise<void>;
  stop(): Promise<void>;
};

export type KeepStartingOptions<T> = {
  name: 'telegram' | 'zalo';
  /** Where the channel's state is shown (/healthz, the 'start: ready' line): 'starting', 'retrying', 'failed', then `running`'s. */
  states: Record<string, string>;
  logger: Logger;
  /** One attempt to start the channel; it gives up when `signal` aborts. */
  attempt(signal: AbortSignal): Promise<T>;
  /** Called once the channel has started: its state and how to stop it. */
  started(value: T): { state: string; stop(): Promise<void> };
  retry?: Partial<StartRetry>;
};

/**
 * Starts a channel without holding up the others: a failure the platform may get over (network down, timeout, 5xx,
 * 429) is logged and tried again in the background with a doubling back-off, the channel shown as 'retrying'; a
 * refusal retrying cannot fix (a bad token, a webhook address refused: any other 4xx) leaves it 'failed'.
 */
export function keepStarting<T>(options: KeepStartingOptions<T>): ChannelStartup {
  const { name, states, logger } = options;
  const retry = { ...DEFAULT_RETRY, ...options.retry };
  const stopping = new AbortController();
  let running: ReturnType<KeepStartingOptions<T>['started']> | undefined;
  let firstDone!: () => void;
  const firstAttempt = new Promise<void>((resolve) => (firstDone = resolve));
  states[name] = 'starting';

  /** One attempt: started, or how long to wait before the next (undefined: give up). */
  const tryOnce = async (attempt: number): Promise<number | undefined> => {
    try {
      const value = await options.attempt(AbortSignal.any([stopping.signal, AbortSignal.timeout(retry.attemptMs)]));
      if (stopping.signal.aborted) return undefined;
      running = options.started(value);
      states[name] = running.state;
      if (attempt > 1) logger.info({ channel: name, attempts: attempt }, `${name}: started after retrying`);
      return undefined;
    } catch (err) {
      if (stopping.signal.aborted) return undefined;
      if (!mayRecover(err)) {
        states[name] = 'failed';
        logger.error({ err, channel: name }, `${name}: could not start`);
        return undefined;
      }
      const waitMs = Math.min(retry.minBackoffMs * 2 ** Math.min(attempt - 1, 20), retry.maxBackoffMs);
      states[name] = 'retrying';
      logger.warn({ err, channel: name, attempts: attempt, waitMs }, `${name}: could not start, retrying`);
      return waitMs;
    }
  };
  const loop = async () => {
    for (let attempt = 1; ; attempt++) {
      const waitMs = await tryOnce(attempt);
      firstDone();
      if (waitMs === undefined) return;
      await retry.sleep(waitMs, stopping.signal);
      if (stopping.signal.aborted) return;
    }
  };
  const done = loop();
  return {
    firstAttempt,
    async stop() {
      stopping.abort();
      await done;
      await running?.stop();
    },
  };
}

/** False for a refusal that will be the same next time: any 4xx from the platform but 408 and 429. */
function mayRecover(err: unknown): boolean {
  const code = err instanceof GrammyError ? err.error_code : err instanceof ZaloApiError ? err.error_code : undefined;
  return code === undefined || code >= 500 || code === 408 || code === 429;
}
