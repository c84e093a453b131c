import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildDigest, countByUnit, planProgress } from '../../src/digest/index.js';
import { chartSvg, svgToPng } from '../../src/reports/index.js';
import { chartLabels } from '../../src/messages/index.js';
import { hanoi, PLAN, update } from '../support/digest-fixture.js';

const now = hanoi('2026-06-02 07:30');
const progress = planProgress(
  PLAN,
  [
    update('1', '2026-05-08T03:00:00Z', { status: 'done' }),
    update('4', '2026-05-20T03:00:00Z', { status: 'in_progress', percent: 40 }),
  ],
  [],
  now,
);

describe('countByUnit', () => {
  it('counts each lead unit tasks per bucket, the units that need a push first', () => {
    expect(countByUnit(progress.states)).toEqual([
      { unit: 'Văn phòng HĐND và UBND', counts: { done: 0, in_progress: 0, overdue: 0, no_report: 2 } },
      { unit: 'Trung tâm Phục vụ hành chính công', counts: { done: 0, in_progress: 0, overdue: 0, no_report: 1 } },
      { unit: 'Phòng Văn hóa - Xã hội', counts: { done: 1, in_progress: 1, overdue: 0, no_report: 1 } },
    ]);
  });
});

describe('countByUnit with groups', () => {
  it('counts two spellings of one group as one bar, under the wider name', () => {
    const asGroup = (i: number, name: string) => {
      const s = progress.states[i]!;
      return { ...s, task: { ...s.task, lead: [{ ...s.task.lead[0]!, name }] } };
    };
    const states = [
      asGroup(0, 'Các phòng, cơ quan, đơn vị'),
      asGroup(1, 'Các phòng, đơn vị'),
      asGroup(2, 'Các phòng, đơn vị'),
      asGroup(3, 'Các sở, ban, ngành'),
    ];
    expect(countByUnit(states).map((r) => [r.unit, r.counts])).toEqual([
      ['Các phòng, cơ quan, đơn vị', { done: 1, in_progress: 0, overdue: 0, no_report: 2 }],
      ['Các sở, ban, ngành', { done: 0, in_progress: 1, overdue: 0, no_report: 0 }],
    ]);
  });
});

describe('chartSvg and svgToPng', () => {
  const svg = chartSvg(countByUnit(progress.states), chartLabels(buildDigest(progress, now, null)));

  it('draws one labelled bar per unit with a legend', () => {
    for (const text of [
      'Phòng Văn hóa - Xã hội',
      'Trung tâm Phục vụ hành chính công',
      'Hoàn thành',
      'Quá hạn',
      'Chưa báo cáo',
    ]) {
      expect(svg).toContain(`>${text}<`);
    }
    expect(svg).toContain('Kế hoạch 158/KH-UBND: tiến độ theo đơn vị (02/06/2026)');
  });

  it('renders a PNG picture', async () => {
    const png = await svgToPng(svg);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(800);
  });

  it('draws a chart asked for again once', async () => {
    const first = await svgToPng(svg);
    expect(await svgToPng(svg)).toBe(first);
    expect(await svgToPng(svg.replace('Quá hạn', 'Quá hạn '))).not.toBe(first);
  });

  it('escapes unit names', () => {
    const rows = [{ unit: 'Sở <KH&CN>', counts: { done: 1, in_progress: 0, overdue: 0, no_report: 0 } }];
    expect(
      chartSvg(rows, {
        title: 't',
        buckets: { done: 'a', in_progress: 'b', overdue: 'c', no_report: 'd' },
        more: (n) => `+${n}`,
      }),
    ).toContain('Sở &#60;KH&#38;CN&#62;');
  });
});

describe('svgToPng, loading resvg', () => {
  it('leaves the network out of the diagnostic report resvg takes to find its libc (its name lookups stall the loop)', () => {
    // A process of its own: resvg is loaded once per process, maybe already in this one.
    const script = [
      'const seen = [];',
      'const take = process.report.getReport.bind(process.report);',
      'process.report.getReport = (...a) => (seen.push(process.report.excludeNetwork), take(...a));',
      "const { svgToPng } = await import('./src/reports/index.ts');",
      'const png = await svgToPng(\'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>\');',
      'console.log(JSON.stringify({ seen, png: png.subarray(1, 4).toString() }));',
    ].join('\n');
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(JSON.parse(out)).toEqual({ seen: [true], png: 'PNG' });
  });
});
