import type { ChatEvent } from './fake-telegram.js';
import type { NotificationRow } from './store-reader.js';

const SAMPLES = 5;

/** A person whose digest did not come exactly once. */
export type DigestFinding = { chatId: number; digests: number; charts: number; rows: string[] };

export type DigestCheck = {
  /** Whether a digest fell due during the run (PostgreSQL runs schedule one; the SQLite default run none). */
  scheduled: boolean;
  /** People who should get it (every simulated person leads a plan). */
  recipients: number;
  /** People with exactly one digest, and its chart once or not at all as the `digest_chart` row says, both sent. */
  once: number;
  /**
   * People who got a message of their digest twice, the first copy from a process SIGKILLed before it recorded it
   * sent (its claim taken again): sendMessage is not idempotent, as with answers at a kill.
   */
  sentAgainAtKill: { count: number; samples: DigestFinding[] };
  /** Digest messages (📋) and charts that reached the people in all. */
  digestsSent: number;
  chartsSent: number;
  /** Anything else: a digest or chart missing, or sent twice outside a kill. */
  findings: { count: number; samples: DigestFinding[] };
};

const isDigest = (e: ChatEvent) => e.type === 'send' && e.text.startsWith('📋');
const isChart = (e: ChatEvent) => e.type === 'send' && e.text.startsWith('[sendPhoto tien-do-');

type Verdict = 'once' | 'againAtKill' | 'wrong';

/** One message of a digest (its text, or its chart) against its `notifications` rows (one at most, for the slot). */
function verdictOf(copies: ChatEvent[], rows: NotificationRow[], killed: ReadonlySet<number>): Verdict {
  const sent = rows.filter((r) => r.state === 'sent').length;
  if (rows.length > 1 || sent !== rows.length) return 'wrong';
  if (copies.length === sent) return 'once';
  const retaken = rows[0] !== undefined && rows[0].attempts > 1;
  return copies.length === sent + 1 && retaken && killed.has(copies[0]!.gen) ? 'againAtKill' : 'wrong';
}

function add(list: { count: number; samples: DigestFinding[] }, finding: DigestFinding): void {
  list.count++;
  if (list.samples.length < SAMPLES) list.samples.push(finding);
}

/**
 * Holds what each person received against the `notifications` rows: one scheduled digest (📋) per person, claimed
 * and sent (one `digest` row), and its chart (sendPhoto) as often as its `digest_chart` row says (none on a quiet
 * day). A copy sent by a process SIGKILLed before it recorded it, then sent again by whoever took the claim, is told
 * apart (`sentAgainAtKill`, with the generations `killed`); any other digest sent twice (two instances' schedulers,
 * a restart's catch-up) or not at all is a finding. Only for runs whose script never asks `/digest` (its answer is a
 * digest too).
 */
export function checkDigests(
  chats: { chatId: number; events: readonly ChatEvent[] }[],
  rows: NotificationRow[],
  scheduled: boolean,
  killed: ReadonlySet<number> = new Set(),
): DigestCheck {
  const check: DigestCheck = {
    scheduled,
    recipients: scheduled ? chats.length : 0,
    once: 0,
    sentAgainAtKill: { count: 0, samples: [] },
    digestsSent: 0,
    chartsSent: 0,
    findings: { count: 0, samples: [] },
  };
  if (!scheduled) return check;
  for (const { chatId, events } of chats) {
    const digests = events.filter(isDigest);
    const charts = events.filter(isChart);
    check.digestsSent += digests.length;
    check.chartsSent += charts.length;
    const own = rows.filter((r) => r.recipient === `tg:${chatId}`);
    const textRows = own.filter((r) => r.kind === 'digest');
    const verdicts = [
      textRows.length === 1 ? verdictOf(digests, textRows, killed) : 'wrong',
      verdictOf(
        charts,
        own.filter((r) => r.kind === 'digest_chart'),
        killed,
      ),
    ];
    if (verdicts.every((v) => v === 'once')) {
      check.once++;
      continue;
    }
    const finding = {
      chatId,
      digests: digests.length,
      charts: charts.length,
      rows: own.map((r) => `${r.kind} ${r.slot} ${r.state} x${r.attempts}`),
    };
    add(verdicts.includes('wrong') ? check.findings : check.sentAgainAtKill, finding);
  }
  return check;
}
