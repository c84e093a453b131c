import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { renderAnswer } from '../../src/messages/index.js';
import type { Answer } from '../../src/search/index.js';
import { foldCase } from '../../src/text/index.js';

/** One question of an eval set in the format of ../shared/eval/dev.jsonl (`dir`: the folder of its plans, when given). */
export type EvalCase = {
  id: string;
  today: string;
  question: string;
  expect?: string[][];
  cite?: string[];
  nocite?: boolean;
  dir?: string;
};

export function readEvalCases(file: string): EvalCase[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as EvalCase);
}

const fold = (s: string) =>
  foldCase(s)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/**
 * Checks an answer as ../shared/eval/run.mjs does: each group of expected words (case, diacritics and punctuation
 * folded) is in the reply, each listed source is cited, an out-of-scope question cites nothing.
 */
export function expectAnswerMeets(answer: Answer, c: EvalCase): void {
  const text = fold(renderAnswer(answer));
  for (const group of c.expect ?? [])
    expect(
      group.some((alt) => text.includes(fold(alt))),
      `${group.join(' | ')} in: ${text}`,
    ).toBe(true);
  const cited = answer.citations.map((x) => `${x.plan}#${x.task ?? ''}`);
  expect(cited).toEqual(expect.arrayContaining(c.cite ?? []));
  if (c.nocite) expect(cited).toEqual([]);
}
