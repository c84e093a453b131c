import { describe, expect, it } from 'vitest';
import type { Answer } from '../../../bench/soak/attribute.js';
import { checkAnswers } from '../../../bench/soak/check-answers.js';
import type { SentMessage } from '../../../bench/soak/users.js';

const message = (updateId: number, over: Partial<SentMessage> = {}): SentMessage => ({
  userId: 1,
  kind: 'question',
  step: { kind: 'question', text: 'Ai chủ trì nhiệm vụ 4?' } as SentMessage['step'],
  updateId,
  enqueuedAt: 0,
  settledAt: 0,
  outcome: 'handled',
  acrossKill: false,
  sentWhileDown: false,
  duplicates: 0,
  ...over,
});
const answer = (gen: number): Answer => ({ gen, at: 0, texts: ['Nhiệm vụ 4 – ...'] });
const twice = () => [answer(1), answer(2)];

describe('checkAnswers', () => {
  it('counts a message answered before and after a kill as ambiguous, also when its person repeated it later', () => {
    // The bot logged it handled once: the killed process sent its answer and died before finishing the claim.
    const check = checkAnswers([message(7, { acrossKill: true, duplicates: 1 })], twice, new Set(), () => 1);
    expect(check.duplicateAnsweredAgain.count).toBe(0);
    expect(check.ambiguousAtKill).toMatchObject({ count: 1, answeredTwice: 1, lost: 0 });
  });

  it('counts a repeated message the bot handled twice as a duplicate answered again, kill or not', () => {
    const atKill = checkAnswers([message(7, { acrossKill: true, duplicates: 1 })], twice, new Set(), () => 2);
    expect(atKill.duplicateAnsweredAgain.count).toBe(1);
    const noKill = checkAnswers([message(7, { duplicates: 1 })], twice, new Set(), () => 1);
    expect(noKill.duplicateAnsweredAgain.count).toBe(1);
  });
});
