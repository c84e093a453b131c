import { foldCase, normalizeText } from '../text/index.js';
import { QUESTION_ENDINGS, TASK_WORDS } from './lexicon.js';
import { parseUpdateArgs, readStatus } from './parse-update.js';
import type { Result } from './result.js';
import { TASK_NO, type UpdateInput, type UpdateInputError } from './update-input.js';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OPENING = new RegExp(
  `^(?:${TASK_WORDS.map(escape).join('|')})\\s*(?:so\\s*)?(${TASK_NO})\\b[\\s,:;.\\-–]*(?:(?:da|van|con|hien)\\s+)?`,
);
const QUESTION_END = new RegExp(`(?:^|\\s)(?:${QUESTION_ENDINGS.map(escape).join('|')})\\s*[.!]*$`);

/**
 * Recognises a sentence that reports progress, e.g. "Nhiệm vụ 4 đã hoàn thành, đã ban hành công văn 15",
 * and parses it like `/capnhat`. Returns null when the text is not such a sentence (questions never are:
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
  return parseUpdateArgs(`${opening[1]} ${rest}`);
}
