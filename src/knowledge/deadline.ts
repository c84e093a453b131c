import { isoDay, monthEnd, monthStart, quarterEnd, quarterStart, validDay } from '../calendar/index.js';
import { collapseSpaces, foldCase } from '../text/index.js';
import type { Deadline, DeadlineKind, IsoDay } from './schema.js';
import { ROMAN_QUARTERS } from './lexicon.js';


function make(raw: string, kind: DeadlineKind, start: IsoDay | null, due: IsoDay | null, fromYear: number | null = null): Deadline {
  return { raw, kind, start, due, fromYear };
}

const YEAR = '((?:19|20)\\d\\d)';
/** "10/5/2026", "10-5-2026", "10.5.2026": one separator throughout ("5-6/2026" is a span of months). */
const DATE_SLASH = new RegExp(`(?<!\\d)(?<d>\\d{1,2})\\s*(?<sep>[/.-])\\s*(?<m>\\d{1,2})\\s*\\k<sep>\\s*(?<y>(?:19|20)\\d\\d)`);
const DATE_WORDS = new RegExp(`ngay\\s+(?<d>\\d{1,2})\\s+thang\\s+(?<m>\\d{1,2})\\s+nam\\s+(?<y>(?:19|20)\\d\\d)`);
const TO = '\\s*(?:-|–|den|va)\\s*';
const QUARTER = new RegExp(`quy\\s+(iv|iii|ii|i|[1-4])(?:${TO}(?:quy\\s+)?(iv|iii|ii|i|[1-4]))?\\s*(?:/|-|nam|,)?\\s*(?:nam\\s+)?${YEAR}`);
const HALF = new RegExp(`(?:6|sau)\\s+thang\\s+(dau|cuoi)\\s+(?:nam\\s+)?${YEAR}`);
const MONTH = new RegExp(`thang\\s+(\\d{1,2})(?:${TO}(?:thang\\s+)?(\\d{1,2}))?\\s*(?:/|-|nam)\\s*(?:nam\\s+)?${YEAR}`);
/** "từ", "kể từ", "bắt đầu từ" (folded). */
const FROM = '(?:tu|bat dau tu|ke tu)';
const FROM_YEAR = new RegExp(`${FROM}\\s+(?:nam\\s+)?${YEAR}`);
const ANY_YEAR = new RegExp(`(?<!\\d)${YEAR}(?!\\d)`);

function readDate(raw: string, f: string): Deadline | null {
  const g = (DATE_SLASH.exec(f) ?? DATE_WORDS.exec(f))?.groups;
  if (!g) return null;
  const [d, mo, y] = [Number(g.d), Number(g.m), Number(g.y)];
  const due = validDay(y, mo, d);
  return due ? make(raw, 'date', null, due) : make(raw, 'unknown', null, null);
}

function readPeriod(raw: string, f: string): Deadline | null {
  const q = QUARTER.exec(f);
  if (q) {
    const quarter = (n: string) => ROMAN_QUARTERS[n] ?? Number(n);
    const y = Number(q[3]);
    return make(raw, 'quarter', quarterStart(y, quarter(q[1]!)), quarterEnd(y, quarter(q[2] ?? q[1]!)));
  }
  const h = HALF.exec(f);
  if (h) {
    const y = Number(h[2]);
    const first = h[1] === 'dau';
    return make(raw, 'year', monthStart(y, first ? 1 : 7), monthEnd(y, first ? 6 : 12));
  }
  const m = MONTH.exec(f);
  const [first, last, y] = [Number(m?.[1]), Number(m?.[2] ?? m?.[1]), Number(m?.[3])];
  if (m && first >= 1 && last <= 12 && first <= last) return make(raw, 'month', monthStart(y, first), monthEnd(y, last));
  return null;
}

/** "Tháng 6/2026 - Tháng 3/2027", "Từ 01/6/2026 đến 30/9/2026": two dated sides, each with its year. */
const SPAN = new RegExp(`^(?:${FROM}\\s+)?(.+?)(?:\\s+[-–]\\s+|\\s+den\\s+(?:het\\s+)?)(.+)$`);

const readDated = (raw: string, f: string) => readDate(raw, f) ?? readPeriod(raw, f);

/** A span between two dated sides: from the first side's start to the second side's due day, of the second's kind. */
function readSpan(raw: string, f: string): Deadline | null {
  const m = SPAN.exec(f);
  if (!m) return null;
  const [from, to] = [readDated(raw, m[1]!), readDated(raw, m[2]!)];
  if (!from?.due || !to?.due || to.due <= from.due) return null;
  return make(raw, to.kind, from.start ?? from.due, to.due);
}

/** Work that starts at a day, month or year and runs on ("Từ tháng 6/2026", "Từ năm 2026"): ongoing from that year. */
const OPEN_START = new RegExp(`^${FROM}\\s+(?:ngay\\s+|thang\\s+|nam\\s+|quy\\s+)?[^]*?${YEAR}$`);

const fromYearOf = (f: string) => {
  const m = FROM_YEAR.exec(f) ?? ANY_YEAR.exec(f);
  return m ? Number(m[1]) : null;
};

const CONDITIONAL = /^(?:ngay\s+)?(sau khi|khi co|khi duoc|khi can|khi phat sinh|tuy theo|theo (chi dao|huong dan|yeu cau))/;
const ONGOING = /thuong xuyen|lien tuc/;
const RECURRING = /(hang|moi) (nam|quy|thang)|dinh ky|nam tiep theo/;

/** Ongoing or recurring work, with where its words start (the earlier of two readings wins). */
function readOpenEnded(raw: string, f: string): { deadline: Deadline; at: number } | null {
  const ongoing = ONGOING.exec(f);
  if (ongoing) return { deadline: make(raw, 'ongoing', null, null, fromYearOf(f)), at: ongoing.index };
  const recurring = RECURRING.exec(f);
  if (recurring) return { deadline: make(raw, 'recurring', null, null, fromYearOf(f)), at: recurring.index };
  return null;
}

/** Index of the first figure that names a day, month or quarter. */
const firstDateAt = (f: string) => f.search(/\d|quy\s/);

const YEAR_RANGE = new RegExp(`${YEAR}\\s*(?:-|–|den)\\s*${YEAR}`);

/** "Năm 2026", "Đến cuối 2026"; a span "2026 - 2030" runs to the end of its last year. */
function readYear(raw: string, f: string): Deadline | null {
  const range = YEAR_RANGE.exec(f);
  if (range) return make(raw, 'year', isoDay(Number(range[1]), 1, 1), isoDay(Number(range[2]), 12, 31));
  const m = ANY_YEAR.exec(f);
  if (!m) return null;
  const y = Number(m[1]);
  return make(raw, 'year', isoDay(y, 1, 1), isoDay(y, 12, 31));
}

/** Gives a year to day, month and quarter figures written without one ("30/6", "tháng 6", "quý III"). */
function completeYear(f: string, year: number | undefined): string {
  if (year === undefined || ANY_YEAR.test(f) || ONGOING.test(f) || RECURRING.test(f)) return f;
  return f
    .replace(/(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})(?![\d/])/g, `$1/$2/${year}`)
    .replace(/(ngay\s+\d{1,2}\s+thang\s+\d{1,2})(?!\d)/g, `$1 nam ${year}`)
    .replace(/((?<!ngay\s+\d{1,2}\s+)thang\s+\d{1,2})(?![\d/]|\s+nam)/g, `$1/${year}`)
    .replace(/(quy\s+(?:iv|iii|ii|i|[1-4]))(?![a-z\d])/g, `$1/${year}`);
}

/**
 * Reads a deadline as plans write it; `raw` keeps the text (tags dropped, spaces folded).
 * Unreadable or blank text gives kind `unknown`. `year` completes figures written without a year.
 */
export function parseDeadline(raw: string, year?: number): Deadline {
  const text = collapseSpaces(raw.replace(/<[^>]*>/g, ' ').replace(/\*+/g, ''));
  const f = completeYear(foldCase(text), year);
  if (!f) return make(text, 'unknown', null, null);
  if (CONDITIONAL.test(f)) return make(text, 'conditional', null, null);
  const span = readSpan(text, f);
  if (span) return span;
  const open = readOpenEnded(text, f);
  if (!open && OPEN_START.test(f) && !YEAR_RANGE.test(f)) return make(text, 'ongoing', null, null, fromYearOf(f));
  const dated = readDated(text, f);
  if (dated && (!open || firstDateAt(f) < open.at)) return dated;
  return open?.deadline ?? readYear(text, f) ?? make(text, 'unknown', null, null);
}

/**
 * Whether `day` falls inside the deadline's window: from its start (or any time before, for a plain date)
 * to its due day; recurring and ongoing work is inside from its first year on; conditional and unknown never.
 */
export function isDeadlineWithin(deadline: Deadline, day: IsoDay): boolean {
  if (deadline.due) return (deadline.start === null || day >= deadline.start) && day <= deadline.due;
  if (deadline.kind === 'recurring' || deadline.kind === 'ongoing') {
    return deadline.fromYear === null || Number(day.slice(0, 4)) >= deadline.fromYear;
  }
  return false;
}

/** Whether the deadline has a due day and `day` is after it. */
export function isDeadlinePast(deadline: Deadline, day: IsoDay): boolean {
  return deadline.due !== null && day > deadline.due;
}

/** Whether the due day lies in [from, to] (both included): "what falls due this quarter". */
export function isDeadlineDueBetween(deadline: Deadline, from: IsoDay, to: IsoDay): boolean {
  return deadline.due !== null && deadline.due >= from && deadline.due <= to;
}

const IN_TEXT = /(?<!\p{L})(?:hoàn thành|chậm nhất|trước|trong(?=\s+(?:tháng|quý)\s))(?!\p{L})[^;,.()\n]{0,60}/giu;
const DATED: ReadonlySet<DeadlineKind> = new Set(['date', 'month', 'quarter', 'year']);

/**
 * A deadline written inside running text, e.g. "... hoàn thành trong tháng 5 năm 2026",
 * "hoàn thành trước 10/5/2026" or "rà soát quy trình trong quý III/2026"; only dated readings count (date, month, quarter, year). `year`
 * completes "trước ngày 15/6" unless the text is about periodic work.
 */
export function findDeadlineInText(text: string, year?: number): Deadline | null {
  let usable: number | undefined;
  let recurring: boolean | undefined;
  for (const m of text.matchAll(IN_TEXT)) {
    // Dates without a year in text about periodic work ("định kỳ ... trước ngày 10 tháng 3") recur: no single deadline.
    recurring ??= RECURRING.test(foldCase(text));
    usable = recurring ? undefined : year;
    const d = parseDeadline(m[0], usable);
    if (DATED.has(d.kind)) return d;
  }
  return null;
}
