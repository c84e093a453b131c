import { describe, expect, it } from 'vitest';
import { checkDigests } from '../../../bench/soak/check-digests.js';
import type { ChatEvent } from '../../../bench/soak/fake-telegram.js';
import type { NotificationRow } from '../../../bench/soak/store-reader.js';

const SLOT = '2026-12-05T03:40:20.000Z';
const digest = (gen = 1): ChatEvent => ({
  type: 'send',
  method: 'sendMessage',
  text: '📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 05/12/2026\n…',
  gen,
  at: 1,
});
const chart = (gen = 1): ChatEvent => ({
  type: 'send',
  method: 'sendPhoto',
  text: '[sendPhoto tien-do-kh-158-2026-12-05.png] tiến độ theo đơn vị',
  gen,
  at: 2,
});
const answer: ChatEvent = { type: 'send', method: 'sendMessage', text: 'Nhiệm vụ 4 – phường Nhị Chiểu', gen: 1, at: 3 };
const row = (chatId: number, kind: string, state = 'sent', attempts = 1): NotificationRow => ({
  kind,
  recipient: `tg:${chatId}`,
  slot: SLOT,
  state,
  attempts,
});

describe('checkDigests', () => {
  it('counts each person who got one digest and its chart, as the notifications say', () => {
    const check = checkDigests(
      [
        { chatId: 1, events: [answer, digest(1), chart(1)] },
        // A quiet plan: no chart, no digest_chart row.
        { chatId: 2, events: [digest(2), answer] },
      ],
      [row(1, 'digest'), row(1, 'digest_chart'), row(2, 'digest'), row(2, 'reminder')],
      true,
    );
    expect(check).toEqual({
      scheduled: true,
      recipients: 2,
      once: 2,
      sentAgainAtKill: { count: 0, samples: [] },
      digestsSent: 2,
      chartsSent: 1,
      findings: { count: 0, samples: [] },
    });
  });

  it('finds a digest sent twice, one missing, a chart the rows do not account for, and a claim never finished', () => {
    const check = checkDigests(
      [
        { chatId: 1, events: [digest(1), chart(1), digest(2), chart(2)] },
        { chatId: 2, events: [answer] },
        { chatId: 3, events: [digest(1), chart(1)] },
        { chatId: 4, events: [digest(1)] },
      ],
      [
        row(1, 'digest', 'sent', 2),
        row(1, 'digest_chart', 'sent', 2),
        row(2, 'digest'),
        row(3, 'digest'),
        row(4, 'digest', 'claimed'),
      ],
      true,
    );
    expect(check.once).toBe(0);
    expect(check.findings).toEqual({
      count: 4,
      samples: [
        { chatId: 1, digests: 2, charts: 2, rows: [`digest ${SLOT} sent x2`, `digest_chart ${SLOT} sent x2`] },
        { chatId: 2, digests: 0, charts: 0, rows: [`digest ${SLOT} sent x1`] },
        { chatId: 3, digests: 1, charts: 1, rows: [`digest ${SLOT} sent x1`] },
        { chatId: 4, digests: 1, charts: 0, rows: [`digest ${SLOT} claimed x1`] },
      ],
    });
  });

  it('tells apart a chart sent again after its first sender was SIGKILLed before recording it', () => {
    const chats = [{ chatId: 1, events: [digest(2), chart(1), chart(3)] }];
    const rows = [row(1, 'digest'), row(1, 'digest_chart', 'sent', 2)];
    const atKill = checkDigests(chats, rows, true, new Set([1]));
    expect(atKill).toMatchObject({ once: 0, findings: { count: 0 } });
    expect(atKill.sentAgainAtKill).toEqual({
      count: 1,
      samples: [{ chatId: 1, digests: 1, charts: 2, rows: [`digest ${SLOT} sent x1`, `digest_chart ${SLOT} sent x2`] }],
    });
    // The first copy from a process that was not killed, or a claim never taken again: sent twice, a finding.
    expect(checkDigests(chats, rows, true, new Set([2])).findings.count).toBe(1);
    expect(checkDigests(chats, [row(1, 'digest'), row(1, 'digest_chart')], true, new Set([1])).findings.count).toBe(1);
  });

  it('checks nothing when no digest fell due during the run', () => {
    expect(checkDigests([{ chatId: 1, events: [answer] }], [], false)).toMatchObject({
      scheduled: false,
      recipients: 0,
      once: 0,
      findings: { count: 0 },
    });
  });
});
