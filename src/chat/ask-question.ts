import { askUsage, questionTooLongText } from '../messages/index.js';
import type { Core } from './core.js';
import type { CommandContext } from './deps.js';
import type { Reply } from './types.js';

/** Longer than any question an official types: a pasted document would only get a reply about some stray word of it. */
const MAX_QUESTION_CHARS = 1000;

/** A question as typed (`/hoi ...` or plain text): a blank one is shown how to ask, an overlong one is asked to be shorter. */
export function askQuestion(core: Core, ctx: CommandContext, question: string): Reply[] | Promise<Reply[]> {
  const q = question.trim();
  if (q === '') return [{ text: askUsage }];
  if (q.length > MAX_QUESTION_CHARS) return [{ text: questionTooLongText(q.length, MAX_QUESTION_CHARS) }];
  return core.deps.ask(q, ctx);
}
