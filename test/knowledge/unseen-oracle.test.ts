/**
 * Plans written for these tests by people who had not seen the reader (see each folder's README), against their
 * reading of them in `expected.json`.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/ingest/index.js';

const SETS = ['test/knowledge/fixtures/unseen', 'test/knowledge/fixtures/unseen-2'];

type ExpectedTask = { no: string; content: string; lead: string; coordinators: string; product: string; deadline: string; deadline_kind: string; due: string | null };
type ExpectedPlan = {
  meta: { number: string | null; date: string | null; locality: { level: string; name: string }; signer: { name: string; capacity: string } };
  tasks: ExpectedTask[];
  duties: Array<{ agency: string; has_deadline_due: string | null }>;
  reporting: Array<{ period: string; day: number; month: number }>;
  meeting_rules: Array<{ meeting: string; max_days: number }>;
  targets_percent: number[];
};

const loaded = new Map(await Promise.all(SETS.map(async (dir) => [dir, await loadKnowledge(dir)] as const)));

describe.each(SETS)('%s', (dir) => {
  const oracle = JSON.parse(readFileSync(`${dir}/expected.json`, 'utf8')) as Record<string, ExpectedPlan>;
  const { plans, warnings } = loaded.get(dir)!;
  const planOf = (id: string) => plans.find((p) => p.id === id)!;

  describe.each(Object.keys(oracle))('the unseen plan %s, read as a careful human reads it', (id) => {
    const expected = oracle[id]!;
    const plan = planOf(id);

    it('is read without warnings', () => {
      expect(warnings.filter((w) => w.file.includes(id))).toEqual([]);
    });

    it('gives the number, date, locality and signer', () => {
      const { signer, ...meta } = expected.meta;
      expect({ number: plan.meta.number, date: plan.meta.date, locality: plan.meta.locality }).toEqual(meta);
      expect(plan.meta.signer?.name).toBe(signer.name);
      // "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH": the reader keeps the capacity and the "on behalf of" line apart.
      expect(signer.capacity.endsWith(plan.meta.signer!.capacity)).toBe(true);
    });

    it('reads every appendix task whole', () => {
      expect(
        plan.tasks.map((t) => ({
          no: t.no, content: t.content, lead: t.leadRaw, coordinators: t.coordinatorsRaw, product: t.product,
          deadline: t.deadline.raw, deadline_kind: t.deadline.kind, due: t.deadline.due,
        })),
      ).toEqual(expected.tasks);
    });

    it('reads the reporting dates, meeting rules and targets', () => {
      expect(plan.reporting.map((r) => ({ period: r.period, day: r.day, month: r.month }))).toEqual(expected.reporting);
      expect(plan.meetingRules.map((r) => ({ meeting: r.meeting, max_days: r.maxDays }))).toEqual(expected.meeting_rules);
      expect(new Set(plan.targets.map((t) => t.percent))).toEqual(new Set(expected.targets_percent));
    });
  });

  const withDuties = Object.keys(oracle).filter((id) => oracle[id]!.duties.length > 0);

  // The reader may find more work given in the body than the person listed (duties under "Tổ chức thực hiện" too).
  it.each(withDuties)('reads the duties of the body of %s that the person listed, each agency with its deadline', (id) => {
    const dated = new Map<string, string | null>();
    for (const d of planOf(id).duties) if (!dated.get(d.agencyRaw)) dated.set(d.agencyRaw, d.deadline?.due ?? null);
    expect([...dated].map(([agency, due]) => ({ agency, has_deadline_due: due }))).toEqual(expect.arrayContaining(oracle[id]!.duties));
  });
});
