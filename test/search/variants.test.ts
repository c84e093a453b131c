/**
 * Plans from "other localities": the shipped plans with another place name, number, year and wording
 * (the bench corpus generator), asked the same kinds of questions.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, readSources } from '../../bench/corpus.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';
import { foldCase } from '../../src/text/index.js';

const plans = buildCorpus(readSources('knowledge'), 9);
const index = buildSearch(plans);
const TODAY = '2026-11-28';
const ask = (q: string) => {
  const a = answerQuestion(index, q, { today: TODAY });
  return { ...a, text: renderAnswer(a), cites: a.citations.map((c) => `${c.plan}#${c.task ?? c.section ?? ''}`) };
};

describe.each(plans.map((p) => [`${p.meta.locality?.level} ${p.meta.locality?.name}`, p] as const))(
  'a plan of %s',
  (place, plan) => {
    it('names the lead of every task, asked with or without diacritics', () => {
      for (const task of plan.tasks) {
        for (const q of [
          `Ai chủ trì nhiệm vụ ${task.no} của ${place}?`,
          foldCase(`${place} ai chu tri nhiem vu ${task.no}`),
        ]) {
          const a = ask(q);
          expect(a.cites, q).toEqual([`${plan.id}#${task.no}`]);
          expect(a.text, q).toContain(`Chủ trì: ${task.leadRaw}`);
        }
      }
    });

    it('lists what falls due this quarter from that plan only, ongoing work apart', () => {
      const a = ask(`Quý này ${place} có những nhiệm vụ nào đến hạn?`);
      const cited = plan.tasks.filter((t) => a.cites.includes(`${plan.id}#${t.no}`));
      expect(a.cites.every((c) => c.startsWith(`${plan.id}#`))).toBe(true);
      expect(cited.length).toBeGreaterThan(0);
      for (const { deadline } of cited) {
        if (deadline.due === null) expect(['recurring', 'ongoing']).toContain(deadline.kind);
        else expect(deadline.due >= '2026-10-01' && deadline.due <= '2026-12-31', deadline.raw).toBe(true);
      }
    });

    it('answers the reporting dates of that plan', () => {
      const a = ask(`Báo cáo 6 tháng của ${place} gửi trước ngày nào?`);
      const half = plan.reporting.find((r) => r.periodKind === 'half');
      if (half) expect(a.text).toContain(`trước ngày ${half.day} tháng ${half.month}`);
      expect(a.cites.every((c) => c.startsWith(`${plan.id}#`))).toBe(true);
    });
  },
);
