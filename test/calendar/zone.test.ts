import { describe, expect, it } from 'vitest';
import { atHanoiTime, toClockTime, toIsoDay } from '../../src/calendar/index.js';

describe('toIsoDay', () => {
  it.each([
    ['2026-06-30T23:30:00Z', '2026-07-01'], // 06:30 the next morning in Hanoi
    ['2026-06-30T16:59:59Z', '2026-06-30'], // 23:59:59 in Hanoi
    ['2026-06-30T17:00:00Z', '2026-07-01'], // midnight in Hanoi
    ['2026-12-31T17:00:00Z', '2027-01-01'],
  ])('the instant %s is the day %s in Hanoi', (instant, day) => {
    expect(toIsoDay(new Date(instant))).toBe(day);
  });
});

describe('toClockTime', () => {
  it('reads the time of day in Hanoi on a 24-hour clock', () => {
    expect(toClockTime(new Date('2026-06-01T03:05:00Z'))).toBe('10:05');
    expect(toClockTime(new Date('2026-06-01T17:00:00Z'))).toBe('00:00');
    expect(toClockTime(new Date('2026-06-01T12:30:00Z'))).toBe('19:30');
  });
});

describe('atHanoiTime', () => {
  it('gives the instant a Hanoi wall-clock time falls on', () => {
    expect(atHanoiTime('2026-06-01', '12:00').toISOString()).toBe('2026-06-01T05:00:00.000Z');
    expect(atHanoiTime('2026-06-30', '23:59:59.999').toISOString()).toBe('2026-06-30T16:59:59.999Z');
  });
});
