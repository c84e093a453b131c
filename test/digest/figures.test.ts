import { describe, expect, it } from 'vitest';
import { evaluateTargets, parseFigures, type FigureInput } from '../../src/digest/index.js';
import type { Figure } from '../../src/tasks/index.js';
import { PLAN } from '../support/digest-fixture.js';

describe('parseFigures', () => {
  it('reads named fields after a year', () => {
    expect(parseFigures('hoinghi 2026 tong=40 tructuyen=26', 2026)).toEqual({
      ok: true,
      value: [
        { metric: 'conferences', year: 2026, field: 'total', value: 40 },
        { metric: 'conferences', year: 2026, field: 'online', value: 26 },
      ],
    });
  });

  it('reads bare numbers as the totals of several years', () => {
    expect(parseFigures('vanban 2026 45 2025 60', 2026)).toEqual({
      ok: true,
      value: [
        { metric: 'documents', year: 2026, field: 'total', value: 45 },
        { metric: 'documents', year: 2025, field: 'total', value: 60 },
      ],
    });
  });

  it('accepts diacritics and spaces in the metric name', () => {
    expect(parseFigures('Hội-nghị 2026 tổng=12', 2026)).toMatchObject({
      ok: true,
      value: [{ metric: 'conferences', value: 12 }],
    });
  });

  it.each([
    ['', { code: 'figures_empty' }],
    ['hoinghi', { code: 'figures_missing_year' }],
    ['hoinghi 2026', { code: 'figures_empty' }],
    ['hoinghi 40', { code: 'figures_missing_year' }],
    ['caycoi 2026 40', { code: 'figures_unknown_metric', word: 'caycoi' }],
    ['hoinghi 2026 tong=-4', { code: 'figures_bad_value', token: 'tong=-4' }],
    ['hoinghi 2026 mau=4', { code: 'figures_bad_value', token: 'mau=4' }],
    ['constructor 2026 5', { code: 'figures_unknown_metric', word: 'constructor' }],
    ['hop 2026 constructor=5', { code: 'figures_bad_value', token: 'constructor=5' }],
    ["vanban 2026 45'; DROP TABLE", { code: 'figures_bad_value', token: "45';" }],
    ['vanban 1900 45', { code: 'figures_bad_year', year: 1900, first: 2000, last: 2026 }],
    ['vanban 2026 45 2027 50', { code: 'figures_bad_year', year: 2027, first: 2000, last: 2026 }],
    ['hoinghi 2026 tong=10 tructuyen=26', { code: 'figures_online_over_total', year: 2026, online: 26, total: 10 }],
    ['hoinghi 2026 tructuyen=26 tong=10', { code: 'figures_online_over_total', year: 2026, online: 26, total: 10 }],
  ])('refuses %j', (args, error) => {
    expect(parseFigures(args, 2026)).toEqual({ ok: false, error });
  });
});

const figures = (unit: string, inputs: FigureInput[], at = '2026-06-01T00:00:00Z'): Figure[] =>
  inputs.map((f) => ({ ...f, plan: 'demo', unit, reportedAt: new Date(at) }));

describe('evaluateTargets', () => {
  it('compares online share and cuts with the targets, each target once', () => {
    const reported = [
      ...figures('Văn phòng HĐND và UBND', [
        { metric: 'conferences', year: 2026, field: 'total', value: 40 },
        { metric: 'conferences', year: 2026, field: 'online', value: 26 },
        { metric: 'conferences', year: 2025, field: 'total', value: 42 },
        { metric: 'documents', year: 2026, field: 'total', value: 45 },
        { metric: 'documents', year: 2025, field: 'total', value: 60 },
      ]),
    ];
    const results = evaluateTargets(PLAN.targets, reported, 2026);
    expect(results.map((r) => [r.target.subject, r.actual, r.met])).toEqual([
      ['online_conferences', 65, true],
      ['conference_reduction', 4.8, false],
      ['document_reduction', 25, true],
    ]);
  });

  it('sums units and keeps each unit latest report', () => {
    const reported = [
      ...figures('A', [{ metric: 'conferences', year: 2026, field: 'total', value: 10 }], '2026-05-01T00:00:00Z'),
      ...figures('A', [{ metric: 'conferences', year: 2026, field: 'total', value: 20 }], '2026-06-01T00:00:00Z'),
      ...figures('B', [{ metric: 'conferences', year: 2026, field: 'total', value: 20 }]),
      ...figures('B', [{ metric: 'conferences', year: 2026, field: 'online', value: 20 }]),
    ];
    expect(evaluateTargets(PLAN.targets, reported, 2026)[0]).toMatchObject({ actual: 50, met: false });
  });

  it('says nothing is known without figures', () => {
    expect(evaluateTargets(PLAN.targets, [], 2026).every((r) => r.actual === null && r.met === null)).toBe(true);
  });
});
