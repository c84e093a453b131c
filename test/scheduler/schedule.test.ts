import { describe, expect, it } from 'vitest';
import { latestRun, nextRun, runBefore } from '../../src/scheduler/index.js';
import { hanoi } from '../support/digest-fixture.js';

const CRON = '30 7 * * 1-5';

describe('nextRun', () => {
  it.each([
    ['a weekday before 07:30', '2026-06-03 06:00', '2026-06-03 07:30'],
    ['a weekday after 07:30', '2026-06-03 07:31', '2026-06-04 07:30'],
    ['Friday after the digest', '2026-06-05 08:00', '2026-06-08 07:30'],
    ['Saturday', '2026-06-06 07:30', '2026-06-08 07:30'],
    ['Sunday', '2026-06-07 07:29', '2026-06-08 07:30'],
  ])('from %s gives 07:30 Hanoi on the next weekday', (_, from, next) => {
    expect(nextRun(CRON, hanoi(from))).toEqual(hanoi(next));
  });
});

describe('latestRun and runBefore', () => {
  it('finds the slot a restart owes, the slot itself included', () => {
    expect(latestRun(CRON, hanoi('2026-06-08 07:31'))).toEqual(hanoi('2026-06-08 07:30'));
    expect(latestRun(CRON, hanoi('2026-06-08 07:30'))).toEqual(hanoi('2026-06-08 07:30'));
    expect(latestRun(CRON, hanoi('2026-06-07 12:00'))).toEqual(hanoi('2026-06-05 07:30'));
  });

  it('finds the digest before a slot (what the leader already read)', () => {
    expect(runBefore(CRON, hanoi('2026-06-08 07:30'))).toEqual(hanoi('2026-06-05 07:30'));
  });
});
