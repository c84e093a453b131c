import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../../bench/soak/options.js';
import type { SoakReport } from '../../bench/soak/report.js';
import { runSoak } from '../../bench/soak/run-soak.js';
import { PG_ABSENT, pgReachable } from '../support/pg-db.js';

/**
 * `npm run soak -- --store postgres --instances 2` in small: two bot processes in webhook mode on a fresh PostgreSQL
 * database behind the round-robin proxy, the fake Telegram posting to it; 10 people, 150 messages, the first instance
 * SIGKILLed once halfway and restarted while the second keeps serving; the digest falls due 20 s after the first start
 * and both schedulers fire it. The same checks as the full soak, plus each digest sent once.
 */
describe.skipIf(!pgReachable)(
  `runSoak on PostgreSQL, two instances (smoke: 10 people, 150 messages, one SIGKILL)${pgReachable ? '' : ` ${PG_ABSENT}`}`,
  () => {
    let report: SoakReport;

    beforeAll(async () => {
      report = await runSoak({
        ...DEFAULT_OPTIONS,
        store: 'postgres',
        instances: 2,
        users: 10,
        messages: 150,
        killAt: [0.5],
        floodRate: 0.01,
        timeLimitMs: 100_000,
      });
    }, 120_000);

    it('sends every message through the proxy, killing and restarting the first instance once', () => {
      expect(report.errors).toEqual([]);
      expect(report.run).toMatchObject({ messages: 150, kills: 1, timedOut: false, store: 'postgres', instances: 2 });
      expect(report.bot.instances.map(({ instance, restarts }) => ({ instance, restarts }))).toEqual([
        { instance: 0, restarts: 1 },
        { instance: 1, restarts: 0 },
      ]);
      expect(report.bot.exits.map(({ gen, instance, signal, code }) => ({ gen, instance, signal, code }))).toEqual([
        { gen: 1, instance: 0, signal: 'SIGKILL', code: null },
        { gen: 2, instance: 1, signal: null, code: 0 },
        { gen: 3, instance: 0, signal: null, code: 0 },
      ]);
      expect(report.telegram.calls.setWebhook).toBe(3);
    });

    it('stores every acknowledged progress update once and answers every message, at least once across the kill', () => {
      expect(report.progress.acknowledged).toBeGreaterThan(0);
      expect(report.progress.failures).toEqual({ count: 0, samples: [] });
      expect(report.progress.storedOnce).toBe(report.progress.acknowledged);
      expect(report.answers.unanswered).toEqual({ count: 0, samples: [] });
      expect(report.answers.answeredTwice).toEqual({ count: 0, samples: [] });
      expect(report.answers.unattributed).toEqual({ count: 0, samples: [] });
      expect(report.answers.ambiguousAtKill.lost).toBe(0);
      expect(report.run.outcomes).toEqual({ handled: report.answers.messages });
    });

    it('sends the digest that fell due to each person once, though both instances schedule it', () => {
      expect(report.digests).toMatchObject({ scheduled: true, recipients: 10, once: 10, digestsSent: 10 });
      expect(report.digests.findings).toEqual({ count: 0, samples: [] });
    });

    it('holds every check', () => {
      expect(report.checks).toEqual({
        finishedInTime: true,
        acknowledgedUpdatesStoredOnce: true,
        invalidInputsNotStored: true,
        exactlyOneAnswerOutsideKills: true,
        noAnswerLostAtKills: true,
        noCrash: true,
        noFailedUpdate: true,
        telegramAcceptedEveryCall: true,
        eachDigestOnce: true,
      });
      expect(report.ok).toBe(true);
    });
  },
);
