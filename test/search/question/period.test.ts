import { describe, expect, it } from 'vitest';
import { daysAhead, monthOf, quarterOf, weekOf, yearOf } from '../../../src/search/question/period.js';

const span = (r: { from: string; to: string }) => `${r.from}..${r.to}`;

describe('weekOf', () => {
  it.each([
    ['2026-11-30', 0, '2026-11-30..2026-12-06'], // a Monday starts its own week
    ['2026-11-29', 0, '2026-11-23..2026-11-29'], // a Sunday ends the week that began on Monday
    ['2026-11-28', 1, '2026-11-30..2026-12-06'], // next week from a Saturday
    ['2026-12-31', 0, '2026-12-28..2027-01-03'], // the week across the new year
    ['2027-01-01', -1, '2026-12-21..2026-12-27'], // last week, back across the year
  ])('the week of %s moved by %i is %s', (day, offset, expected) => {
    expect(span(weekOf(day, offset))).toBe(expected);
  });
});

describe('monthOf', () => {
  it.each([
    ['2026-05-02', 0, '2026-05-01..2026-05-31', 5, 2026],
    ['2026-12-15', 1, '2027-01-01..2027-01-31', 1, 2027], // next month across the year
    ['2026-01-31', -1, '2025-12-01..2025-12-31', 12, 2025], // last month back across the year
    ['2028-02-10', 0, '2028-02-01..2028-02-29', 2, 2028], // leap year
    ['2026-02-28', 0, '2026-02-01..2026-02-28', 2, 2026],
  ])('the month of %s moved by %i is %s', (day, offset, expected, index, year) => {
    const r = monthOf(day, offset);
    expect([span(r), r.index, r.year]).toEqual([expected, index, year]);
  });
});

describe('quarterOf', () => {
  it.each([
    ['2026-11-28', 0, '2026-10-01..2026-12-31', 4],
    ['2026-10-01', 0, '2026-10-01..2026-12-31', 4], // first day of a quarter
    ['2026-09-30', 0, '2026-07-01..2026-09-30', 3], // last day of a quarter
    ['2026-12-31', 1, '2027-01-01..2027-03-31', 1], // next quarter across the year
    ['2026-01-01', -1, '2025-10-01..2025-12-31', 4], // last quarter back across the year
  ])('the quarter of %s moved by %i is %s', (day, offset, expected, index) => {
    const r = quarterOf(day, offset);
    expect([span(r), r.index]).toEqual([expected, index]);
  });
});

describe('yearOf, daysAhead', () => {
  it('gives the calendar year, moved', () => {
    expect(span(yearOf('2026-12-31'))).toBe('2026-01-01..2026-12-31');
    expect(span(yearOf('2026-01-01', 1))).toBe('2027-01-01..2027-12-31');
  });
  it('counts days ahead including today', () => {
    expect(span(daysAhead('2026-12-28', 8))).toBe('2026-12-28..2027-01-04');
    expect(span(daysAhead('2026-12-28', 1))).toBe('2026-12-28..2026-12-28');
  });
});
