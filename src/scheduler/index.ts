/**
 * Outer layer: when digests and reminders go out. croner jobs in Asia/Ho_Chi_Minh, catch-up of what fell due
 * while down, and exactly-once delivery through the notification log and a `send` port.
 */
export { createScheduler, PURGE_CRON, SWEEP_CRON, type Scheduler } from './create-scheduler.js';
/** Jobs, callable directly (tests, the /digest command of report-commands). */
export { runDigest, digestReplies, currentProgress } from './digest-job.js';
export { runReminders } from './reminder-job.js';
/** The admins' weekly list of questions, and the nightly purge of questions past QUESTION_LOG_DAYS. */
export { purgeQuestions, runQuestionReport } from './question-job.js';
export { DEFAULT_REMINDER_CRON, LATE_AFTER_MS, type JobDeps } from './deps.js';
export { deliverOnce, notification, type DeliveryOutcome, type Send } from './deliver.js';
/** Schedule maths on Hanoi time: `nextRun("30 7 * * 1-5", now)`. */
export { latestRun, nextRun, runBefore } from './schedule.js';
