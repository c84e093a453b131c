import { describe, expect, it } from 'vitest';
import { Cron } from 'croner';
import { digestCronAt, pastDigestCron } from '../../../bench/soak/bot-env.js';

const hanoi = (cron: string) => new Cron(cron, { timezone: 'Asia/Ho_Chi_Minh', paused: true });

describe('digestCronAt', () => {
  it.each([
    ['2026-12-05T03:40:20.000Z', '20 40 10 5 12 *'],
    // Past 17:00 UTC it is the next day in Hanoi.
    ['2026-12-31T17:30:05.000Z', '5 30 0 1 1 *'],
  ])('fires at %s (written in Hanoi time: %s)', (at, cron) => {
    expect(digestCronAt(new Date(at))).toBe(cron);
    expect(
      hanoi(cron)
        .nextRun(new Date(Date.parse(at) - 60_000))
        ?.toISOString(),
    ).toBe(at);
  });

  it('leaves the slot before it a year back, beyond the catch-up horizon of a start', () => {
    const at = new Date('2026-12-05T03:40:20.000Z');
    expect(hanoi(digestCronAt(at)).previousRuns(1, at)[0]?.toISOString()).toBe('2025-12-05T03:40:20.000Z');
  });
});

describe('pastDigestCron', () => {
  it('names a day three days past in Hanoi, so no digest falls due during the run', () => {
    expect(pastDigestCron(new Date('2026-12-05T03:00:00.000Z'))).toBe('0 3 2 12 *');
  });
});
