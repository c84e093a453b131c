import { describe, expect, it } from 'vitest';
import { parseReportPeriod, reportPeriodContaining } from '../../src/digest/index.js';
import { hanoi } from '../support/digest-fixture.js';

describe('parseReportPeriod', () => {
  it.each([
    ['2026', 'year', '2026-01-01', '2026-12-31'],
    ['2026-H1', 'half', '2026-01-01', '2026-06-30'],
    ['2026-h2', 'half', '2026-07-01', '2026-12-31'],
    ['2026-Q1', 'quarter', '2026-01-01', '2026-03-31'],
    ['2026-Q3', 'quarter', '2026-07-01', '2026-09-30'],
    ['2028-Q1', 'quarter', '2028-01-01', '2028-03-31'],
    ['2026-9M', 'nine_months', '2026-01-01', '2026-09-30'],
  ])('reads %s', (code, kind, start, end) => {
    expect(parseReportPeriod(code)).toMatchObject({ kind, start, end });
  });

  it.each(['', '2026-H3', '2026-Q5', '26-H1', 'nam', '0000-H1', '0001', '0099-Q2', '0999'])('refuses %j', (code) => {
    expect(parseReportPeriod(code)).toBeNull();
  });
});

describe('reportPeriodContaining', () => {
  it('finds the half, quarter and year of a Hanoi day', () => {
    const now = hanoi('2026-07-01 00:30'); // still 30 June in UTC
    expect(reportPeriodContaining('half', now).code).toBe('2026-H2');
    expect(reportPeriodContaining('quarter', now).code).toBe('2026-Q3');
    expect(reportPeriodContaining('year', now).code).toBe('2026');
  });
});
