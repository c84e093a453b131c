/**
 * The progress domain: statuses, parsing of updates (command and natural form), permissions, the derived
 * state of a task, and the ports (`ProgressStore`, `UserStore`, `InviteStore`, `MemberStore`, `SubscriptionStore`, `FiguresStore`, `Clock`, `Log`) the
 * outside implements.
 */

/** Expected outcomes as values: `{ ok: true, value } | { ok: false, error }`. */
export { type Result, ok, fail } from './result.js';

/** Statuses (`not_started`, `in_progress`, `done`, `blocked`), roles, and the limits (note length, undo window, "due soon"). */
export {
  progressStatusSchema,
  type ProgressStatus,
  roleSchema,
  type Role,
  MAX_NOTE_LENGTH,
  UNDO_WINDOW_MINUTES,
  UNDO_WINDOW_MS,
  DUE_SOON_DAYS,
} from './status.js';

/** Records (update, user, invite, figure) and the ports implemented by `store/`; the log port. */
export {
  updateRecordSchema,
  type UpdateRecord,
  type NewUpdate,
  userRecordSchema,
  type UserRecord,
  inviteRecordSchema,
  type InviteRecord,
  type InviteError,
  memberUnitSchema,
  type MemberUnit,
  type MemberStore,
  type ProgressStore,
  type UserStore,
  type InviteStore,
  type SubscriptionStore,
  type Figure,
  type Metric,
  type FiguresStore,
  type Clock,
  type Log,
  type LogLevel,
} from './ports.js';

/**
 * The exactly-once messaging ports, together: `UpdateInbox` (each update received kept until handled), `DeliveryLog`
 * (each incoming message answered once), `NotificationLog` (each digest or reminder sent once).
 */
export type {
  UpdateInbox,
  InboxUpdate,
  DeliveryLog,
  DeliveryClaim,
  NotificationLog,
  Notification,
} from './message-ports.js';
/** Questions asked, with their sources and whether they were answered, and the 👍/👎 given to their answers. */
export type {
  NewQuestion,
  QuestionCitation,
  QuestionFilter,
  QuestionLog,
  QuestionRecord,
  FeedbackOutcome,
  Vote,
} from './question-ports.js';
/** Versions of a plan: the history of renumbered tasks follows them, dropped tasks are retired (`store/` records it). */
export type { RevisionChange, RevisionStore } from './revision-port.js';
/**
 * Uploaded plan files kept in a store several instances share (`PlanFileStore`: put, remove as a tombstone, changes
 * since a version), and the signal that another instance changed them (`PlanFileSignal`).
 */
export type { PlanFileChange, PlanFileContent, PlanFileSignal, PlanFileStore } from './plan-file-port.js';
/** Each chat's conversation memory where every instance sees it (`store.conversations`). */
export type { ConversationLog } from './conversation-port.js';
/** Files published by URL where every instance finds them (`store.publishedFiles`). */
export type { PublishedFile, PublishedFileStore } from './file-port.js';
/** Plan files sent by an admin: the port reading and storing them, what is shown before storing, and why one is refused. */
export type { PlanIntake, PlanUpload, PlanUploadError } from './plan-intake.js';

/** Recurring tasks ("Hằng năm") are tracked per year: `trackingYearOf(task, "2026-06-01")` → "2026"; other tasks "". */
export { trackingYearOf, dueIn, type TrackingYear } from './tracking-year.js';

/** The derived state of a task (no report, in progress, blocked, done on time/late, overdue, due soon); never stored. */
export {
  deriveTaskState,
  derivePlanStates,
  effectiveUpdates,
  type ShareState,
  type TaskState,
  type TaskStateKind,
} from './derive.js';

/**
 * Member units of the groups a plan names: a task led by a group with members is tracked per member
 * (`sharesOf(task, members)` → ["UBND xã Tân Chi", …]); `findGroup(plan, "ubnd cac xa phuong")`, `findUnit`.
 */
export {
  NO_MEMBERS,
  belongsTo,
  findGroup,
  findName,
  findUnit,
  isGroupName,
  memberNames,
  membersByGroup,
  planGroups,
  shareOf,
  sharesOf,
  type UnitLookupError,
  type UnitMembers,
} from './members.js';

/** Who may update what: `accessTo(user, task)` → "full" | "note_only" | "none". */
export { accessTo, checkAccess, tasksOf, type Access, type AccessError } from './permissions.js';

/** The zod-validated shape of an update before its task is looked up. */
export {
  taskRefSchema,
  type TaskRef,
  updateInputSchema,
  type UpdateInput,
  type UpdateInputError,
} from './update-input.js';

/** `parseUpdateArgs("4 đang thực hiện 60% đã dự thảo")` → task 4, in_progress, 60, "đã dự thảo". */
export { parseUpdateArgs, completeUpdate, parseTaskRef } from './parse-update.js';

/** `readNaturalUpdate("Nhiệm vụ 4 đã hoàn thành, đã ban hành công văn 15")` → an update; questions → null. */
export { readNaturalUpdate } from './natural.js';

/** Finds the task a reference names, in the plan it names or the user's plan. */
export { resolveTask, type ResolveError } from './resolve.js';

/** Every reason an update is refused. */
export { type UpdateError } from './update-error.js';

/** The dashboard's one-time sign-in links and sessions (`store/` keeps them, hashed). */
export type { DashboardAuthStore, DashboardSession, SessionOrigin, SignInLinkError } from './dashboard-port.js';
