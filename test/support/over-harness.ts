import { createScheduler, type Scheduler, type Send } from '../../src/scheduler/index.js';
import { DIGEST_CRON, type ChatHarness } from './chat-harness.js';

/** The store pieces of the digest over whatever store the chat harness has open now (it reopens on restart). */
function storeOf(h: () => ChatHarness) {
  return {
    get plans() {
      return h().plans;
    },
    get progress() {
      return h().store().progress;
    },
    get users() {
      return h().store().users;
    },
    get subscriptions() {
      return h().store().subscriptions;
    },
    get figures() {
      return h().store().figures;
    },
    get notifications() {
      return h().store().notifications;
    },
    get questions() {
      return h().store().questions;
    },
    get members() {
      return h().store().members;
    },
  };
}

/** A scheduler on the harness's store and clock, sending through `send`. */
export function schedulerOver(h: () => ChatHarness, send: Send): Scheduler {
  const deps = Object.assign(storeOf(h), {
    send,
    now: () => h().now(),
    owner: 'test',
    leaseMs: 5 * 60_000,
    digestCron: DIGEST_CRON,
    reminderCron: '0 8 * * *',
    questionReportCron: '0 8 * * 1',
    questionLogDays: 90,
  });
  return createScheduler(deps);
}
