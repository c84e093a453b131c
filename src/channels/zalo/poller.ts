import type { Log } from '../../chat/index.js';
import { sleep as realSleep, type Sleep } from '../sleep.js';
import type { ZaloClient } from './client.js';
import { ZaloApiError } from './errors.js';

export type ZaloPollerOptions = {
  client: Pick<ZaloClient, 'getUpdates'> & {
    /** Takes one raw update; awaited before the next getUpdates call (the inbox keeps it first). */
    processUpdate: (raw: unknown) => unknown;
  };
  log: Log;
  /** Seconds one getUpdates call may wait for an update; default 30. */
  timeoutSeconds?: number;
  /** First wait after a failed call, doubled at each further failure; default 1,000 ms. */
  minBackoffMs?: number;
  /** Longest wait between failed calls; default 30,000 ms. */
  maxBackoffMs?: number;
  /** Awaited before each call, e.g. until few enough chats are being answered (back-pressure); default: none. */
  ready?: () => Promise<void>;
  sleep?: Sleep;
};

/** A running long-polling loop. */
export type ZaloPoller = {
  /** Stops taking updates (cutting the pending long poll short) and resolves when the loop has ended. */
  stop(): Promise<void>;
};

/**
 * Starts the long-polling loop: getUpdates (one update per call, no offset), each update handed to processUpdate.
 * Any error — network, 5xx, 429 beyond the client's own retries — is logged and followed by a back-off; nothing stops it but stop().
 */
export function startZaloPoller(options: ZaloPollerOptions): ZaloPoller {
  const controller = new AbortController();
  const done = loop(options, controller.signal);
  return {
    async stop() {
      controller.abort();
      await done;
    },
  };
}

async function loop(options: ZaloPollerOptions, signal: AbortSignal): Promise<void> {
  const { client, log, timeoutSeconds = 30, ready = async () => {} } = options;
  const sleep = options.sleep ?? realSleep;
  let failures = 0;
  while (!signal.aborted) {
    try {
      await ready();
      if (signal.aborted) break;
      const raw = await client.getUpdates({ timeout: timeoutSeconds, signal });
      failures = 0;
      if (raw !== undefined && raw !== null) await client.processUpdate(raw);
    } catch (err) {
      if (signal.aborted) break;
      failures += 1;
      const waitMs = backoff(err, failures, options);
      log(failures > 3 ? 'error' : 'warn', 'zalo: polling failed, retrying', { err, failures, waitMs });
      await sleep(waitMs, signal);
    }
  }
}

/** The server's retry-after when it gave one, else an exponential back-off. */
function backoff(err: unknown, failures: number, options: ZaloPollerOptions): number {
  const { minBackoffMs = 1000, maxBackoffMs = 30_000 } = options;
  if (err instanceof ZaloApiError && err.retryAfter !== undefined) return Math.min(err.retryAfter * 1000, maxBackoffMs);
  return Math.min(minBackoffMs * 2 ** Math.min(failures - 1, 20), maxBackoffMs);
}
