/**
 * Questions about the unseen plans of test/knowledge/fixtures/unseen and unseen-2, written with them by people who had
 * not seen the assistant, checked as ../shared/eval/run.mjs checks its set: each group of expected words (case,
 * diacritics and punctuation folded) is in the reply, each listed source is cited, an out-of-scope question cites
 * nothing.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';
import { foldCase } from '../../src/text/index.js';

type Case = { id: string; today: string; question: string; expect?: string[][]; cite?: string[]; nocite?: boolean };

const fold = (s: string) => foldCase(s).replace(/[^a-z0-9]+/g, ' ').trim();

describe.each(['test/knowledge/fixtures/unseen', 'test/knowledge/fixtures/unseen-2'])('questions about the plans of %s', (dir) => {
  const cases = readFileSync(`${dir}/questions.jsonl`, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Case);
  const index = buildSearch(loadKnowledge(dir).plans);

  it.each(cases.map((c) => [`${c.id} ${c.question}`, c] as const))('%s', (_, c) => {
    const answer = answerQuestion(index, c.question, { today: c.today });
    const text = fold(renderAnswer(answer));
    for (const group of c.expect ?? []) expect(group.some((alt) => text.includes(fold(alt))), `${group.join(' | ')} in: ${text}`).toBe(true);
    const cited = answer.citations.map((x) => `${x.plan}#${x.task ?? ''}`);
    expect(cited).toEqual(expect.arrayContaining(c.cite ?? []));
    if (c.nocite) expect(cited).toEqual([]);
  });
});
