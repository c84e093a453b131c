import type { Plan } from '../knowledge/index.js';
import type {
  FiguresStore,
  MemberStore,
  NotificationLog,
  ProgressStore,
  QuestionLog,
  SubscriptionStore,
  UserStore,
} from '../tasks/index.js';
import type { DeliveryDeps } from './deliver.js';

/** Everything the scheduled jobs read and write; built in main.ts. */
export type JobDeps = DeliveryDeps & {
  /** The plans in use, read at each run (main passes a getter over the knowledge holder, so a reloaded plan counts). */
  plans: Plan[];
  progress: ProgressStore;
  users: UserStore;
  subscriptions: SubscriptionStore;
  figures: FiguresStore;
  /** Member units of the plans' groups: a task led by a group with members is tracked, and reminded, per member. */
  members: MemberStore;
  notifications: NotificationLog;
  /** Digest schedule (DIGEST_CRON), read in Asia/Ho_Chi_Minh; default "30 7 * * 1-5". */
  digestCron: string;
  /** Reminder schedule, read in Asia/Ho_Chi_Minh: `DEFAULT_REMINDER_CRON`, every day at 08:00. */
  reminderCron: string;
  /** The questions asked and the votes on their answers. */
  questions: QuestionLog;
  /** When the admins get the week's questions (QUESTION_REPORT_CRON), Asia/Ho_Chi_Minh; default "0 8 * * 1". */
  questionReportCron: string;
  /** Questions older than this many days are deleted (QUESTION_LOG_DAYS, default 90), every night at `PURGE_CRON`. */
  questionLogDays: number;
};

/** Reminders go out every day at 08:00 Hanoi time unless main.ts says otherwise. */
export const DEFAULT_REMINDER_CRON = '0 8 * * *';

/** A catch-up that starts this long after its slot says so in the message. */
export const LATE_AFTER_MS = 60_000;
