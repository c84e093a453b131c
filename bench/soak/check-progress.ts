import type { Answer } from './attribute.js';
import type { UpdateRow } from './store-reader.js';
import type { SentMessage } from './users.js';

/** What the bot's reply says when it stored an update, or when a delivery was already stored (src/messages/vi-progress.ts). */
const STORED = ['Đã lưu cập nhật', 'đã được lưu trước đó'];
const MARKER = /soak-[a-z0-9]+-u\d+-m\d+/;
const SAMPLES = 5;

/** One finding about one message: enough to look it up in the bot's log and the database. */
export type Finding = { updateId: number; userId: number; text: string; detail: string };

export type ProgressCheck = {
  /** Valid /capnhat messages sent. */
  sent: number;
  /** Of those, answered with "stored". */
  acknowledged: number;
  /** Acknowledged and found exactly once, as sent. */
  storedOnce: number;
  /** Stored, but the person never saw the acknowledgement (its answer was lost). */
  storedNotAcknowledged: number;
  /** Acknowledged but stored 0 or 2+ times, or stored with other values; stored twice even unacknowledged. */
  failures: { count: number; samples: Finding[] };
  /** Invalid inputs whose marker shows up in a stored row. */
  invalidStored: { count: number; samples: Finding[] };
};

const finding = (m: SentMessage, detail: string): Finding => ({
  updateId: m.updateId,
  userId: m.userId,
  text: m.step.text.slice(0, 100),
  detail,
});

function push(list: { count: number; samples: Finding[] }, f: Finding): void {
  list.count++;
  if (list.samples.length < SAMPLES) list.samples.push(f);
}

/** Holds the raw `updates` rows (read apart from the bot, in id order) against what each person was told. */
export function checkProgress(
  stored: UpdateRow[],
  messages: SentMessage[],
  answersOf: (updateId: number) => Answer[],
): ProgressCheck {
  const byMarker = new Map<string, UpdateRow[]>();
  for (const row of stored) {
    const marker = MARKER.exec(row.note)?.[0];
    if (marker) byMarker.set(marker, [...(byMarker.get(marker) ?? []), row]);
  }
  const check: ProgressCheck = {
    sent: 0,
    acknowledged: 0,
    storedOnce: 0,
    storedNotAcknowledged: 0,
    failures: { count: 0, samples: [] },
    invalidStored: { count: 0, samples: [] },
  };
  for (const m of messages) {
    if (m.step.marker && (byMarker.get(m.step.marker)?.length ?? 0) > 0)
      push(check.invalidStored, finding(m, 'an invalid update was stored'));
    const expected = m.step.update;
    if (!expected) continue;
    check.sent++;
    const rows = byMarker.get(expected.note) ?? [];
    const acknowledged = answersOf(m.updateId).some((a) =>
      a.texts.some((t) => t.includes(expected.note) && STORED.some((s) => t.includes(s))),
    );
    if (acknowledged) check.acknowledged++;
    if (rows.length > 1) push(check.failures, finding(m, `stored ${rows.length} times`));
    else if (rows.length === 1 && !acknowledged) check.storedNotAcknowledged++;
    else if (rows.length === 0 && acknowledged) push(check.failures, finding(m, 'acknowledged but not stored'));
    if (rows.length !== 1 || !acknowledged) continue;
    const row = rows[0]!;
    const same =
      row.plan === expected.plan &&
      row.task === expected.task &&
      row.status === expected.status &&
      row.percent === expected.percent;
    const delivery = row.channel === 'telegram' && row.message_id.startsWith(`${m.userId}:`);
    if (same && delivery) check.storedOnce++;
    else push(check.failures, finding(m, `stored as ${JSON.stringify(row)}`));
  }
  return check;
}
