import { foldCase, normalizeText } from '../text/index.js';
import { QUESTION_ENDINGS, TASK_WORDS } from './lexicon.js';
import { parseUpdateArgs, readStatus } from './parse-update.js';
import type { Result } from './result.js';
import { SECTION_REF, TASK_NO, type UpdateInput, type UpdateInputError } from './update-input.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// A section reference ("iv.2.b") needs no word before it; a bare number ("4 xong") is too likely something else.
const OPENING = new RegExp(
  `^(?:(?:${TASK_WORDS.map(escape).join('|')})\\s*(?:so\\s*)?(${TASK_NO})|(${SECTION_REF}))(?![\\w-])[\\s,:;.\\-–]*(?:(?:da|van|con|hien)\\s+)?`,
  'd',
);
const QUESTION_END = new RegExp(`(?:^|\\s)(?:${QUESTION_ENDINGS.map(escape).join('|')})\\s*[.!]*$`);

/**
 * Recognises a sentence that reports progress, e.g. "Nhiệm vụ 4 đã hoàn thành, đã ban hành công văn 15",
 * "Mục IV.2.b đã hoàn thành", "iv.2.b xong 50%", and parses it like `/capnhat`. Returns null when the text is not such a sentence (questions never are:
 * "Nhiệm vụ 4 đã xong chưa?").
 */
export function readNaturalUpdate(text: string): Result<UpdateInput, UpdateInputError> | null {
  const original = normalizeText(text).trim();
  const folded = foldCase(original);
  if (folded.includes('?') || QUESTION_END.test(folded)) return null;
  const opening = OPENING.exec(folded);
  if (!opening) return null;
  const rest = original.slice(opening[0].length);
  if (!readStatus(rest)) return null;
  // The reference as written ("III.đ.1"), at the same place in the folded text.
  const [start, end] = opening.indices![opening[1] === undefined ? 2 : 1]!;
  return parseUpdateArgs(`${original.slice(start, end)} ${rest}`);
}
