import type { Deadline, Plan, ReportingDate, Target, Task } from '../../src/knowledge/index.js';
import type { UpdateRecord } from '../../src/tasks/index.js';

const VHXH = 'Phòng Văn hóa - Xã hội';
const VP = 'Văn phòng HĐND và UBND';
const TT = 'Trung tâm Phục vụ hành chính công';

const dl = (
  raw: string,
  kind: Deadline['kind'],
  start: string | null,
  due: string | null,
  fromYear: number | null = null,
): Deadline => ({
  raw,
  kind,
  start,
  due,
  fromYear,
});

function task(no: string, content: string, lead: string, deadline: Deadline): Task {
  return {
    plan: 'demo',
    no,
    content,
    leadRaw: lead,
    lead: [{ name: lead, raw: lead }],
    coordinatorsRaw: '',
    coordinators: [],
    product: '',
    deadline,
    line: 100 + Number(no),
  };
}

function target(subject: Target['subject'], percent: number, comparator: Target['comparator'], phrase: string): Target {
  return { plan: 'demo', subject, percent, comparator, phrase, sentence: phrase, section: null, task: null, line: 30 };
}

/** A report the Phòng VHXH compiles for the city on day 10 of `month`. */
const report = (period: string, periodKind: ReportingDate['periodKind'], month: number): ReportingDate => ({
  plan: 'demo',
  period,
  periodKind,
  day: 10,
  month,
  compiler: [{ name: VHXH, raw: 'Phòng VHXH' }],
  recipient: 'Ủy ban nhân dân thành phố',
  everyQuarter: false,
  sentence: '',
  section: null,
  line: 50,
});

/** A small plan shaped like the real ones: dated, quarterly, recurring, yearly and ongoing tasks, two reporting dates. */
export const PLAN: Plan = {
  id: 'demo',
  file: 'knowledge/demo.md',
  meta: {
    number: '158/KH-UBND',
    issuer: 'Ủy ban nhân dân phường Nhị Chiểu',
    locality: { level: 'phường', name: 'Nhị Chiểu' },
    date: '2026-05-05',
    title: 'Kế hoạch thực hiện Kết luận số 226-KL/TW',
    signer: null,
    basis: [],
    recipients: [],
  },
  sections: [],
  tasks: [
    task('1', 'Ban hành kế hoạch triển khai', VHXH, dl('Trước 10/5/2026', 'date', null, '2026-05-10')),
    task('2', 'Rà soát quy chế làm việc', VP, dl('Quý III/2026', 'quarter', '2026-07-01', '2026-09-30')),
    task('3', 'Cắt giảm 15% văn bản hành chính', VP, dl('Hằng năm, từ năm 2026', 'recurring', null, null, 2026)),
    task('4', 'Số hóa hồ sơ lưu trữ', VHXH, dl('Năm 2026', 'year', '2026-01-01', '2026-12-31')),
    task(
      '5',
      'Đưa dịch vụ công trực tuyến toàn trình vào vận hành',
      TT,
      dl('Trước 08/6/2026', 'date', null, '2026-06-08'),
    ),
    task('6', 'Tuyên truyền, phổ biến Kết luận', VHXH, dl('Thường xuyên', 'ongoing', null, null)),
  ],
  duties: [],
  targets: [
    target('online_conferences', 60, 'min', 'tỷ lệ hội nghị trực tuyến'),
    target('conference_reduction', 10, 'reduce', 'số lượng hội nghị'),
    target('document_reduction', 15, 'reduce', 'số lượng văn bản hành chính'),
    target('online_conferences', 60, 'min', 'tỷ lệ họp trực tuyến'),
  ],
  meetingRules: [],
  namedLists: [],
  reporting: [report('6 tháng', 'half', 6), report('hằng năm', 'year', 12)],
  agencies: [TT, VHXH, VP],
};

let nextId = 1;

/** An update row as the store returns it. */
export function update(taskNo: string, at: string, fields: Partial<UpdateRecord> = {}): UpdateRecord {
  const id = nextId++;
  return {
    id,
    plan: 'demo',
    task: taskNo,
    trackingYear: taskNo === '3' ? at.slice(0, 4) : '',
    status: 'in_progress',
    percent: null,
    note: '',
    userKey: 'tg:1',
    userName: 'Nguyễn Văn An',
    channel: 'telegram',
    messageId: `m${id}`,
    createdAt: new Date(at),
    reverts: null,
    unit: null,
    ...fields,
  };
}

/** Hanoi local time "2026-06-01 07:30" as an instant. */
export const hanoi = (local: string) => new Date(`${local.replace(' ', 'T')}:00+07:00`);

/** Updates across 2025-12 … 2026-08, for the periodic report tests. */
export const REPORT_UPDATES = [
  update('5', '2025-12-20T03:00:00Z', { status: null, note: 'Đã khảo sát hạ tầng' }),
  update('1', '2026-04-20T03:00:00Z', { status: 'in_progress', percent: 50, note: 'Đang dự thảo' }),
  update('1', '2026-05-08T03:00:00Z', { status: 'done', note: 'Đã ban hành KH 20/KH-UBND' }),
  update('4', '2026-05-31T03:00:00Z', { status: 'blocked', note: 'Chưa có kinh phí' }),
  update('2', '2026-07-15T03:00:00Z', { status: 'done', note: 'Đã ban hành quy chế' }),
  update('4', '2026-08-01T03:00:00Z', { status: 'in_progress', percent: 30, note: 'Đã có kinh phí' }),
];
/** A conference figure ('total' or 'online') of 2026 reported by VP. */
export const conferences = (field: 'total' | 'online', value: number, reportedAt: Date) => ({
  plan: 'demo',
  unit: 'VP',
  metric: 'conferences' as const,
  year: 2026,
  field,
  value,
  reportedAt,
});
/** Conference figures reported in June 2026 by VP. */
export const REPORT_FIGURES = [
  conferences('total', 40, hanoi('2026-06-20 10:00')),
  conferences('online', 20, hanoi('2026-06-20 10:00')),
];
