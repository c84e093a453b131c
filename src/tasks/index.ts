/**
 * The progress domain: statuses, parsing of updates (command and natural form), permissions, the derived
 * state of a task, and the ports (`ProgressStore`, `UserStore`, `InviteStore`, `Clock`) the store implements.
 */
export { type Result, ok, fail } from './result.js';
export {
  progressStatusSchema,
  type ProgressStatus,
  roleSchema,
  type Role,
  MAX_NOTE_LENGTH,
  UNDO_WINDOW_MS,
  DUE_SOON_DAYS,
} from './status.js';
export {
  updateRecordSchema,
  type UpdateRecord,
  type NewUpdate,
  userRecordSchema,
  type UserRecord,
  inviteRecordSchema,
  type InviteRecord,
  type InviteError,
  type ProgressStore,
  type UserStore,
  type InviteStore,
  type Clock,
} from './ports.js';
export { toIsoDay, daysBetween, DEFAULT_TIME_ZONE } from './day.js';
export { periodOf, dueIn } from './period.js';
export { deriveTaskState, derivePlanStates, effectiveUpdates, periodHistory, type TaskState, type TaskStateKind } from './derive.js';
export { accessTo, checkAccess, tasksOf, type Access, type AccessError } from './permissions.js';
export { taskRefSchema, type TaskRef, updateInputSchema, type UpdateInput, type UpdateInputError } from './update-input.js';
export { parseUpdateArgs, completeUpdate, parseTaskRef } from './parse-update.js';
export { readNaturalUpdate } from './natural.js';
export { resolveTask, type ResolveError } from './resolve.js';

export { type UpdateError } from './update-error.js';
