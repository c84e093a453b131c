import type { Answer } from '../search/index.js';
import type { QuestionLog } from '../tasks/index.js';
import type { CommandContext } from './deps.js';
import { userKeyOf } from './user-key.js';

/** Answers that say the plans do not give what was asked: a place, a task or an office they do not name, or nothing. */
const NOT_ANSWERED: ReadonlySet<Answer['body']['kind']> = new Set([
  'out_of_scope',
  'unknown_place',
  'unknown_task',
  'unknown_agency',
]);

/** Whether an answer gave what was asked (an answer saying the plans do not cover it did not). */
export const isAnswered = (answer: Answer): boolean => !NOT_ANSWERED.has(answer.body.kind);

/** Keeps a question with what it was read as, its sources and whether it was answered; returns its id. */
export function logQuestion(
  questions: QuestionLog,
  text: string,
  answer: Answer,
  ctx: CommandContext,
): Promise<number> {
  return questions.record({
    askedAt: ctx.now,
    channel: ctx.message.channel,
    userKey: userKeyOf(ctx.message),
    text,
    intent: answer.intent,
    kind: answer.body.kind,
    answered: isAnswered(answer),
    citations: answer.citations.map(({ plan, task, section }) => ({ plan, task, section })),
  });
}
