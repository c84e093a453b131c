import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  daysInMonth,
  monthEnd,
  quarterEnd,
  quarterOfMonth,
  quarterStart,
  validDay,
  weekdayOf,
} from '../../src/calendar/index.js';

describe('addDays', () => {
  it.each([
    ['2026-02-28', 1, '2026-03-01'],
    ['2028-02-28', 1, '2028-02-29'], // leap year
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-06-05', -7, '2026-05-29'],
    ['2026-01-01', -1, '2025-12-31'],
  ])('%s moved by %i is %s', (day, n, expected) => {
    expect(addDays(day, n)).toBe(expected);
  });
});

describe('daysBetween', () => {
  it('counts whole days across months and years, negative when going back', () => {
    expect(daysBetween('2026-06-30', '2026-11-28')).toBe(151);
    expect(daysBetween('2026-11-28', '2026-06-30')).toBe(-151);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2026-06-01', '2026-06-01')).toBe(0);
  });
});

describe('validDay', () => {
  it.each([
    [2026, 6, 30, '2026-06-30'],
    [2026, 6, 31, null],
    [2026, 2, 29, null],
    [2028, 2, 29, '2028-02-29'],
    [2026, 13, 1, null],
    [2026, 1, 0, null],
  ])('%i-%i-%i is %s', (y, m, d, expected) => {
    expect(validDay(y, m, d)).toBe(expected);
  });
});

describe('weekdayOf', () => {
  it('counts Monday as 1 and Sunday as 7', () => {
    expect(weekdayOf('2026-11-30')).toBe(1);
    expect(weekdayOf('2026-11-29')).toBe(7);
  });
});

describe('month and quarter ends', () => {
  it('knows the length of every month, February of leap years included', () => {
    expect([daysInMonth(2026, 2), daysInMonth(2028, 2), daysInMonth(2026, 4), daysInMonth(2026, 12)]).toEqual([
      28, 29, 30, 31,
    ]);
    expect(monthEnd(2026, 6)).toBe('2026-06-30');
  });
  it('gives each quarter its first and last day', () => {
    expect([1, 3, 4, 6, 7, 12].map(quarterOfMonth)).toEqual([1, 1, 2, 2, 3, 4]);
    expect([quarterStart(2026, 3), quarterEnd(2026, 3)]).toEqual(['2026-07-01', '2026-09-30']);
    expect([quarterStart(2026, 1), quarterEnd(2026, 1)]).toEqual(['2026-01-01', '2026-03-31']);
  });
});
