import { foldCase, normalizeText } from '../text/index.js';
import { STATUS_PHRASES } from './lexicon.js';
import { fail, type Result } from './result.js';
import type { ProgressStatus } from './status.js';
import {
  normalizeTaskNo,
  TASK_NO,
  validateUpdateInput,
  type TaskRef,
  type UpdateInput,
  type UpdateInputError,
} from './update-input.js';

const TASK_TOKEN = new RegExp(`^(?:([a-z0-9][a-z0-9_-]*)#)?(?:nv|#)?(${TASK_NO})(?=$|[\\s,.:;])`, 'i');
// A dash right before a digit is a minus sign ("-5%"), kept for the percent check to refuse.
const LEADING_PUNCT = /^(?:[\s,.:;]|[-–—−](?!\d))+/;

/**
 * Reads the arguments of `/capnhat <task> <status> [percent] [note]`, diacritics optional:
 * `parseUpdateArgs("4 đang thực hiện 60% đã họp 2 lần")` → task 4, in_progress, 60, "đã họp 2 lần".
 */
export function parseUpdateArgs(args: string): Result<UpdateInput, UpdateInputError> {
  const text = normalizeText(args).trim();
  const task = TASK_TOKEN.exec(text);
  if (!task) return fail({ code: 'task_format', given: quoted(text.split(/\s+/)[0] ?? '') });
  const ref = toRef(task);
  const rest = text.slice(task[0].length).replace(LEADING_PUNCT, '');
  if (rest === '') return fail({ code: 'status_missing' });
  const status = readStatus(rest);
  if (!status) return fail({ code: 'unknown_status', given: quoted(rest.split(/\s+/).slice(0, 3).join(' ')) });
  return completeUpdate(ref, status.status, status.rest);
}

/**
 * Builds and validates an update from its task, status and the text after the status (an optional
 * percent, then the note): `completeUpdate(ref, 'in_progress', "60% đã dự thảo")`. "xong 50%" is half done: in
 * progress at 50%.
 */
export function completeUpdate(
  ref: TaskRef,
  status: ProgressStatus | null,
  text: string,
): Result<UpdateInput, UpdateInputError> {
  const { percent, note } = readPercent(status, normalizeText(text).trim());
  const partly = status === 'done' && percent !== null && percent >= 0 && percent < 100;
  return validateUpdateInput({ ref, status: partly ? 'in_progress' : status, percent, note });
}

/** Reads a task reference alone ("4", "nv4", "dai-son#4"); null when the text is anything else. */
export function parseTaskRef(text: string): TaskRef | null {
  const trimmed = text.trim();
  const m = TASK_TOKEN.exec(trimmed);
  return m && m[0].length === trimmed.length ? toRef(m) : null;
}

/** What the user wrote, made safe to quote back: at most 30 characters, control characters shown as "?". */
const quoted = (s: string) =>
  [...s]
    .slice(0, 30)
    .join('')
    .replace(/[\u0000-\u001F\u007F-\u009F]/g, '?');

const toRef = (m: RegExpExecArray): TaskRef => ({ plan: m[1]?.toLowerCase() ?? null, no: normalizeTaskNo(m[2]!) });

/** Finds the status phrase at the start of `text`; returns it and the text after it. */
export function readStatus(text: string): { status: ProgressStatus | null; rest: string } | null {
  const folded = foldCase(text);
  for (const [phrase, status] of STATUS_PHRASES) {
    if (!folded.startsWith(phrase)) continue;
    const next = folded.charAt(phrase.length);
    if (next !== '' && /[\p{L}\p{N}]/u.test(next)) continue;
    return { status: status === 'note' ? null : status, rest: text.slice(phrase.length).replace(LEADING_PUNCT, '') };
  }
  return null;
}

function readPercent(status: ProgressStatus | null, text: string): { percent: number | null; note: string } {
  const m = status === 'in_progress' || status === 'done' ? /^([-–—−]?\d{1,6})\s*%/.exec(text) : null;
  const note = (m ? text.slice(m[0].length).replace(LEADING_PUNCT, '') : text).trim();
  const percent = m ? Number(m[1]!.replace(/^\D/, '-')) : null;
  return { percent: status === 'done' && (percent === null || percent < 0 || percent >= 100) ? 100 : percent, note };
}
