/**
 * The shipped and unseen plans made into Word files and into PDFs exported from Word (scripts/build-format-fixtures.ts)
 * read as their text versions are: every task whole, the same metadata, duties, targets, meetings and reporting dates.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';

type Expected = {
  plan: string;
  no: string;
  content: string;
  lead: string;
  coordinators: string;
  product: string;
  deadline: string;
  due: string | null;
};
const oracle = JSON.parse(readFileSync('test/knowledge/fixtures/expected-tasks.json', 'utf8')) as Expected[];

/** What a plan says, without where it was read from (file, line numbers). */
function essence(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(essence);
  if (!value || typeof value !== 'object') return value;
  const kept = Object.entries(value).filter(([k]) => !['file', 'line', 'lines'].includes(k));
  return Object.fromEntries(kept.map(([k, v]) => [k, essence(v)]));
}

const FORMATS = ['docx', 'pdf'];
const SETS: Array<[string, string]> = [
  ['knowledge', ''],
  ['test/knowledge/fixtures/unseen', 'unseen-'],
  ['test/knowledge/fixtures/unseen-2', 'unseen-2-'],
];
const read = new Map(
  await Promise.all(
    [
      ...SETS.map(([dir]) => dir),
      ...SETS.flatMap(([, prefix]) => FORMATS.map((f) => `test/ingest/fixtures/${prefix}${f}`)),
    ].map(async (dir) => [dir, await loadKnowledge(dir)] as const),
  ),
);

describe.each(FORMATS)('the shipped plans as .%s files', (format) => {
  const { plans, warnings } = read.get(`test/ingest/fixtures/${format}`)!;

  it('are read without warnings, to exactly the 43 tasks a careful human reads (lead and due day)', () => {
    expect(warnings).toEqual([]);
    const tasks = plans.flatMap((p) =>
      p.tasks.map((t) => ({ plan: p.id, no: t.no, lead: t.leadRaw, due: t.deadline.due })),
    );
    expect(tasks).toEqual(
      [...oracle]
        .sort((a, b) => a.plan.localeCompare(b.plan))
        .map((e) => ({ plan: e.plan, no: e.no, lead: e.lead, due: e.due })),
    );
  });

  it.each(oracle.map((e) => [`${e.plan}#${e.no}`, e] as const))('reads task %s whole', (_, e) => {
    const task = plans.find((p) => p.id === e.plan)?.tasks.find((t) => t.no === e.no);
    expect({
      content: task?.content,
      coordinators: task?.coordinatorsRaw,
      product: task?.product,
      deadline: task?.deadline.raw,
    }).toEqual({
      content: e.content,
      coordinators: e.coordinators,
      product: e.product,
      deadline: e.deadline,
    });
  });
});

describe.each(
  SETS.flatMap(([dir, prefix]) => FORMATS.map((f) => [dir, `test/ingest/fixtures/${prefix}${f}`] as const)),
)('the plans of %s as read from %s', (textDir, formatDir) => {
  const text = read.get(textDir)!.plans;
  const { plans } = read.get(formatDir)!;
  it.each(text.map((p) => [p.id, p] as const))('%s has the tasks of its text version', (id, t) => {
    expect(essence(plans.find((p) => p.id === id)?.tasks)).toEqual(essence(t.tasks));
  });
  // A Word file says exactly what the text says; a PDF's body may differ where the layout wrapped a line.
  if (formatDir.endsWith('docx'))
    it.each(text.map((p) => [p.id, p] as const))('%s says what its text version says', (id, textPlan) => {
      const plan = plans.find((p) => p.id === id);
      expect(plan && essence(plan)).toEqual(essence(textPlan));
    });
});
