/**
 * Digest, reminders, the periodic report model and target figures. Pure: the scheduler (outer layer) decides when,
 * the store remembers what was sent, a `send` port delivers.
 */
export type { PlanProgress } from './types.js';
/** A plan's progress as it stood at a moment (updates and figures up to then). */
export { planProgress } from './progress.js';
/** Reporting periods: `parseReportPeriod("2026-H1")`, `reportPeriodContaining('quarter', now)`. */
export { inReportPeriod, parseReportPeriod, reportPeriodContaining, type ReportPeriod } from './report-period.js';
/** `/solieu` arguments: `parseFigures("hoinghi 2026 tong=40 tructuyen=26", 2026)`. */
export { figureValue, parseFigures, type FigureInput, type FiguresError, type FiguresParse } from './figures.js';
/** Targets against figures: 26 of 40 online is 65% against ≥60%, met. */
export { distinctTargets, evaluateTargets, type TargetResult } from './targets.js';
/** The dated occurrences of a plan's reporting duties. */
export { upcomingReports, type ReportingOccurrence } from './reporting.js';
/** How a task's state shows in the counts and the chart: done, in progress, overdue, no report. */
export { BUCKETS, bucketOf, type Bucket } from './buckets.js';
/** The morning digest of one plan. */
export { SILENT_DAYS, buildDigest, sharesDone, type DigestItem, type PlanDigest } from './build-digest.js';
/**
 * The per-unit view: tasks done / in progress / overdue / no report per unit (each member of a group with declared
 * members by its own share), the units that need a push first: `countByUnit(progress.states)`.
 */
export { countByUnit, type UnitCounts } from './units.js';
/** Reminders a plan owes on a day, and the states of the only tasks that could owe one. */
export { planReminders, reminderStates, type PlannedReminder, type ReminderKind } from './reminders.js';
/** The periodic report model, rendered to files by reports/. */
export { buildReport, type ReportModel, type ReportRow } from './report-model.js';
/** Who receives a digest or a reminder. */
export { digestRecipients, taskRecipients, unitRecipients } from './recipients.js';
/** The admins' weekly list: the top unanswered and disliked questions, worded-alike ones grouped with their counts. */
export {
  buildQuestionReport,
  groupQuestions,
  QUESTION_REPORT_TOP,
  type QuestionGroup,
  type QuestionReport,
} from './question-report.js';
