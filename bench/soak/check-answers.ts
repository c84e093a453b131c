import { BOT_APOLOGY } from '../../src/messages/index.js';
import type { Answer } from './attribute.js';
import type { Kind } from './script.js';
import type { SentMessage } from './users.js';

const SAMPLES = 5;

/** A message that did not get exactly one answer. */
export type AnswerFinding = {
  updateId: number;
  userId: number;
  kind: Kind;
  text: string;
  answers: number;
  outcome: string;
  gens: number[];
};
type Findings = { count: number; samples: AnswerFinding[] };

export type AnswerCheck = {
  /** Fresh messages (duplicates are counted with the message they repeat). */
  messages: number;
  exactlyOne: number;
  /** No answer, nothing to do with a kill. */
  unanswered: Findings;
  /** Two or more answers, no duplicate delivery and no kill involved. */
  answeredTwice: Findings;
  /** Answered again after its update_id was delivered again on purpose. */
  duplicateAnsweredAgain: Findings;
  /** In flight when the bot was killed (or its answers could only be guessed), and not answered exactly once. */
  ambiguousAtKill: Findings & { lost: number; answeredTwice: number };
  /** Answers that were the generic apology (an update failed inside the bot). */
  apologies: Findings;
  /** Messages per kind, and how many got exactly one answer. */
  kinds: Partial<Record<Kind, { sent: number; exactlyOne: number }>>;
};

const empty = (): Findings => ({ count: 0, samples: [] });

/**
 * Counts the answers of every fresh message and sorts out the ones that did not get exactly one. `handledTimes`: how
 * often the bot logged the update handled, which it does only after finishing its claim.
 */
export function checkAnswers(
  messages: SentMessage[],
  answersOf: (updateId: number) => Answer[],
  ambiguous: Set<number>,
  handledTimes: (updateId: number) => number,
): AnswerCheck {
  const check: AnswerCheck = {
    messages: messages.length,
    exactlyOne: 0,
    unanswered: empty(),
    answeredTwice: empty(),
    duplicateAnsweredAgain: empty(),
    ambiguousAtKill: { ...empty(), lost: 0, answeredTwice: 0 },
    apologies: empty(),
    kinds: {},
  };
  for (const m of messages) {
    const answers = answersOf(m.updateId);
    const kind = (check.kinds[m.kind] ??= { sent: 0, exactlyOne: 0 });
    kind.sent++;
    const f: AnswerFinding = {
      updateId: m.updateId,
      userId: m.userId,
      kind: m.kind,
      text: m.step.text.slice(0, 80),
      answers: answers.length,
      outcome: m.outcome,
      gens: answers.map((a) => a.gen),
    };
    if (answers.some((a) => a.texts.some((t) => t.includes(BOT_APOLOGY)))) add(check.apologies, f);
    if (answers.length === 1) {
      check.exactlyOne++;
      kind.exactlyOne++;
      continue;
    }
    const atKill = m.acrossKill || ambiguous.has(m.updateId);
    // A duplicate answered again means an answer after a finished claim: a second handling the bot logged, or one
    // outside any kill. A message whose first answer went out just before a SIGKILL, before its claim was finished,
    // is answered again after the lease (ambiguous at the kill) whether or not its person repeated it later.
    const answeredAfterFinish = handledTimes(m.updateId) > 1 || !atKill;
    if (answers.length > 1 && m.duplicates > 0 && answeredAfterFinish) add(check.duplicateAnsweredAgain, f);
    else if (atKill) {
      add(check.ambiguousAtKill, f);
      if (answers.length === 0) check.ambiguousAtKill.lost++;
      else check.ambiguousAtKill.answeredTwice++;
    } else add(answers.length === 0 ? check.unanswered : check.answeredTwice, f);
  }
  return check;
}

function add(list: Findings, f: AnswerFinding): void {
  list.count++;
  if (list.samples.length < SAMPLES) list.samples.push(f);
}
