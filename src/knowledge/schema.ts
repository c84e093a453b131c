import { z } from 'zod';
import type { IsoDay } from '../calendar/index.js';

/** An ISO calendar day, `YYYY-MM-DD`, read in Asia/Ho_Chi_Minh (the calendar's `IsoDay`). */
export const isoDaySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/) satisfies z.ZodType<IsoDay>;
export type { IsoDay };

/**
 * A deadline as written in a plan, normalized.
 * - `date`: "Trước 10/5/2026" → due 2026-05-10
 * - `month`: "Tháng 5/2026" → window 2026-05-01..2026-05-31, due the last day
 * - `quarter`: "Quý IV/2026" → window 2026-10-01..2026-12-31
 * - `year`: "Năm 2026", "Đến cuối 2026" → window the year, due 31/12
 * - `recurring`: "Hằng năm, từ năm 2026" → no single due date; `fromYear` 2026
 * - `ongoing`: "Thường xuyên", "Từ 2026 và thường xuyên" → no due date
 * - `conditional`: "Sau khi có hướng dẫn của ..." → no due date
 * - `unknown`: blank or unreadable (the reader warns)
 */
export const deadlineKindSchema = z.enum([
  'date',
  'month',
  'quarter',
  'year',
  'recurring',
  'ongoing',
  'conditional',
  'unknown',
]);
export type DeadlineKind = z.infer<typeof deadlineKindSchema>;

export const deadlineSchema = z.object({
  /** The text exactly as the plan writes it (tags dropped, spaces folded). */
  raw: z.string(),
  kind: deadlineKindSchema,
  /** First day of the window the deadline names (null where it names none). */
  start: isoDaySchema.nullable(),
  /** Last day by which the work is due (null for recurring, ongoing, conditional, unknown). */
  due: isoDaySchema.nullable(),
  /** For recurring/ongoing deadlines written "từ năm 2026": the first year. */
  fromYear: z.number().int().nullable(),
});
export type Deadline = z.infer<typeof deadlineSchema>;

/** One agency as a plan names it, with its canonical name (the unit key). */
export const agencyRefSchema = z.object({
  /** Canonical name, e.g. "Phòng Văn hóa - Xã hội". */
  name: z.string(),
  /** The spelling in this place of the plan, e.g. "Phòng VHXXH". */
  raw: z.string(),
});
export type AgencyRef = z.infer<typeof agencyRefSchema>;

/** Where in its file something was read: 1-based line. */
const lineSchema = z.number().int().positive();

export const taskSchema = z.object({
  plan: z.string(),
  /** The appendix number as written, "1".."19". */
  no: z.string(),
  content: z.string(),
  leadRaw: z.string(),
  lead: z.array(agencyRefSchema),
  coordinatorsRaw: z.string(),
  coordinators: z.array(agencyRefSchema),
  product: z.string(),
  deadline: deadlineSchema,
  line: lineSchema,
});
export type Task = z.infer<typeof taskSchema>;

/**
 * Anything progress is tracked on, shaped like an appendix task: an appendix task (`source` "appendix", `no` its
 * number) or a body duty (`source` "body", `no` the reference users type, e.g. "IV.2.b"; `section` its path).
 */
export const trackedItemSchema = taskSchema.extend({
  source: z.enum(['appendix', 'body']),
  /** The section a body duty was read from ("IV.2.b"); null for an appendix task. */
  section: z.string().nullable(),
});
export type TrackedItem = z.infer<typeof trackedItemSchema>;

/** A heading or list item of the plan body; the tree is given by `path`/`parent`. */
export const sectionSchema = z.object({
  /** Stable path such as "II", "II.4", "II.4.b", "II.4.b.2" (bullets numbered in order). */
  path: z.string(),
  parent: z.string().nullable(),
  kind: z.enum(['roman', 'number', 'letter', 'bullet', 'paragraph']),
  /** The heading line without its marker, e.g. "MỤC ĐÍCH, YÊU CẦU". Empty for bullets. */
  title: z.string(),
  /** Body text directly under this section (not its children). */
  text: z.string(),
  line: lineSchema,
});
export type Section = z.infer<typeof sectionSchema>;

/** Work assigned in the plan body, e.g. "b) Sở Tư pháp: Chủ trì, ...". */
export const bodyDutySchema = z.object({
  plan: z.string(),
  agency: z.array(agencyRefSchema),
  agencyRaw: z.string(),
  /** Agencies the text names after "phối hợp với" that do not lead it, and how they are written ("; "-joined). */
  coordinators: z.array(agencyRefSchema),
  coordinatorsRaw: z.string(),
  text: z.string(),
  section: z.string(),
  deadline: deadlineSchema.nullable(),
  line: lineSchema,
});
export type BodyDuty = z.infer<typeof bodyDutySchema>;

/** Known target subjects; `other` keeps any further quantitative target. */
export const targetSubjectSchema = z.enum([
  'online_conferences',
  'conference_reduction',
  'document_reduction',
  'digital_procedures',
  'electronic_documents',
  'digital_skills_training',
  'other',
]);
export type TargetSubject = z.infer<typeof targetSubjectSchema>;

export const targetSchema = z.object({
  plan: z.string(),
  subject: targetSubjectSchema,
  /** The figure in percent, e.g. 60. */
  percent: z.number(),
  /** `min`: at least (≥60% online); `reduce`: cut by at least (−10% conferences). */
  comparator: z.enum(['min', 'reduce', 'exact']),
  /** Short phrase around the figure, e.g. "tỷ lệ hội nghị trực tuyến đạt từ 60% trở lên". */
  phrase: z.string(),
  /** The whole sentence it comes from. */
  sentence: z.string(),
  section: z.string().nullable(),
  task: z.string().nullable(),
  line: lineSchema,
});
export type Target = z.infer<typeof targetSchema>;

export const meetingRuleSchema = z.object({
  plan: z.string(),
  /** Meeting kind as written, e.g. "Hội nghị quán triệt". */
  meeting: z.string(),
  /** Longest allowed length in days, e.g. 0.5. */
  maxDays: z.number(),
  /** The length as written, e.g. "1/2 ngày". */
  raw: z.string(),
  /** When or how often it is held, as written: "tổ chức vào sáng thứ Hai hằng tuần", "mỗi tháng một lần"; null when not said. */
  when: z.string().nullable(),
  section: z.string().nullable(),
  line: lineSchema,
});
export type MeetingRule = z.infer<typeof meetingRuleSchema>;

export const reportingDateSchema = z.object({
  plan: z.string(),
  /** Which report: "quý I", "6 tháng", "9 tháng", "hằng năm". */
  period: z.string(),
  periodKind: z.enum(['quarter', 'half', 'nine_months', 'year']),
  /** Day and month the report is due each year ("trước ngày 05 tháng 6" → 5, 6). */
  day: z.number().int(),
  month: z.number().int(),
  /** Who sends it (canonical agencies of the duty it sits in), if the plan says. */
  compiler: z.array(agencyRefSchema),
  /** Who receives it, e.g. "Sở Nội vụ", "Ủy ban nhân dân thành phố". */
  recipient: z.string().nullable(),
  /** One of the four reports a plan gives as "hằng quý … trước ngày 20 của tháng cuối quý". */
  everyQuarter: z.boolean(),
  sentence: z.string(),
  section: z.string().nullable(),
  line: lineSchema,
});
export type ReportingDate = z.infer<typeof reportingDateSchema>;

export const legalBasisSchema = z.object({
  /** "Kết luận", "Quyết định", "Kế hoạch", "Nghị định", "Thông tư", "Nghị quyết", "Quy định". */
  kind: z.string(),
  /** "226-KL/TW", "534/QĐ-TTg". */
  number: z.string(),
  date: isoDaySchema.nullable(),
  /** The citation as written, e.g. "Quyết định số 534/QĐ-TTg ngày 31/3/2026 của Thủ tướng Chính phủ". */
  text: z.string(),
});
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const planMetaSchema = z.object({
  /** "158/KH-UBND"; null where the number is left blank ("Số: /KH-UBND"). */
  number: z.string().nullable(),
  /** "Ủy ban nhân dân phường Nhị Chiểu". */
  issuer: z.string().nullable(),
  locality: z.object({
    /** "xã", "phường", "thành phố", "tỉnh", "huyện", "quận", "thị xã", "thị trấn". */
    level: z.string(),
    /** "Nhị Chiểu". */
    name: z.string(),
  }).nullable(),
  date: isoDaySchema.nullable(),
  title: z.string(),
  signer: z.object({
    name: z.string(),
    /** The capacity line right above the name: "CHỦ TỊCH", "PHÓ CHỦ TỊCH". */
    capacity: z.string(),
    /** The lines above it, e.g. "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH" (absent when there are none). */
    onBehalf: z.string().optional(),
  }).nullable(),
  /** Documents the plan rests on (Căn cứ / Thực hiện) and any others it cites. */
  basis: z.array(legalBasisSchema),
  recipients: z.array(z.string()),
});
export type PlanMeta = z.infer<typeof planMetaSchema>;

/**
 * A list a plan names and enumerates: nguyên tắc "6 rõ" (rõ người, rõ việc, …), "3 không" gồm: …; its items as
 * written, where it is.
 */
export const namedListSchema = z.object({
  plan: z.string(),
  /** The name as written, e.g. "6 rõ", "ba không", "Một cửa liên thông". */
  name: z.string(),
  /** What kind of list the plan calls it ("nguyên tắc", "phương châm"), or null. */
  kind: z.string().nullable(),
  items: z.array(z.string()).min(2),
  section: z.string().nullable(),
  /** The appendix task whose text holds it, or null. */
  task: z.string().nullable(),
  line: lineSchema,
});
export type NamedList = z.infer<typeof namedListSchema>;

export const planSchema = z.object({
  /** The file stem, e.g. "nhi-chieu". */
  id: z.string(),
  file: z.string(),
  meta: planMetaSchema,
  sections: z.array(sectionSchema),
  tasks: z.array(taskSchema),
  duties: z.array(bodyDutySchema),
  targets: z.array(targetSchema),
  meetingRules: z.array(meetingRuleSchema),
  reporting: z.array(reportingDateSchema),
  /** The named lists it enumerates ("6 rõ", "3 không"). */
  namedLists: z.array(namedListSchema),
  /** Every canonical agency the plan names, sorted. */
  agencies: z.array(z.string()),
  /** Which version of the plan this is, once it has been amended (2 for the first amendment); absent for the first. */
  version: z.number().int().min(2).optional(),
});
export type Plan = z.infer<typeof planSchema>;

/** What a reading warning is about, one code each (`messages` renders them in Vietnamese for chats). */
export const WARNING_CODES = [
  'task_number_missing',
  'row_before_task',
  'deadline_unknown',
  'no_lead',
  'no_content',
  'number_twice',
  'old_word',
  'old_excel',
  'rtf',
  'odt',
  'unknown_type',
  'same_name',
  'appendix_unmatched',
  'appendix_alone',
  'folder_unlisted',
  'unreadable',
  'empty',
  'not_text',
  'bytes_replaced',
  'word_empty',
  'excel_empty',
  'not_pdf',
  'scan_no_ocr',
  'scan_ocr_empty',
  'scan_ocr',
  'nothing_found',
  'no_plan',
] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/** A problem met while reading a file; reading goes on. */
export const readWarningSchema = z.object({
  file: z.string(),
  line: z.number().int().nonnegative(),
  /** In English, for the logs and the command line. */
  message: z.string(),
  code: z.enum(WARNING_CODES),
  /** What it is about: a task number, a file name or type, the lines with bad bytes. */
  subject: z.string().optional(),
  /** The text not understood, or the error met. */
  detail: z.string().optional(),
});
export type ReadWarning = z.infer<typeof readWarningSchema>;
