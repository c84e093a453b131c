/** Questions typed the way officials type them, about the shipped and unseen plans (see fixtures/README.md). */
import { describe, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { answerQuestion, buildSearch, type SearchIndex } from '../../src/search/index.js';
import { expectAnswerMeets, readEvalCases } from '../support/eval-case.js';

const cases = readEvalCases('test/search/fixtures/officials-questions.jsonl');
const indexes = new Map<string, SearchIndex>();
const indexOf = (dir: string) => indexes.get(dir) ?? indexes.set(dir, buildSearch(loadKnowledge(dir).plans)).get(dir)!;

describe('questions as officials type them', () => {
  it.each(cases.map((c) => [`${c.id} ${c.question}`, c] as const))('%s', (_, c) => {
    expectAnswerMeets(answerQuestion(indexOf(c.dir!), c.question, { today: c.today }), c);
  });
});
