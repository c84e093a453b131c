import { z } from 'zod';
import { feedbackAckText } from '../messages/index.js';
import type { Vote } from '../tasks/index.js';
import type { CommandContext } from './deps.js';
import type { Core } from './core.js';
import type { FeedbackChoices, Reply } from './types.js';
import { userKeyOf } from './user-key.js';

const VOTE_CODE = { up: 'u', down: 'd' } as const satisfies Record<Vote, string>;

/**
 * The choice data a vote comes back as: `fb:<question id>:u` (👍) or `fb:<question id>:d` (👎), a dozen bytes
 * (Telegram allows 64), so it travels as is and still works after a restart.
 */
export const feedbackDataSchema = z
  .string()
  .max(24)
  .regex(/^fb:[1-9]\d{0,14}:[ud]$/)
  .transform((data) => {
    const [, id, code] = data.split(':');
    return { questionId: Number(id), vote: (code === VOTE_CODE.up ? 'up' : 'down') as Vote };
  });
export type FeedbackData = z.output<typeof feedbackDataSchema>;

/** The vote a choice's data stands for, or undefined when it is no feedback choice (or is malformed). */
export function parseFeedbackData(data: string): FeedbackData | undefined {
  const parsed = feedbackDataSchema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/** The choice data of the two votes on the answer to question `questionId`. */
export const feedbackChoices = (questionId: number): FeedbackChoices => ({
  up: `fb:${questionId}:${VOTE_CODE.up}`,
  down: `fb:${questionId}:${VOTE_CODE.down}`,
});

/** A vote on an answer: recorded once per person per answer (a second one replaces the first), and acknowledged. */
export async function onFeedback(core: Core, ctx: CommandContext, data: FeedbackData): Promise<Reply[]> {
  const questions = core.deps.questions;
  const outcome = questions
    ? await questions.rate(data.questionId, userKeyOf(ctx.message), data.vote, ctx.now)
    : 'unknown_question';
  return [{ text: feedbackAckText(outcome, data.vote) }];
}
