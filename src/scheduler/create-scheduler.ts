import { CALENDAR_TIME_ZONE } from '../calendar/index.js';
import { Cron } from 'croner';
import type { DeliveryOutcome } from './deliver.js';
import { LATE_AFTER_MS, type JobDeps } from './deps.js';
import { runDigest } from './digest-job.js';
import { purgeQuestions, runQuestionReport } from './question-job.js';
import { runReminders } from './reminder-job.js';
import { checkCron, latestRun } from './schedule.js';

/** How often owed messages are looked for again (claims left by a crash, failed sends with attempts left). */
export const SWEEP_CRON = '*/10 * * * *';

/** When questions past their retention are deleted: every night at 03:00 Hanoi time (and at start). */
export const PURGE_CRON = '0 3 * * *';

/**
 * A slot older than this is not caught up: after a long stop the next digest tells what moved since the last one
 * sent, and a reminder still owed is owed on its next slot too.
 */
export const CATCH_UP_HORIZON_MS = 24 * 3600_000;

export type Scheduler = {
  /** Starts the jobs and first sends what fell due while the bot was down (marked late). */
  start(): Promise<DeliveryOutcome[]>;
  /** Sends whatever the latest digest and reminder slots still owe; safe to call any time, from any instance. */
  catchUp(): Promise<DeliveryOutcome[]>;
  stop(): void;
};

/**
 * The digest, reminder and weekly question-list jobs on croner, always in Asia/Ho_Chi_Minh, with catch-up and
 * exactly-once delivery; old questions purged nightly.
 */
export function createScheduler(deps: JobDeps): Scheduler {
  checkCron(deps.digestCron);
  checkCron(deps.reminderCron);
  checkCron(deps.questionReportCron);
  const jobs: Cron[] = [];
  const log = (err: unknown) => deps.log?.('error', 'scheduler: job failed', { err: String(err) });

  const owed = async (cron: string, run: typeof runDigest, cronFired: boolean) => {
    const now = deps.now();
    const slot = latestRun(cron, now);
    const age = slot ? now.getTime() - slot.getTime() : Infinity;
    if (!slot || age > CATCH_UP_HORIZON_MS) return [];
    return run(deps, slot, !cronFired && age >= LATE_AFTER_MS);
  };
  const catchUp = async () => [
    ...(await owed(deps.digestCron, runDigest, false)),
    ...(await owed(deps.reminderCron, runReminders, false)),
    ...(await owed(deps.questionReportCron, runQuestionReport, false)),
  ];
  const every = (cron: string, fn: () => Promise<unknown>) =>
    jobs.push(
      new Cron(cron, { timezone: CALENDAR_TIME_ZONE, protect: true, catch: log }, async () => {
        await fn();
      }),
    );

  return {
    start: async () => {
      every(deps.digestCron, () => owed(deps.digestCron, runDigest, true));
      every(deps.reminderCron, () => owed(deps.reminderCron, runReminders, true));
      every(deps.questionReportCron, () => owed(deps.questionReportCron, runQuestionReport, true));
      every(SWEEP_CRON, catchUp);
      every(PURGE_CRON, async () => void (await purgeQuestions(deps)));
      await purgeQuestions(deps);
      return catchUp();
    },
    catchUp,
    stop: () => {
      for (const job of jobs.splice(0)) job.stop();
    },
  };
}
