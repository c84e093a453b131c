/**
 * `npm run bench:commits`: the cost in SQLite commits of "seen once, answered once" per message, as the Telegram
 * channel pays it (a polled batch kept in the inbox, then per message: claim, finish, inbox done), on a real database
 * file: with `synchronous = FULL` for every commit, and as the store opens it (`NORMAL`, the inbox's keep `FULL`).
 * Prints JSON; nothing is asserted.
 * `BENCH_MESSAGES` (default 2,000) and `BENCH_BATCH` (default 20) change the sizes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDeliveryRepo, createInboxRepo, openStore } from '../src/store/index.js';
import { percentile, round } from './stats.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 2000);
const BATCH = Number(process.env.BENCH_BATCH ?? 20);

async function run(synchronous: 'FULL' | 'as opened') {
  const dir = mkdtempSync(join(tmpdir(), 'troly-commits-'));
  const store = openStore(join(dir, 'troly.db'));
  try {
    if (synchronous === 'FULL') store.db.pragma('synchronous = FULL');
    const inbox = createInboxRepo(store.db);
    const deliveries = createDeliveryRepo(store.db);
    const times: number[] = [];
    const started = performance.now();
    for (let first = 0; first < MESSAGES; first += BATCH) {
      const batch = Array.from({ length: BATCH }, (_, i) => ({
        id: String(first + i),
        body: { update_id: first + i },
      }));
      const t0 = performance.now();
      await inbox.keep('telegram', batch, new Date());
      const keepMs = (performance.now() - t0) / BATCH;
      for (const { id } of batch) {
        const t = performance.now();
        await deliveries.claim('telegram', id, 'bench', new Date());
        await deliveries.finish('telegram', id, new Date());
        await inbox.done('telegram', id, new Date());
        times.push(performance.now() - t + keepMs);
      }
    }
    const totalMs = performance.now() - started;
    times.sort((a, b) => a - b);
    return {
      synchronous,
      msPerMessage: round(totalMs / MESSAGES),
      p50Ms: round(percentile(times, 50)),
      p99Ms: round(percentile(times, 99)),
      messagesPerS: Math.round(MESSAGES / (totalMs / 1000)),
    };
  } finally {
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(JSON.stringify({ messages: MESSAGES, batch: BATCH, runs: [run('FULL'), run('as opened')] }, null, 2));
