import { z } from 'zod';
import { hasUnsafeChars } from '../text/index.js';
import { fail, ok, type Result } from './result.js';
import { MAX_NOTE_LENGTH, progressStatusSchema, type ProgressStatus } from './status.js';

/** One part of a section path after the first: a number, a letter ("b", "đ"), an unmarked paragraph ("p1"). */
const PATH_PART = '(?:\\d{1,3}|p\\d{1,2}|[a-zA-ZđĐ])';
/**
 * A task number or body duty reference as users type them: "4", "1.2", "II.3" (a Roman group, then numbers),
 * "IV.2.b", "IV.2.b.1", "IV.p2", "IV.2.b-2" (see `trackedItems`). Source text of a regular expression, without
 * anchors, shared by the parsers.
 */
export const TASK_NO = `(?:[IVXLCivxlc]{1,6}|\\d{1,4})(?:\\.${PATH_PART}){0,5}(?:-\\d{1,2})?`;
/** A body duty reference alone, needing no "nhiệm vụ"/"mục" before it: a Roman numeral and at least one part ("iv.2.b"). */
export const SECTION_REF = `[IVXLCivxlc]{1,6}(?:\\.${PATH_PART}){1,5}(?:-\\d{1,2})?`;

/** "04" → "4", "ii.02" → "II.2", "iv.2.B" → "IV.2.b": the form the plan reader gives task numbers and sections. */
export const normalizeTaskNo = (no: string): string =>
  no
    .split('.')
    .map((part, i) => (/^\d+$/.test(part) ? String(Number(part)) : i === 0 ? part.toUpperCase() : part.toLowerCase()))
    .join('.');

/** Which task an update names: its number, and a plan id when written "dai-son#4". */
export const taskRefSchema = z.object({
  plan: z
    .string()
    .regex(/^[a-z0-9][a-z0-9_-]*$/)
    .nullable(),
  no: z.string().regex(new RegExp(`^${TASK_NO}$`, 'u')),
});
export type TaskRef = z.infer<typeof taskRefSchema>;

/** A parsed update before its task is looked up. `status` null: a note without a status change. */
export const updateInputSchema = z
  .object({
    ref: taskRefSchema,
    status: progressStatusSchema.nullable(),
    percent: z
      .number()
      .int()
      .min(0, { error: 'percent_out_of_range' })
      .max(100, { error: 'percent_out_of_range' })
      .nullable(),
    note: z
      .string()
      .max(MAX_NOTE_LENGTH, { error: 'note_too_long' })
      .refine((s) => !hasUnsafeChars(s), { error: 'note_control_chars' }),
  })
  .refine((u) => (u.status !== null && u.status !== 'blocked') || u.note.length > 0, { error: 'note_required' });
export type UpdateInput = z.infer<typeof updateInputSchema>;

/** Why an update could not be read (rendered in Vietnamese by messages/vi-progress.ts). */
export type UpdateInputError =
  | { code: 'task_format'; given: string }
  | { code: 'status_missing' }
  | { code: 'unknown_status'; given: string }
  | { code: 'percent_out_of_range'; value: number }
  | { code: 'note_required'; status: ProgressStatus | null }
  | { code: 'note_too_long'; length: number; max: number }
  | { code: 'note_control_chars' };

/** Validates a candidate update with zod and turns the first issue into a coded error. */
export function validateUpdateInput(candidate: UpdateInput): Result<UpdateInput, UpdateInputError> {
  const parsed = updateInputSchema.safeParse(candidate);
  if (parsed.success) return ok(parsed.data);
  // Each check names its error code as its zod message.
  const code = parsed.error.issues[0]!.message;
  switch (code) {
    case 'percent_out_of_range':
      return fail({ code, value: candidate.percent ?? 0 });
    case 'note_too_long':
      return fail({ code, length: candidate.note.length, max: MAX_NOTE_LENGTH });
    case 'note_control_chars':
      return fail({ code });
    case 'note_required':
      return fail({ code, status: candidate.status });
    default:
      return fail({
        code: 'task_format',
        given: `${candidate.ref.plan ? `${candidate.ref.plan}#` : ''}${candidate.ref.no}`,
      });
  }
}
