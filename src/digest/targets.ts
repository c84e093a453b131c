import type { Target, TargetSubject } from '../knowledge/index.js';
import { figureValue } from './figures.js';
import type { Figure, Metric } from '../tasks/index.js';

/** A target with the rate reached in a year, from the figures units reported. */
export type TargetResult = {
  target: Target;
  year: number;
  /** Rate reached in percent (online share, or cut against the year before); null without figures. */
  actual: number | null;
  /** Met or not; null without figures. */
  met: boolean | null;
};

type Rule = { metric: Metric; how: 'share' | 'cut' };

/** How each known subject is measured; `other` subjects have no figures. */
const RULES: Partial<Record<TargetSubject, Rule>> = {
  online_conferences: { metric: 'conferences', how: 'share' },
  conference_reduction: { metric: 'conferences', how: 'cut' },
  document_reduction: { metric: 'documents', how: 'cut' },
  digital_procedures: { metric: 'procedures', how: 'share' },
  electronic_documents: { metric: 'documents', how: 'share' },
};

function rate(rule: Rule, figures: Figure[], year: number): number | null {
  const total = figureValue(figures, rule.metric, year, 'total');
  if (total === null) return null;
  if (rule.how === 'share') {
    const online = figureValue(figures, rule.metric, year, 'online');
    return online === null || total === 0 ? null : (online / total) * 100;
  }
  const before = figureValue(figures, rule.metric, year - 1, 'total');
  return before === null || before === 0 ? null : ((before - total) / before) * 100;
}

/** One target per subject, comparator and figure: plans repeat them in the purpose, the body and the appendix. */
export function distinctTargets(targets: Target[]): Target[] {
  const seen = new Set<string>();
  return targets.filter((t) => {
    const key = `${t.subject}|${t.comparator}|${t.percent}|${t.subject === 'other' ? t.phrase : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Compares each target with the year's figures: 26 online of 40 conferences is 65% against "≥60%" (met);
 * 45 documents after 60 is a 25% cut against "−15%" (met).
 */
export function evaluateTargets(targets: Target[], figures: Figure[], year: number): TargetResult[] {
  return distinctTargets(targets).map((target) => {
    const rule = RULES[target.subject];
    const actual = rule ? rate(rule, figures, year) : null;
    const rounded = actual === null ? null : Math.round(actual * 10) / 10;
    return { target, year, actual: rounded, met: rounded === null ? null : rounded >= target.percent };
  });
}
