/** Vietnamese replies to questions about the plans (renders `Answer` from search). */
import type { ReportingDate } from '../knowledge/index.js';
import type { Answer, AnswerBody, BodyCount, MetaField, Passage, PlanRef, TaskGroup } from '../search/index.js';
import { cutAtWord, foldCase } from '../text/index.js';
import { formatDay } from './vi-progress.js';
import {
  LINE,
  PASSAGE,
  sentence,
  place,
  Place,
  planName,
  where,
  rangeText,
  taskLine,
  taskBlock,
  dutyStatusBlock,
  statusBlock,
  dutyLine,
  groupSource,
  whose,
} from './vi-answer-parts.js';

function dueText(b: Extract<AnswerBody, { kind: 'tasks_due' }>): string {
  const period = rangeText(b.range);
  if (b.groups.length === 0) return `Không có nhiệm vụ nào đến hạn trong ${period}.`;
  return b.groups
    .map((g) => {
      const late = (f: { daysLate: number | null }) => (f.daysLate !== null ? ` (đã quá hạn ${f.daysLate} ngày)` : '');
      const who = whose(g, b.agency);
      const lines = [...g.tasks.map((f) => taskLine(f, late(f))), ...(g.duties ?? []).map((f) => dutyLine(f, late(f)))];
      const due =
        lines.length > 0
          ? [`${who} – đến hạn trong ${period}:`, ...lines]
          : [`${who}: không có nhiệm vụ nào đến hạn trong ${period}.`];
      const ongoing =
        g.ongoing.length > 0
          ? [
              `Ngoài ra, việc thường xuyên, hằng năm (không có hạn riêng trong kỳ): NV ${g.ongoing.map((f) => f.task.no).join(', ')}.`,
            ]
          : [];
      return [...due, ...ongoing, groupSource(g)].join('\n');
    })
    .join('\n\n');
}

function overdueText(b: Extract<AnswerBody, { kind: 'overdue' }>): string {
  const basis = b.withProgress
    ? 'theo thời hạn và báo cáo tiến độ'
    : 'theo thời hạn trong kế hoạch, chưa tính báo cáo tiến độ';
  if (b.groups.length === 0) return `Không có nhiệm vụ nào quá hạn tính đến ${formatDay(b.today)} (${basis}).`;
  const blocks = b.groups.map((g) =>
    [
      `${whose(g, b.agency)}:`,
      ...g.tasks.map((f) => taskLine(f, `, quá ${f.daysLate} ngày`)),
      ...(g.duties ?? []).map((f) => dutyLine(f, `, quá ${f.daysLate} ngày`)),
      groupSource(g),
    ].join('\n'),
  );
  return [`Nhiệm vụ quá hạn tính đến ${formatDay(b.today)} (${basis}):`, ...blocks].join('\n\n');
}

function agencyText(b: Extract<AnswerBody, { kind: 'agency_tasks' }>): string {
  const part = (groups: TaskGroup[], verb: string) =>
    groups
      .filter((g) => g.tasks.length > 0 || b.role !== 'any')
      .map((g) =>
        g.tasks.length === 0
          ? `${b.agency} (${place(g.plan)}) không ${verb} nhiệm vụ nào trong Phụ lục.`
          : [
              `${b.agency} (${place(g.plan)}) ${verb} ${g.tasks.length} nhiệm vụ:`,
              ...g.tasks.map((f) => taskLine(f)),
              groupSource(g),
            ].join('\n'),
      );
  // Without appendix tasks the duties are the whole answer: quoted in full, not cut to a line.
  const hasTasks = [...b.lead, ...b.coordinate].some((g) => g.tasks.length > 0);
  const max = hasTasks ? LINE : PASSAGE;
  // The due day was read from the duty's text: said again only when the cut left it out.
  const agencyDutyLine = (p: Passage) =>
    p.due && p.text.length > max ? `${passageLine(p, max)} (hạn ${formatDay(p.due)})` : passageLine(p, max);
  const duties =
    b.duties.length > 0
      ? [[`${b.agency} còn được giao trong nội dung kế hoạch:`, ...b.duties.map(agencyDutyLine)].join('\n')]
      : [];
  return (
    [...part(b.lead, 'chủ trì'), ...part(b.coordinate, 'phối hợp'), ...duties].join('\n\n') ||
    `${b.agency} không có nhiệm vụ nào trong kế hoạch.`
  );
}

const listText = (groups: TaskGroup[], all: boolean) =>
  groups
    .map((g) => {
      const head = all
        ? `${Place(g.plan)} có ${g.plan.taskCount} nhiệm vụ trong Phụ lục:`
        : `${Place(g.plan)} – các nhiệm vụ liên quan:`;
      return [head, ...g.tasks.map((f) => taskLine(f)), groupSource(g)].join('\n');
    })
    .join('\n\n');

const reportLine = (r: ReportingDate) =>
  `Báo cáo ${r.period}: trước ngày ${r.day} tháng ${r.month}${r.recipient ? `, gửi ${r.recipient}` : ''}`;

type ReportItem = Extract<AnswerBody, { kind: 'reporting' }>['items'][number];

/**
 * The lines of the reporting schedule: the four quarterly reports one sentence gives ("hằng quý … trước ngày 20 của
 * tháng cuối quý") as the one line the plan wrote, every other report on its own.
 */
function reportingLines(items: ReportItem[]): string[] {
  const quarters = new Map<string, ReportItem[]>();
  for (const i of items.filter((x) => x.report.everyQuarter)) {
    const key = `${i.plan.id}\u0000${i.report.sentence}`;
    quarters.set(key, [...(quarters.get(key) ?? []), i]);
  }
  const source = (i: ReportItem) => where(i.plan, null, i.report.section);
  const quarterLine = ([first, ...rest]: ReportItem[]) => {
    const r = first!.report;
    const dates = [first!, ...rest].map((x) => `${x.report.day}/${x.report.month}`).join(', ');
    return `• Báo cáo hằng quý: trước ngày ${r.day} tháng cuối quý (${dates})${r.recipient ? `, gửi ${r.recipient}` : ''} (${source(first!)})`;
  };
  return [
    ...[...quarters.values()].map(quarterLine),
    ...grouped(
      items.filter((i) => !i.report.everyQuarter),
      (i) => `${i.report.periodKind} ${i.report.day} ${i.report.month} ${i.report.recipient}`,
      (i) => reportLine(i.report),
      source,
    ),
  ];
}
const days = (n: number) => (n === 0.5 ? '1/2 ngày' : `${String(n).replace('.', ',')} ngày`);
/** A passage under its heading, the heading left out when the text repeats it. */
function passageLine(p: Passage, max = PASSAGE): string {
  const repeats = !p.title || foldCase(p.text).startsWith(foldCase(p.title));
  return `• ${where(p.plan, p.task, p.section)}: ${cutAtWord(repeats ? p.text : `${p.title}: ${p.text}`, max)}`;
}

const META_LINES: Record<MetaField, (m: PlanRef['meta']) => string> = {
  number: (m) => (m.number ? `Số hiệu: ${m.number}.` : 'Kế hoạch để trống số hiệu.'),
  date: (m) => (m.date ? `Ngày ban hành: ${formatDay(m.date)}.` : 'Kế hoạch để trống ngày ban hành.'),
  signer: (m) =>
    m.signer
      ? `Người ký: ${m.signer.name} – ${sentence(m.signer.capacity)}${m.signer.onBehalf ? ` (${m.signer.onBehalf})` : ''}.`
      : 'Kế hoạch không ghi người ký.',
  issuer: (m) => `Cơ quan ban hành: ${m.issuer ?? 'không ghi'}.`,
};

function metaText(b: Extract<AnswerBody, { kind: 'plan_meta' }>): string {
  const fields = b.fields.length > 0 ? b.fields : (['number', 'date', 'signer'] as const);
  return b.plans
    .map((p) =>
      [`${Place(p)}:`, ...fields.map((f) => META_LINES[f](p.meta)), `Nguồn: ${planName(p)}, phần đầu và phần ký.`].join(
        '\n',
      ),
    )
    .join('\n\n');
}

/** Lines saying the same thing in several plans are written once (the fullest wording), with every source. */
function grouped<T>(items: T[], key: (i: T) => string, line: (i: T) => string, source: (i: T) => string): string[] {
  const groups = new Map<string, T[]>();
  for (const i of items) groups.set(key(i), [...(groups.get(key(i)) ?? []), i]);
  const fullest = (g: T[]) => g.map(line).reduce((a, b) => (b.length > a.length ? b : a));
  return [...groups.values()].map((g) => `• ${fullest(g)} (${g.map(source).join('; ')})`);
}

const upperFirst = (s: string) => s.charAt(0).toLocaleUpperCase('vi') + s.slice(1);

/**
 * Each list with its items, once for plans spelling it out alike: 'Nguyên tắc "6 rõ" gồm 6 nội dung (xã Đại Sơn,
 * mục II.4):' then one item a line.
 */
function namedListText(b: Extract<AnswerBody, { kind: 'named_list' }>): string {
  const groups = new Map<string, typeof b.items>();
  for (const i of b.items) {
    const key = foldCase(i.list.items.join('|'));
    groups.set(key, [...(groups.get(key) ?? []), i]);
  }
  return [...groups.values()]
    .map((g) => {
      const { list } = g[0]!;
      const name = list.kind ? `${upperFirst(list.kind)} "${list.name}"` : `"${list.name}"`;
      const sources = g.map((i) => where(i.plan, i.list.task, i.list.section)).join('; ');
      return [
        `${name} gồm ${list.items.length} nội dung (${sources}):`,
        ...list.items.map((item) => `• ${upperFirst(item)}`),
      ].join('\n');
    })
    .join('\n\n');
}

function legalText(b: Extract<AnswerBody, { kind: 'legal' }>): string {
  const plain = b.items.filter((i) => i.source === null);
  if (plain.length > 1) {
    const docs = plain.flatMap((i) => i.basis.map((d) => ({ plan: i.plan, d })));
    return [
      'Các văn bản được dẫn:',
      ...grouped(
        docs,
        (x) => x.d.number,
        (x) => x.d.text,
        (x) => place(x.plan),
      ),
    ].join('\n');
  }
  return b.items
    .map((i) => {
      const head = i.source
        ? `Văn bản được dẫn ở ${where(i.plan, i.source.task, i.source.section)}:`
        : `${planName(i.plan)} dẫn các văn bản:`;
      const docs = i.basis.length > 0 ? i.basis.map((d) => `• ${d.text}`) : ['• Phần này không dẫn văn bản nào.'];
      return [head, ...docs].join('\n');
    })
    .join('\n\n');
}

function unknownAgencyText(b: Extract<AnswerBody, { kind: 'unknown_agency' }>): string {
  const plans = b.plans.length > 0 ? b.plans.map(planName).join(', ') : 'Các kế hoạch hiện có';
  const known = b.known.length > 0 ? ` Các cơ quan, đơn vị chủ trì trong kế hoạch: ${b.known.join('; ')}.` : '';
  return `${plans} không nêu ${b.asked}, nên không giao việc nào cho ${b.asked}.${known}`;
}

const OUT_OF_SCOPE =
  'Các kế hoạch hiện có không đề cập nội dung này, nên tôi không trả lời được. Tôi trả lời về các kế hoạch thực hiện Kết luận 226-KL/TW: nhiệm vụ, cơ quan chủ trì, phối hợp, thời hạn, chỉ tiêu, chế độ họp, báo cáo, kinh phí.';

function bodyText(b: AnswerBody): string {
  switch (b.kind) {
    case 'task_field':
      return b.items.map((f) => taskBlock(f, b.field)).join('\n\n');
    case 'task_status':
      return b.items.map((f) => statusBlock(f, b.today, b.withProgress)).join('\n\n');
    case 'duty_status':
      return b.items.map((f) => dutyStatusBlock(f, b.today)).join('\n\n');
    case 'unknown_task': {
      const none = b.plans.map(
        (p) => `${planName(p)} có ${p.taskCount} nhiệm vụ trong Phụ lục, không có nhiệm vụ số ${b.nos.join(', ')}.`,
      );
      const hint =
        b.inGroups.length > 0
          ? [`Nhiệm vụ được đánh số theo nhóm: ${b.inGroups.join(', ')}. Hãy hỏi rõ, ví dụ: nhiệm vụ ${b.inGroups[0]}.`]
          : [];
      return [...none, ...hint].join('\n');
    }
    case 'tasks_due':
      return dueText(b);
    case 'overdue':
      return overdueText(b);
    case 'agency_tasks':
      return agencyText(b);
    case 'task_list':
      return listText(b.groups, b.all);
    case 'targets':
      return [
        'Chỉ tiêu:',
        ...grouped(
          b.items,
          (i) => `${i.target.subject} ${i.target.comparator} ${i.target.percent}`,
          (i) => i.target.phrase,
          (i) => where(i.plan, i.target.task, i.target.section),
        ),
      ].join('\n');
    case 'meeting_rules':
      return [
        'Thời gian họp tối đa:',
        ...grouped(
          b.items,
          (i) => `${foldCase(i.rule.meeting)} ${i.rule.maxDays}`,
          (i) => `${i.rule.meeting}${i.rule.when ? ` (${i.rule.when})` : ''}: không quá ${days(i.rule.maxDays)}`,
          (i) => where(i.plan, null, i.rule.section),
        ),
      ].join('\n');
    case 'named_list':
      return namedListText(b);
    case 'reporting':
      return ['Chế độ báo cáo:', ...reportingLines(b.items)].join('\n');
    case 'legal':
      return legalText(b);
    case 'plan_meta':
      return metaText(b);
    case 'passages':
      return ['Theo kế hoạch:', ...b.items.map((p) => passageLine(p))].join('\n');
    case 'unknown_place':
      return b.known.length > 0
        ? `Chưa có kế hoạch của ${b.place} trong dữ liệu của trợ lý. Các kế hoạch hiện có: ${b.known.map(place).join(', ')}.`
        : `Chưa có kế hoạch của ${b.place} trong dữ liệu của trợ lý.`;
    case 'unknown_agency':
      return unknownAgencyText(b);
    case 'out_of_scope':
      return b.plans.length > 0
        ? `${b.plans.map(planName).join(', ')} không đề cập nội dung này, nên tôi không trả lời được.`
        : OUT_OF_SCOPE;
  }
}

const taskNos = (groups: TaskGroup[]) => groups.flatMap((g) => g.tasks.map((f) => f.task.no)).join(', ');

/** How many tasks each group holds: "Phường Nhị Chiểu có 19 nhiệm vụ trong Phụ lục (NV 1, 2, …).". */
function countLines(b: AnswerBody): string[] | null {
  switch (b.kind) {
    case 'task_list':
      return b.groups.map((g) =>
        b.all
          ? `${Place(g.plan)} có ${g.plan.taskCount} nhiệm vụ trong Phụ lục.`
          : `${Place(g.plan)} có ${g.tasks.length} nhiệm vụ liên quan: NV ${taskNos([g])}.`,
      );
    case 'agency_tasks': {
      const part = (groups: TaskGroup[], verb: string) =>
        groups
          .filter((g) => g.tasks.length > 0 || b.role !== 'any')
          .map(
            (g) =>
              `${b.agency} (${place(g.plan)}) ${verb} ${g.tasks.length} nhiệm vụ${g.tasks.length > 0 ? `: NV ${taskNos([g])}` : ''}.`,
          );
      const duties =
        b.duties.length > 0 ? [`Ngoài ra còn ${b.duties.length} việc được giao trong nội dung kế hoạch.`] : [];
      return [...part(b.lead, 'chủ trì'), ...part(b.coordinate, 'phối hợp'), ...duties];
    }
    case 'tasks_due':
    case 'overdue': {
      const what = b.kind === 'overdue' ? 'quá hạn' : `đến hạn trong ${rangeText(b.range)}`;
      const counted = b.groups.map((g) => `${whose(g, b.agency)}: ${g.tasks.length + (g.duties?.length ?? 0)}`);
      return counted.length > 0 ? [`Số nhiệm vụ ${what}: ${counted.join('; ')}.`] : null;
    }
    case 'passages':
      return b.bodies && b.bodies.length > 0 ? b.bodies.map(bodyCountLine) : null;
    default:
      return null;
  }
}

/** "Kế hoạch 12/KH-UBND xã Tân Lập không có phụ lục; phần tổ chức thực hiện giao 10 nhiệm vụ cho 5 đơn vị: …". */
const bodyCountLine = (c: BodyCount): string =>
  `${planName(c.plan)} không có phụ lục; phần tổ chức thực hiện giao ${c.duties} nhiệm vụ cho ${c.units.length} đơn vị: ${c.units
    .map((u) => `${u.name} (${u.duties})`)
    .join(', ')}.`;

/**
 * The counts an answer gives before its detail, when it asked how many or its list is long; null when it has none.
 * `answerCounts(answer, true)`: only when the question asked how many.
 */
export function answerCounts(answer: Answer, askedOnly = false): string | null {
  const b = answer.body;
  if (askedOnly && !('countAsked' in b && b.countAsked)) return null;
  return countLines(b)?.join('\n') ?? null;
}

/** The reply a person reads for an answer: short, dates dd/mm/yyyy, each fact with its source. */
export function renderAnswer(answer: Answer): string {
  const more =
    answer.omittedPlans > 0
      ? `\n\n… và ${answer.omittedPlans} kế hoạch khác. Hãy nêu tên xã, phường hoặc tỉnh, thành phố để xem đúng kế hoạch.`
      : '';
  return bodyText(answer.body) + more;
}
