import type { IsoDay } from '../../knowledge/index.js';
import { PERIOD_OFFSETS, PERIOD_UNITS, ROMAN } from './lexicon.js';
import { addDays, validDay } from '../../calendar/index.js';
import {
  daysAhead,
  monthOf,
  monthRange,
  quarterOf,
  quarterRange,
  spanOf,
  weekOf,
  yearOf,
  yearRange,
  type QuestionRange,
} from './period.js';
import type { Read, Words } from './words.js';

const YEAR = /^(19|20)\d\d$/;
const NUMBER = /^\d{1,2}$/;
const SOON_DAYS = 7;

type Found = { range: QuestionRange; start: number; end: number };

/** "quý iv/2026", "quý 4 năm 2026", "quý 2". */
function namedQuarter(list: readonly string[], i: number, today: IsoDay): Found | null {
  if (list[i] !== 'quy') return null;
  const q = ROMAN[list[i + 1] ?? ''] ?? (NUMBER.test(list[i + 1] ?? '') ? Number(list[i + 1]) : 0);
  if (q < 1 || q > 4) return null;
  const { year, end } = yearAfter(list, i + 2, today);
  return { range: quarterRange(year, q), start: i, end };
}

/** "tháng 5/2026", "tháng 5 năm 2026", "tháng 5" (not "ngày 10 tháng 6", a day). */
function namedMonth(list: readonly string[], i: number, today: IsoDay): Found | null {
  if (list[i] !== 'thang' || !NUMBER.test(list[i + 1] ?? '') || (i >= 2 && list[i - 2] === 'ngay')) return null;
  const m = Number(list[i + 1]);
  if (m < 1 || m > 12) return null;
  const { year, end } = yearAfter(list, i + 2, today);
  return { range: monthRange(year, m), start: i, end };
}

/** "năm 2027". */
function namedYear(list: readonly string[], i: number): Found | null {
  if (list[i] !== 'nam' || !YEAR.test(list[i + 1] ?? '')) return null;
  return { range: yearRange(Number(list[i + 1])), start: i, end: i + 2 };
}

function yearAfter(list: readonly string[], i: number, today: IsoDay): { year: number; end: number } {
  if (YEAR.test(list[i] ?? '')) return { year: Number(list[i]), end: i + 1 };
  if (list[i] === 'nam' && YEAR.test(list[i + 1] ?? '')) return { year: Number(list[i + 1]), end: i + 2 };
  return { year: Number(today.slice(0, 4)), end: i };
}

/** "tuần này", "tháng tới", "quý trước", "năm sau" (not "báo cáo quý trước ngày nào": that "trước" starts a day). */
function relative(list: readonly string[], i: number, today: IsoDay): Found | null {
  const unit = PERIOD_UNITS[list[i] ?? ''];
  if (!unit) return null;
  for (const [word, offset] of Object.entries(PERIOD_OFFSETS)) {
    const parts = word.split(' ');
    if (!parts.every((p, k) => list[i + 1 + k] === p)) continue;
    if (word === 'truoc' && list[i + 2] === 'ngay') return null;
    const of = { week: weekOf, month: monthOf, quarter: quarterOf, year: yearOf }[unit];
    return { range: of(today, offset), start: i, end: i + 1 + parts.length };
  }
  return null;
}

/** "hôm nay", "ngày mai", "7 ngày tới", "sắp đến hạn" (also "sắp hết hạn", "sắp tới hạn"). */
function days(list: readonly string[], i: number, today: IsoDay): Found | null {
  const pair = `${list[i]} ${list[i + 1]}`;
  if (pair === 'hom nay') return { range: daysAhead(today, 1), start: i, end: i + 2 };
  if (pair === 'ngay mai') return { range: daysAhead(addDays(today, 1), 1), start: i, end: i + 2 };
  if (NUMBER.test(list[i] ?? '') && list[i + 1] === 'ngay' && ['toi', 'sau', 'nua'].includes(list[i + 2] ?? '')) {
    return { range: daysAhead(today, Number(list[i]) + 1), start: i, end: i + 3 };
  }
  if (list[i] === 'sap' && ['den', 'het', 'toi'].includes(list[i + 1] ?? '') && list[i + 2] === 'han') {
    return { range: daysAhead(today, SOON_DAYS + 1), start: i, end: i + 1 };
  }
  return null;
}

/** "trước 30/6/2026", "đến ngày 30 tháng 6", "từ nay đến cuối năm": from today to that day. */
function until(list: readonly string[], i: number, today: IsoDay): Found | null {
  if (!['truoc', 'den', 'han'].includes(list[i] ?? '')) return null;
  let k = list[i + 1] === 'ngay' ? i + 2 : i + 1;
  if (list[k] === 'cuoi' && list[k + 1] === 'nam')
    return { range: spanOf(today, yearOf(today).to), start: i, end: k + 2 };
  if (!NUMBER.test(list[k] ?? '')) return null;
  const d = Number(list[k]);
  k += list[k + 1] === 'thang' ? 2 : 1;
  if (!NUMBER.test(list[k] ?? '')) return null;
  const { year, end } = yearAfter(list, k + 1, today);
  const to = validDay(year, Number(list[k]), d);
  return to && to >= today ? { range: spanOf(today, to), start: i, end } : null;
}

const READERS = [namedQuarter, namedMonth, namedYear, relative, days, until] as const;

/**
 * The period a question names, relative to `today`: "quý này", "tháng tới", "Quý IV/2026", "tháng 5",
 * "tuần này" (Monday to Sunday), "7 ngày tới", with the words read; null when none.
 */
export function readPeriod(words: Words, today: IsoDay): Read<QuestionRange | null> {
  for (let i = 0; i < words.list.length; i++) {
    for (const read of READERS) {
      const found = read(words.list, i, today);
      if (found) return { value: found.range, used: [{ start: found.start, end: found.end }] };
    }
  }
  return { value: null, used: [] };
}
