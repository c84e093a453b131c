/** The pieces answers are made of: places, plan names, sources, deadlines, and one line or block per task or duty. */
import type { AgencyRef, Deadline, Task } from '../knowledge/index.js';
import type { QuestionRange, DutyFact, PlanRef, TaskFact, TaskField, TaskGroup } from '../search/index.js';
import { cutAtWord, tokenize } from '../text/index.js';
import { formatDay, placeOf, planNameOf, STATUS_LABEL } from './vi-progress.js';

export const LINE = 90;
export const PASSAGE = 320;
const ROMAN = ['', 'I', 'II', 'III', 'IV'];

export const sentence = (s: string) =>
  s ? s.charAt(0).toLocaleUpperCase('vi') + s.slice(1).toLocaleLowerCase('vi') : s;

/** "phường Nhị Chiểu" (the plan id when the plan names no locality). */
export const place = (p: PlanRef) => placeOf(p.meta.locality) ?? p.id;
export const Place = (p: PlanRef) => place(p).charAt(0).toLocaleUpperCase('vi') + place(p).slice(1);
/** "Kế hoạch 158/KH-UBND phường Nhị Chiểu"; an amended one says its version: "… (bản sửa đổi lần 1)". */
export const planName = (p: PlanRef) =>
  (p.meta.number ? `Kế hoạch ${p.meta.number} ${place(p)}` : planNameOf(null, placeOf(p.meta.locality), p.id)) +
  (p.version ? ` (bản sửa đổi lần ${p.version - 1})` : '');
const taskSource = (p: PlanRef, no: string) => `Nguồn: ${planName(p)}, Phụ lục, nhiệm vụ ${no}.`;
export const where = (p: PlanRef, task: string | null, section: string | null) =>
  `${place(p)}, ${task ? `nhiệm vụ ${task}` : section ? `mục ${section}` : 'phần đầu kế hoạch'}`;

/**
 * Agencies as the plan writes them, with the full names of those the writing abbreviates:
 * "Phòng VHXXH (Phòng Văn hóa - Xã hội)".
 */
function agenciesText(raw: string, refs: readonly AgencyRef[]): string {
  const words = (s: string) =>
    ` ${tokenize(s)
      .filter((w) => w !== 'va')
      .join(' ')} `;
  const written = words(raw);
  const unsaid = refs.map((r) => r.name).filter((name) => !written.includes(words(name)));
  return unsaid.length > 0 ? `${raw} (${unsaid.join('; ')})` : raw;
}

/** "Quý IV/2026 (đến 31/12/2026)", "Trước 10/5/2026 (hạn 10/05/2026)", "Thường xuyên". */
function deadlineText(d: Deadline): string {
  // A cell ending with a full stop ("Thường xuyên.") would end the sentence around it with two.
  const raw = d.raw.replace(/[\s.]+$/u, '');
  if (!raw && !d.due) return 'không ghi';
  if (d.kind === 'date' && d.due) return raw.includes(formatDay(d.due)) ? raw : `${raw} (hạn ${formatDay(d.due)})`;
  return d.due ? `${raw} (đến ${formatDay(d.due)})` : raw;
}

export function rangeText(r: QuestionRange): string {
  switch (r.kind) {
    case 'month':
      return `tháng ${r.index}/${r.year}`;
    case 'quarter':
      return `quý ${ROMAN[r.index]}/${r.year}`;
    case 'year':
      return `năm ${r.year}`;
    case 'day':
      return `ngày ${formatDay(r.from)}`;
    case 'week':
      return `tuần ${formatDay(r.from)}–${formatDay(r.to)}`;
    default:
      return `thời gian ${formatDay(r.from)}–${formatDay(r.to)}`;
  }
}

/** One compact line of a task list: number, content cut to a line, lead, deadline, and progress when reported. */
export function taskLine(f: TaskFact, extra = ''): string {
  const t = f.task;
  const progress = f.progress ? ` | Tiến độ: ${progressText(f)}` : '';
  return `• NV ${t.no}: ${cutAtWord(t.content, LINE)} | Chủ trì: ${agenciesText(t.leadRaw, t.lead) || 'không ghi'} | Hạn: ${deadlineText(t.deadline)}${extra}${progress}`;
}

function progressText(f: TaskFact): string {
  const p = f.progress;
  if (!p) return '';
  const pct = p.status === 'in_progress' && p.percent !== null ? ` ${p.percent}%` : '';
  const note = p.note ? ` – ${cutAtWord(p.note, LINE)}` : '';
  return `${STATUS_LABEL[p.status]}${pct}${note}${p.updatedOn ? ` (cập nhật ${formatDay(p.updatedOn)})` : ''}`;
}

const FIELD_LABEL: Record<Exclude<TaskField, 'task'>, (t: Task) => string> = {
  lead: (t) => `Chủ trì: ${agenciesText(t.leadRaw, t.lead) || 'không ghi'}.`,
  coordinators: (t) =>
    `Phối hợp: ${agenciesText(t.coordinatorsRaw, t.coordinators) || 'kế hoạch không ghi cơ quan phối hợp'}.`,
  product: (t) => `Sản phẩm/kết quả: ${t.product || 'kế hoạch không ghi'}.`,
  deadline: (t) => `Thời hạn: ${deadlineText(t.deadline)}.`,
};

export function taskBlock(f: TaskFact, field: TaskField): string {
  const t = f.task;
  const head = `Nhiệm vụ ${t.no} – ${place(f.plan)}: ${field === 'task' ? t.content : cutAtWord(t.content, LINE)}`;
  const lines =
    field === 'task'
      ? (['lead', 'coordinators', 'product', 'deadline'] as const).map((k) => FIELD_LABEL[k](t))
      : [FIELD_LABEL[field](t)];
  const progress = progressText(f);
  return [head, ...lines, ...(progress ? [`Tiến độ: ${progress}.`] : []), taskSource(f.plan, t.no)].join('\n');
}

function standing(f: TaskFact, today: string): string {
  const d = f.task.deadline;
  const late = f.progress?.doneLateDays ?? 0;
  if (f.progress?.status === 'done' && late > 0) return `đã hoàn thành trễ ${late} ngày (hạn ${deadlineText(d)}).`;
  if (f.progress?.status === 'done') return `đã hoàn thành, không quá hạn (hạn ${deadlineText(d)}).`;
  if (f.daysLate !== null)
    return `đã quá hạn ${f.daysLate} ngày (hạn ${deadlineText(d)}, tính đến ${formatDay(today)}).`;
  if (f.daysLeft !== null) return `chưa quá hạn, còn ${f.daysLeft} ngày (hạn ${deadlineText(d)}).`;
  return `không có ngày hạn cụ thể (thời hạn: ${deadlineText(d)}), nên chưa tính quá hạn.`;
}

/** Dated work of a plan body: where it is, who does it, its deadline, whether it is late (progress is reported on tasks only). */
export function dutyStatusBlock(f: DutyFact, today: string): string {
  const d = f.duty;
  const standing =
    f.daysLate !== null
      ? `đã quá hạn ${f.daysLate} ngày (tính đến ${formatDay(today)})`
      : `chưa quá hạn, còn ${f.daysLeft} ngày`;
  return [
    `Mục ${d.section} – ${place(f.plan)}: ${cutAtWord(d.text, PASSAGE)}`,
    `Giao: ${agenciesText(d.agencyRaw, d.agency)}.`,
    `Thời hạn: ${deadlineText(d.deadline!)}.`,
    `Tình trạng: ${standing}, theo thời hạn trong kế hoạch.`,
    `Nguồn: ${planName(f.plan)}, mục ${d.section}.`,
  ].join('\n');
}

export function statusBlock(f: TaskFact, today: string, withProgress: boolean): string {
  const progress = progressText(f);
  const note = progress
    ? `Báo cáo tiến độ: ${progress}.`
    : withProgress
      ? 'Chưa có báo cáo tiến độ cho nhiệm vụ này.'
      : 'Theo thời hạn trong kế hoạch (chưa có báo cáo tiến độ).';
  return [
    `Nhiệm vụ ${f.task.no} – ${place(f.plan)}: ${cutAtWord(f.task.content, LINE)}`,
    `Tình trạng: ${standing(f, today)}`,
    note,
    taskSource(f.plan, f.task.no),
  ].join('\n');
}

/** One line of dated work from a plan body: its section, text cut to a line, agency, deadline. */
export function dutyLine(f: DutyFact, extra = ''): string {
  const d = f.duty;
  return `• Mục ${d.section}: ${cutAtWord(d.text, LINE)} | Giao: ${agenciesText(d.agencyRaw, d.agency)} | Hạn: ${deadlineText(d.deadline!)}${extra}`;
}

/** "Nguồn: Kế hoạch 45/KH-UBND xã Tân Phú, Phụ lục." or "…, mục III.1.1, III.2." for work from the body. */
export function groupSource(g: TaskGroup): string {
  const duties = g.duties ?? [];
  const parts = [
    ...(g.tasks.length + g.ongoing.length > 0 || duties.length === 0 ? ['Phụ lục'] : []),
    ...(duties.length > 0 ? [`mục ${duties.map((f) => f.duty.section).join(', ')}`] : []),
  ];
  return `Nguồn: ${planName(g.plan)}, ${parts.join('; ')}.`;
}
/** "Phường Nhị Chiểu", or "Phòng Văn hóa - Xã hội (phường Nhị Chiểu)" when the list is one agency's. */
export const whose = (g: TaskGroup, agency: string | null) => (agency ? `${agency} (${place(g.plan)})` : Place(g.plan));
