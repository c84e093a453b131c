import { z } from 'zod';

/** What a unit reports about a task. `null` in a record means a note without a status change. */
export const progressStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'blocked']);
export type ProgressStatus = z.infer<typeof progressStatusSchema>;

/** A user's role: officer (one unit), leader (a whole plan), admin (everything). */
export const roleSchema = z.enum(['officer', 'leader', 'admin']);
export type Role = z.infer<typeof roleSchema>;

/** Longest note accepted with an update. */
export const MAX_NOTE_LENGTH = 1000;

/** How long after an update its author may still undo it. */
export const UNDO_WINDOW_MINUTES = 15;
export const UNDO_WINDOW_MS = UNDO_WINDOW_MINUTES * 60 * 1000;

/** How many days ahead a deadline counts as "due soon". */
export const DUE_SOON_DAYS = 7;
