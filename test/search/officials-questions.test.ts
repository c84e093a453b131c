/** Questions typed the way officials type them, about the shipped and unseen plans (see fixtures/README.md). */
import { describe, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';
import { expectAnswerMeets, readEvalCases } from '../support/eval-case.js';

const cases = readEvalCases('test/search/fixtures/officials-questions.jsonl');
const dirs = [...new Set(cases.map((c) => c.dir!))];
const indexes = new Map(
  await Promise.all(dirs.map(async (dir) => [dir, buildSearch((await loadKnowledge(dir)).plans)] as const)),
);
const indexOf = (dir: string) => indexes.get(dir)!;

describe('questions as officials type them', () => {
  it.each(cases.map((c) => [`${c.id} ${c.question}`, c] as const))('%s', (_, c) => {
    expectAnswerMeets(answerQuestion(indexOf(c.dir!), c.question, { today: c.today }), c);
  });
});
