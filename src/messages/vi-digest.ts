import { cutAtWord } from '../text/index.js';
import { daysBetween } from '../calendar/index.js';
import type {
  Bucket,
  DigestItem,
  FiguresError,
  FigureInput,
  ReportPeriod,
  PlanDigest,
  PlannedReminder,
  ReportModel,
  TargetResult,
} from '../digest/index.js';
import type { TaskStateKind, UpdateRecord } from '../tasks/index.js';
import { formatDay, placeOf, planNameOf, statusText } from './vi-progress.js';
import { openSharesText, sharesCount, unitLine, UNITS_TEXT } from './vi-units.js';

/** Task states as reports print them. */
export const STATE_LABELS: Record<TaskStateKind, string> = {
  no_report: 'Chưa báo cáo',
  not_started: 'Chưa thực hiện',
  in_progress: 'Đang thực hiện',
  blocked: 'Vướng mắc',
  done_on_time: 'Hoàn thành đúng hạn',
  done_late: 'Hoàn thành muộn',
  overdue: 'Quá hạn',
  due_soon: 'Sắp đến hạn',
};

/**
 * The same, in a report on a period already over, whose states are those of its last day: a task that was due a few
 * days after it was not yet due then ("Sắp đến hạn" would read wrong months later).
 */
const CLOSED_PERIOD_STATE_LABELS: Record<TaskStateKind, string> = { ...STATE_LABELS, due_soon: 'Chưa đến hạn' };

/** Chart and count buckets. */
export const BUCKET_LABELS: Record<Bucket, string> = {
  done: 'Hoàn thành',
  in_progress: 'Đang thực hiện',
  overdue: 'Quá hạn',
  no_report: 'Chưa báo cáo',
};

const MAX_ITEMS = 5;
/** Units named in the digest's per-unit view, and members named after an overdue task. */
const MAX_UNITS = 10;
const MAX_OPEN_SHARES = 5;
const ROMAN = ['I', 'II', 'III', 'IV'];
const pct = (n: number) => `${String(Math.round(n * 10) / 10).replace('.', ',')}%`;

/** "6 tháng đầu năm 2026", "năm 2026", "quý III năm 2026", "9 tháng năm 2026". */
export function reportPeriodLabel(p: ReportPeriod): string {
  if (p.kind === 'year') return `năm ${p.year}`;
  if (p.kind === 'nine_months') return `9 tháng năm ${p.year}`;
  if (p.kind === 'quarter') return `quý ${ROMAN[p.index - 1]} năm ${p.year}`;
  return `6 tháng ${p.index === 1 ? 'đầu' : 'cuối'} năm ${p.year}`;
}

function list<T>(title: string, items: T[], line: (x: T) => string): string[] {
  if (items.length === 0) return [];
  const more = items.length > MAX_ITEMS ? [`  … và ${items.length - MAX_ITEMS} nhiệm vụ khác`] : [];
  return ['', title, ...items.slice(0, MAX_ITEMS).map((x) => `• ${line(x)}`), ...more];
}

const textBar = (n: number, total: number) => {
  const filled = total === 0 ? 0 : Math.round((n / total) * 10);
  return '▓'.repeat(filled) + '░'.repeat(10 - filled);
};

function countLines(d: PlanDigest): string[] {
  const order: Bucket[] = ['done', 'in_progress', 'overdue', 'no_report'];
  return [
    `Tiến độ ${d.total} nhiệm vụ:`,
    ...order.map((b) => `${textBar(d.counts[b], d.total)} ${BUCKET_LABELS[b]}: ${d.counts[b]}`),
  ];
}

/** "NV 4" for an appendix task, "Mục IV.2.b" for a body duty. */
const itemRef = (i: Pick<DigestItem, 'no' | 'source'>) => `${i.source === 'body' ? 'Mục' : 'NV'} ${i.no}`;

const taskLine = (suffix: (i: DigestItem) => string) => (i: DigestItem) =>
  `${itemRef(i)} (${cutAtWord(i.lead, 40)}): ${suffix(i)} — ${cutAtWord(i.content, 60)}`;

const updateLine = (u: UpdateRecord) =>
  `NV ${u.task} — ${u.userName}${u.unit ? ` (${u.unit})` : ''}: ${statusText(u.status, u.percent)}${u.note ? ` — ${cutAtWord(u.note, 80)}` : ''}`;

/** One target with the rate reached: "tỷ lệ hội nghị trực tuyến ≥ 60%: 65% — ĐẠT". */
export function targetLine(r: TargetResult): string {
  const goal = `${r.target.comparator === 'reduce' ? 'giảm' : 'đạt'} ${r.target.comparator === 'min' ? '≥ ' : ''}${pct(r.target.percent)}`;
  const head = `${cutAtWord(r.target.phrase, 70)} (chỉ tiêu: ${goal})`;
  if (r.actual === null) return `${head}: chưa có số liệu`;
  return `${head}: ${r.target.comparator === 'reduce' ? 'giảm ' : ''}${pct(r.actual)} — ${r.met ? 'ĐẠT' : 'CHƯA ĐẠT'}`;
}

/** The per-unit view: the units that need a push first; only when some task is tracked per member or units are many. */
function unitLines(d: PlanDigest): string[] {
  if (d.units.length < 2) return [];
  const more = d.units.length > MAX_UNITS ? [UNITS_TEXT.more(d.units.length - MAX_UNITS)] : [];
  return ['', UNITS_TEXT.digestTitle, ...d.units.slice(0, MAX_UNITS).map((u) => `• ${unitLine(u)}`), ...more];
}

function reportLine(d: PlanDigest): string[] {
  if (!d.nextReport) return [];
  const { reporting, date } = d.nextReport;
  const to = reporting.recipient ? `, gửi ${reporting.recipient}` : '';
  return ['', `📅 Kỳ báo cáo tới: báo cáo ${reporting.period}, hạn ${formatDay(date)}${to}.`];
}

/** The digest of one plan as a leader reads it on a phone; one line when nothing moved and nothing is late. */
export function renderDigest(d: PlanDigest, late = false): string {
  const name = planNameOf(d.planNumber, placeOf(d.planLocality), d.planId);
  const lateNote = late ? ' (gửi bù)' : '';
  if (d.quiet) return `📋 ${name}, ${formatDay(d.today)}${lateNote}: không có cập nhật mới, không có nhiệm vụ quá hạn.`;
  const measured = d.targets.filter((t) => t.actual !== null);
  return [
    `📋 ${name} — tổng hợp ngày ${formatDay(d.today)}${lateNote}`,
    ...countLines(d),
    ...list(
      '🔴 Quá hạn:',
      d.overdue,
      taskLine((i) => `trễ ${i.days} ngày${openSharesText(i.shares, MAX_OPEN_SHARES)}`),
    ),
    ...list(
      '⏰ Đến hạn trong 7 ngày:',
      d.dueSoon,
      taskLine((i) => (i.days === 0 ? 'hạn hôm nay' : `còn ${i.days} ngày`)),
    ),
    ...list('📝 Cập nhật mới:', d.updates, updateLine),
    ...list('⛔ Vướng mắc:', d.blocked, (i) => `${itemRef(i)}: ${cutAtWord(i.note, 80)}`),
    ...list(
      '💤 Quá 30 ngày chưa báo cáo:',
      d.silent,
      taskLine((i) => (i.days < 0 ? 'chưa báo cáo lần nào' : `${i.days} ngày`)),
    ),
    ...unitLines(d),
    ...reportLine(d),
    ...list(`🎯 Chỉ tiêu năm ${d.today.slice(0, 4)}:`, measured, targetLine),
  ].join('\n');
}

/** Chart title and legend. */
export function chartLabels(d: PlanDigest) {
  return {
    title: `${planNameOf(d.planNumber, placeOf(d.planLocality), d.planId)}: tiến độ theo đơn vị (${formatDay(d.today)})`,
    buckets: BUCKET_LABELS,
    more: (n: number) => `… và ${n} đơn vị khác`,
  };
}

/** A reminder to a unit's officers, saying what to do and how to update. */
export function renderReminder(
  r: PlannedReminder,
  today: string,
  planNumber: string | null,
  planPlace: string | null,
): string {
  const name = planNameOf(planNumber, planPlace, r.plan);
  const late = r.late ? ' (gửi bù)' : '';
  const left = daysBetween(today, r.due);
  if (r.kind === 'reporting_7d') {
    return `📅 Nhắc kỳ báo cáo${late}: báo cáo ${r.subject} ${name} hạn ${formatDay(r.due)} (còn ${left} ngày). Lập báo cáo bằng lệnh /baocao.`;
  }
  const content = cutAtWord(r.state?.task.content ?? '', 160);
  const how = `Cập nhật: /capnhat ${r.subject} hoàn thành <kết quả>, /capnhat ${r.subject} đang thực hiện 60% hoặc /capnhat ${r.subject} vướng mắc <lý do>.`;
  const when =
    r.kind === 'overdue_weekly'
      ? `đã quá hạn ${-left} ngày (hạn ${formatDay(r.due)}) và chưa hoàn thành`
      : `đến hạn ngày ${formatDay(r.due)} (còn ${left} ngày)`;
  const what = r.state?.task.source === 'body' ? 'Mục' : 'Nhiệm vụ';
  const share = r.share ? ` (${UNITS_TEXT.share(r.share)})` : '';
  return `⏰ Nhắc việc${late}: ${what} ${r.subject} ${name}${share} ${when}.\n${content}\n${how}`;
}

/** Headings and column names of the periodic report. */
export const REPORT_TEXT = {
  columns: [
    'STT',
    'Nội dung nhiệm vụ',
    'Cơ quan chủ trì',
    'Thời hạn',
    'Tình trạng',
    'Kết quả, ghi chú',
    'Cập nhật lần cuối',
  ],
  tasksHeading: 'I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ',
  targetsHeading: 'II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU',
  targetColumns: ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'],
  noTargets: 'Kế hoạch không nêu chỉ tiêu định lượng.',
  sheetName: 'Báo cáo',
  /** The signature block under the tables: who drew it up (left), who signs for the body (right). */
  signers: [
    ['NGƯỜI LẬP BIỂU', '(Ký, ghi rõ họ tên)'],
    ['THỦ TRƯỞNG ĐƠN VỊ', '(Ký tên, đóng dấu)'],
  ] as const,
};

/** "BÁO CÁO Kết quả thực hiện Kế hoạch số 158/KH-UBND ..." heading lines. */
export function reportHeading(m: ReportModel): { title: string; attached: string; subtitle: string; meta: string[] } {
  return {
    title: `BÁO CÁO KẾT QUẢ THỰC HIỆN ${m.planNumber ? `KẾ HOẠCH SỐ ${m.planNumber}` : 'KẾ HOẠCH'}`,
    // The blanks are filled in by hand by the office that files the report with its cover letter.
    attached: `(Kèm theo Báo cáo số …/BC-… ngày …/…/… của ${m.issuer ?? m.planId})`,
    subtitle: m.planTitle,
    meta: [
      `Đơn vị: ${m.issuer ?? m.planId}`,
      `Kỳ báo cáo: ${reportPeriodLabel(m.period)} (từ ${formatDay(m.period.start)} đến ${formatDay(m.period.end)})`,
      ...(isClosed(m) ? [`Tình trạng nhiệm vụ: tính đến hết ngày ${formatDay(m.statesOn)} (cuối kỳ báo cáo)`] : []),
      `Ngày lập: ${formatDay(m.generatedOn)}`,
    ],
  };
}

/** Whether the report looks back on a period over before the day it was made. */
const isClosed = (m: ReportModel) => m.statesOn < m.generatedOn;

/** The cells of one report row of `m`, in column order. */
export function reportCells(m: ReportModel, r: ReportModel['rows'][number]): string[] {
  const labels = isClosed(m) ? CLOSED_PERIOD_STATE_LABELS : STATE_LABELS;
  const percent = r.percent !== null && r.state !== 'done_on_time' && r.state !== 'done_late' ? ` (${r.percent}%)` : '';
  const state = `${labels[r.state]}${percent}${r.shares ? `\n${sharesCount(r.shares)}` : ''}`;
  const notes = r.updates
    .map(
      ({ day, update: u }) =>
        `${formatDay(day)}${u.unit ? ` ${u.unit}` : ''} ${statusText(u.status, u.percent)}${u.note ? `: ${u.note}` : ''}`,
    )
    .join('\n');
  return [r.no, r.content, r.lead, r.deadline, state, notes, r.lastUpdate ? formatDay(r.lastUpdate) : ''];
}

/** The cells of one target row: subject, goal, reached, assessment. */
export function targetCells(r: TargetResult): string[] {
  const goal = `${r.target.comparator === 'reduce' ? 'Giảm' : 'Đạt'} ${r.target.comparator === 'min' ? '≥ ' : ''}${pct(r.target.percent)}`;
  const reached =
    r.actual === null ? 'Chưa có số liệu' : `${r.target.comparator === 'reduce' ? 'Giảm ' : ''}${pct(r.actual)}`;
  return [r.target.phrase, goal, reached, r.met === null ? '' : r.met ? 'Đạt' : 'Chưa đạt'];
}

/** Replies of /digest, /nhandigest, /tatdigest, /baocao, /solieu. */
export const DIGEST_REPLIES = {
  subscribed: 'Đã đăng ký nhận bản tổng hợp hằng ngày (07:30 các ngày làm việc). Gửi /tatdigest để dừng.',
  alreadySubscribed: 'Bạn đã đăng ký nhận bản tổng hợp hằng ngày. Gửi /tatdigest để dừng.',
  unsubscribed: 'Đã dừng gửi bản tổng hợp hằng ngày. Gửi /nhandigest để nhận lại.',
  notSubscribed: 'Bạn chưa đăng ký nhận bản tổng hợp. Gửi /nhandigest để đăng ký.',
  notRegistered: 'Bạn chưa đăng ký tài khoản. Hãy nhận mã mời từ quản trị viên và gửi /start MÃ để đăng ký.',
  leadersOnly: 'Chỉ lãnh đạo và quản trị viên được lập báo cáo. Bạn có thể xem tiến độ bằng /viec hoặc /tiendo.',
  badPeriod: 'Kỳ báo cáo không hợp lệ. Ví dụ: /baocao 6thang, /baocao nam, /baocao quy hoặc /baocao 2026-H1.',
  noPlan: 'Tài khoản của bạn chưa gắn với kế hoạch nào, nên chưa có bản tổng hợp hay báo cáo để gửi.',
  reportCaption: (m: ReportModel) =>
    `Báo cáo kết quả thực hiện ${planNameOf(m.planNumber, placeOf(m.planLocality), m.planId)}, ${reportPeriodLabel(m.period)}.`,
  figuresSaved: (inputs: FigureInput[], lines: string[]) =>
    [`Đã ghi ${inputs.length} số liệu.`, ...lines.map((l) => `• ${l}`)].join('\n'),
};

const FIGURES_EXAMPLE = 'Ví dụ: /solieu hoinghi 2026 tong=40 tructuyen=26 hoặc /solieu vanban 2026 45 2025 60';

/** Why `/solieu` arguments were refused, with a correct example. */
export function renderFiguresError(error: FiguresError): string {
  switch (error.code) {
    case 'figures_empty':
      return `Hãy nhập loại số liệu, năm và số. ${FIGURES_EXAMPLE}`;
    case 'figures_unknown_metric':
      return `Không rõ loại số liệu "${cutAtWord(error.word, 30)}". Dùng: hoinghi, vanban hoặc thutuc. ${FIGURES_EXAMPLE}`;
    case 'figures_missing_year':
      return `Hãy ghi năm trước số liệu. ${FIGURES_EXAMPLE}`;
    case 'figures_bad_value':
      return `Không đọc được "${cutAtWord(error.token, 30)}": số liệu phải là số không âm, trường là tong hoặc tructuyen. ${FIGURES_EXAMPLE}`;
    case 'figures_bad_year':
      return `Năm ${error.year} không hợp lệ: số liệu là kết quả đã đạt, ghi cho các năm từ ${error.first} đến ${error.last}. ${FIGURES_EXAMPLE}`;
    case 'figures_online_over_total':
      return `Số trực tuyến (${error.online}) không thể lớn hơn tổng số (${error.total}) của năm ${error.year}. ${FIGURES_EXAMPLE}`;
  }
}
