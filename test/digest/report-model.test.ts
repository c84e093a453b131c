import { describe, expect, it } from 'vitest';
import { buildReport, parseReportPeriod } from '../../src/digest/index.js';
import { hanoi, PLAN, REPORT_FIGURES as figures, REPORT_UPDATES as records } from '../support/digest-fixture.js';

const model = buildReport(PLAN, records, figures, parseReportPeriod('2026-H1')!, hanoi('2026-09-02 09:00'));

describe('buildReport', () => {
  it('lists exactly the tasks and updates of 2026-H1, with the states of 30 June', () => {
    expect(model.rows.map((r) => [r.no, r.state, r.updates.map((u) => u.update.note)])).toEqual([
      ['1', 'done_on_time', ['Đang dự thảo', 'Đã ban hành KH 20/KH-UBND']],
      ['3', 'no_report', []],
      ['4', 'blocked', ['Chưa có kinh phí']],
      ['5', 'overdue', []],
      ['6', 'no_report', []],
    ]);
  });

  it('takes a task of a later quarter once it has an update in the period', () => {
    const q3 = buildReport(PLAN, records, figures, parseReportPeriod('2026-Q3')!, hanoi('2026-10-02 09:00'));
    expect(q3.rows.map((r) => r.no)).toEqual(['2', '3', '4', '5', '6']);
  });
});
