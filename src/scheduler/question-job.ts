import { buildQuestionReport } from '../digest/index.js';
import { renderQuestionReport } from '../messages/index.js';
import { deliverOnce, notification, type DeliveryOutcome } from './deliver.js';
import type { JobDeps } from './deps.js';

const DAY_MS = 86_400_000;
/** The weekly list covers the seven days before its slot. */
const REPORT_SPAN_MS = 7 * DAY_MS;

/**
 * Sends the week's questions (the top unanswered and disliked, grouped by wording) to every active admin, once per
 * slot of QUESTION_REPORT_CRON: the seven days before `slot`.
 */
export async function runQuestionReport(deps: JobDeps, slot: Date, late: boolean): Promise<DeliveryOutcome[]> {
  const admins = (await deps.users.list()).filter((u) => u.active && u.role === 'admin');
  if (admins.length === 0) return [];
  const since = new Date(slot.getTime() - REPORT_SPAN_MS);
  let text: Promise<string> | undefined;
  const build = () =>
    (text ??= deps.questions
      .list({ since })
      .then((rows) => renderQuestionReport(buildQuestionReport(rows, since, slot))));
  const outcomes: DeliveryOutcome[] = [];
  for (const admin of admins) {
    const n = notification('questions', admin.key, '*', slot.toISOString(), late);
    outcomes.push(await deliverOnce(deps, n, async () => ({ text: await build() })));
  }
  return outcomes;
}

/** Deletes the questions older than QUESTION_LOG_DAYS (with their votes); returns how many went. */
export async function purgeQuestions(
  deps: Pick<JobDeps, 'questions' | 'questionLogDays' | 'now' | 'log'>,
): Promise<number> {
  const removed = await deps.questions.purge(new Date(deps.now().getTime() - deps.questionLogDays * DAY_MS));
  if (removed > 0) deps.log?.('info', 'scheduler: old questions deleted', { removed, days: deps.questionLogDays });
  return removed;
}
