/**
 * Questions about the unseen plans of test/knowledge/fixtures/unseen and unseen-2, written with them by people who had
 * not seen the assistant, checked as ../shared/eval/run.mjs checks its set.
 */
import { describe, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';
import { expectAnswerMeets, readEvalCases } from '../support/eval-case.js';

const SETS = ['test/knowledge/fixtures/unseen', 'test/knowledge/fixtures/unseen-2'];
const indexes = new Map(
  await Promise.all(SETS.map(async (dir) => [dir, buildSearch((await loadKnowledge(dir)).plans)] as const)),
);

describe.each(SETS)('questions about the plans of %s', (dir) => {
  const cases = readEvalCases(`${dir}/questions.jsonl`);
  const index = indexes.get(dir)!;

  it.each(cases.map((c) => [`${c.id} ${c.question}`, c] as const))('%s', (_, c) => {
    expectAnswerMeets(answerQuestion(index, c.question, { today: c.today }), c);
  });
});
