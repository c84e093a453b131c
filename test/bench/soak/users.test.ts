import { expect, it } from 'vitest';
import type { FakeTelegram } from '../../../bench/soak/fake-telegram.js';
import type { UserScript } from '../../../bench/soak/script.js';
import { createUsers } from '../../../bench/soak/users.js';

/** One person asking one question, against a fake Telegram that handed it to process `gen` 1 and holds it unconfirmed. */
function oneQuestion(isDone: boolean, answerTimeoutMs = 60_000) {
  const server = {
    sendText: () => 7,
    events: () => [],
    lastDelivery: () => 1,
    isPending: () => true,
  } as unknown as FakeTelegram;
  const script = {
    user: { id: 500 },
    invite: { code: 'C', plan: 'p' },
    steps: [{ kind: 'question', text: 'ai chủ trì nhiệm vụ 4?' }],
  } as unknown as UserScript;
  return createUsers({
    server,
    scripts: [script],
    answerTimeoutMs,
    kills: () => 1,
    botUp: () => false,
    onSent: () => undefined,
    isDone: () => isDone,
  });
}

it('counts as handled a message the killed process finished in its inbox, though Telegram will hand it out again', async () => {
  const users = oneQuestion(true);
  const run = users.run();
  users.dead(1);
  const [conversation] = await run;
  expect(conversation!.sent.map((m) => [m.updateId, m.outcome, m.acrossKill])).toEqual([[7, 'handled', false]]);
}, 2_000);

it('waits, with no timeout, for a message the killed process did not finish and Telegram will hand out again', async () => {
  const users = oneQuestion(false, 20);
  const run = users.run();
  users.dead(1);
  // Taken for lost, it would time out after 20 ms: it waits for the next process to handle it.
  await new Promise((resolve) => setTimeout(resolve, 60));
  users.handled(7);
  const [conversation] = await run;
  expect(conversation!.sent.map((m) => m.outcome)).toEqual(['handled']);
});
