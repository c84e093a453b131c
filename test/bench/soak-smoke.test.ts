import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../bench/soak/options.js';
import { runSoak } from '../../bench/soak/run-soak.js';
import type { SoakReport } from '../../bench/soak/report.js';

/**
 * `npm run soak` in small: the real bot process (src/main.ts) against the fake Telegram, 10 people, 200 messages
 * (duplicate deliveries and 429s included), one SIGKILL and restart halfway. Same checks as the full soak; the
 * figures are not asserted (speed belongs to bench/). A few seconds beside the bot's start-ups: the claims of the
 * killed process are taken at once by the next one (same host, pid gone), not after the lease.
 */
describe('runSoak (smoke: 10 people, 200 messages, one SIGKILL)', () => {
  let report: SoakReport;

  beforeAll(async () => {
    report = await runSoak({
      ...DEFAULT_OPTIONS,
      users: 10,
      messages: 200,
      killAt: [0.5],
      floodRate: 0.01,
      timeLimitMs: 100_000,
    });
  }, 120_000);

  it('sends every message within the time limit, killing and restarting the bot once', () => {
    expect(report.errors).toEqual([]);
    expect(report.run).toMatchObject({ messages: 200, kills: 1, timedOut: false });
    expect(report.bot.restarts).toBe(1);
  });

  it('stores every progress update acknowledged to its sender exactly once, and no invalid one', () => {
    expect(report.progress.acknowledged).toBeGreaterThan(0);
    expect(report.progress.failures).toEqual({ count: 0, samples: [] });
    expect(report.progress.storedOnce).toBe(report.progress.acknowledged);
    expect(report.progress.invalidStored).toEqual({ count: 0, samples: [] });
  });

  it('answers every message exactly once across the duplicate deliveries, and at least once across the kill', () => {
    const { unanswered, answeredTwice, duplicateAnsweredAgain, ambiguousAtKill, unattributed } = report.answers;
    expect({
      unanswered,
      answeredTwice,
      duplicateAnsweredAgain,
      lostAtKill: ambiguousAtKill.lost,
      unattributed,
    }).toEqual({
      unanswered: { count: 0, samples: [] },
      answeredTwice: { count: 0, samples: [] },
      duplicateAnsweredAgain: { count: 0, samples: [] },
      lostAtKill: 0,
      unattributed: { count: 0, samples: [] },
    });
    // Only a reply on its way at the SIGKILL may go out again: at most one message per person was in flight.
    expect(ambiguousAtKill.answeredTwice).toBeLessThanOrEqual(10);
    for (const twice of ambiguousAtKill.samples) expect(twice.gens).toEqual([1, 2]);
    expect(report.checks).toMatchObject({ exactlyOneAnswerOutsideKills: true, noAnswerLostAtKills: true });
  });

  it('has no crash besides the kill, no failed update and nothing Telegram would refuse', () => {
    expect(report.bot.exits.map(({ gen, signal, code }) => ({ gen, signal, code }))).toEqual([
      { gen: 1, signal: 'SIGKILL', code: null },
      { gen: 2, signal: null, code: 0 },
    ]);
    expect(report.bot.stderrFindings).toEqual([]);
    expect(report.bot.errorSamples).toEqual([]);
    expect(report.answers.apologies.count).toBe(0);
    expect(report.telegram.refusedSamples).toEqual([]);
  });
});
