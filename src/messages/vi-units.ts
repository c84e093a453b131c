/** Vietnamese text for member units of a plan's groups, tasks tracked per member and the per-unit view. */
import type { Bucket, DigestItem, UnitCounts } from '../digest/index.js';
import type { ShareState, TaskState } from '../tasks/index.js';

/** What `units --plan ID` prints for a group with no declared member. */
export const UNDECLARED_GROUP = 'chưa khai báo';

/** "3/5 đơn vị hoàn thành". */
export const sharesCount = (shares: NonNullable<DigestItem['shares']>): string =>
  `${shares.done}/${shares.total} đơn vị hoàn thành`;

/** One member's share as `/tiendo` lists it: "hoàn thành", "đang thực hiện 60%", "vướng mắc: …", "chưa báo cáo". */
function shareStatus(s: TaskState): string {
  switch (s.status) {
    case 'done':
      return 'hoàn thành';
    case 'in_progress':
      return `đang thực hiện${s.percent !== null ? ` ${s.percent}%` : ''}`;
    case 'blocked':
      return `vướng mắc${s.lastStatusUpdate?.note ? `: ${s.lastStatusUpdate.note}` : ''}`;
    case 'not_started':
      return 'chưa thực hiện';
    case null:
      return 'chưa báo cáo';
  }
}

/** The lines `/tiendo` adds for a task tracked per member: the count, then each member's status (late ones marked). */
export function sharesLines(shares: ShareState[]): string[] {
  const done = shares.filter((sh) => sh.state.status === 'done').length;
  return [
    `Theo đơn vị (${sharesCount({ done, total: shares.length, open: [] })}):`,
    ...shares.map(
      (sh) =>
        `• ${sh.unit}: ${shareStatus(sh.state)}${sh.state.kind === 'overdue' ? ` (quá hạn ${sh.state.daysLate} ngày)` : ''}`,
    ),
  ];
}

/** "• Phần việc của: UBND xã Tân Chi" in the echo of a stored update. */
export const shareLine = (unit: string): string => `• Phần việc của: ${unit}`;

/** After an overdue task tracked per member: ", 3/5 đơn vị hoàn thành, chưa xong: UBND xã A, UBND xã B". */
export function openSharesText(shares: DigestItem['shares'], most: number): string {
  if (shares === null) return '';
  const named = shares.open.slice(0, most).join(', ');
  const more = shares.open.length > most ? ` và ${shares.open.length - most} đơn vị khác` : '';
  return `, ${sharesCount(shares)}${shares.open.length > 0 ? `, chưa xong: ${named}${more}` : ''}`;
}

const UNIT_PARTS: [Bucket, string][] = [
  ['overdue', 'quá hạn'],
  ['no_report', 'chưa báo cáo'],
  ['in_progress', 'đang thực hiện'],
  ['done', 'hoàn thành'],
];

/** "UBND xã Tân Chi: 1 quá hạn, 2 chưa báo cáo, 1 hoàn thành" (zero counts left out). */
export const unitLine = (u: UnitCounts): string =>
  `${u.unit}: ${UNIT_PARTS.filter(([b]) => u.counts[b] > 0)
    .map(([b, label]) => `${u.counts[b]} ${label}`)
    .join(', ')}`;

/** Heading of the digest's per-unit view, and its line for the units left off. */
export const UNITS_TEXT = {
  digestTitle: '🏢 Theo đơn vị (cần đôn đốc trước):',
  more: (n: number) => `  … và ${n} đơn vị khác`,
  reportHeading: 'III. TIẾN ĐỘ THEO ĐƠN VỊ',
  reportColumns: ['Đơn vị', 'Hoàn thành', 'Đang thực hiện', 'Quá hạn', 'Chưa báo cáo'],
  share: (unit: string) => `phần của ${unit}`,
};

/** The cells of one unit row of the report. */
export const unitCells = (u: UnitCounts): string[] => [
  u.unit,
  String(u.counts.done),
  String(u.counts.in_progress),
  String(u.counts.overdue),
  String(u.counts.no_report),
];
