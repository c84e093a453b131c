import { foldCase } from '../text/index.js';
import { blockSentences, type Block } from './blocks.js';
import { ROMAN_QUARTERS } from './lexicon.js';
import type { AgencyRef, ReportingDate } from './schema.js';

/** A period and its day: "6 tháng (trước ngày 05 tháng 6)", "hằng năm, trước 15/12", "... và năm (trước ngày 20/12)". */
const PERIOD = /(quy\s+(?:iv|iii|ii|i|[1-4])|(?:6|sau) thang|(?:9|chin) thang|hang nam|ca nam|(?<=\b(?:va|bao cao) )nam)\s*[(,:]?\s*(?:gui\s+(?:ve\s+)?)?(?:truoc|cham nhat)(?:\s+ngay)?\s+(\d{1,2})(?:\s+thang\s+|\s*\/\s*)(\d{1,2})(?!\d)/g;
const PERIOD_AFTER = /(?:truoc|cham nhat)(?:\s+ngay)?\s+(\d{1,2})(?:\s+thang\s+|\s*\/\s*)(\d{1,2})\s+(hang nam|moi nam)/g;
const RECIPIENT_HEAD = '(?:Sở|Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Văn phòng|Phòng|Ban|Bộ|Thủ tướng|Chủ tịch|Hội đồng nhân dân|HĐND)';
const RECIPIENT = (lead: string) =>
  new RegExp(`(?<!\\p{L})${lead}\\s+(${RECIPIENT_HEAD}(?:\\s+[^\\s,;.()]+)*?)(?=\\s+(?:để|theo|trước|định kỳ|qua|về|kết quả)(?!\\p{L})|\\s*[,;.()]|$)`, 'u');
const ROMAN = ['I', 'II', 'III', 'IV'];

function periodOf(folded: string): Pick<ReportingDate, 'period' | 'periodKind'> {
  if (folded.startsWith('quy')) {
    const n = folded.split(/\s+/)[1]!;
    return { period: `quý ${ROMAN[(ROMAN_QUARTERS[n] ?? Number(n)) - 1]}`, periodKind: 'quarter' };
  }
  if (/^(6|sau)/.test(folded)) return { period: '6 tháng', periodKind: 'half' };
  if (/^(9|chin)/.test(folded)) return { period: '9 tháng', periodKind: 'nine_months' };
  return { period: 'hằng năm', periodKind: 'year' };
}

/** "hằng quý … trước ngày 20 của tháng cuối quý": one report a quarter, due that day of the quarter's last month. */
const QUARTERLY = /(?:hang|moi|dinh ky) quy\b[^.;]*?(?:truoc|cham nhat)(?:\s+ngay)?\s+(\d{1,2})\s+(?:cua\s+|vao\s+)?thang cuoi (?:moi\s+|cua\s+)?quy/g;

/** "6 tháng (trước ngày 05 tháng 6)", "trước ngày 15/12 hằng năm", "hằng quý … ngày 20 của tháng cuối quý", in folded text. */
function periodsIn(folded: string): Array<{ period: string; day: number; month: number; everyQuarter: boolean }> {
  const once = (at: number, period: string, day: string, month: string) => ({ at, period, day: Number(day), month: Number(month), everyQuarter: false });
  const before = [...folded.matchAll(PERIOD)].map((m) => once(m.index, m[1]!, m[2]!, m[3]!));
  const after = [...folded.matchAll(PERIOD_AFTER)].map((m) => once(m.index, m[3]!, m[1]!, m[2]!));
  const quarterly = [...folded.matchAll(QUARTERLY)].flatMap((m) =>
    [1, 2, 3, 4].map((q) => ({ at: m.index, period: `quy ${q}`, day: Number(m[1]), month: q * 3, everyQuarter: true })),
  );
  // A stable sort: the four quarters of one sentence stay in order.
  return [...before, ...after, ...quarterly].sort((a, b) => a.at - b.at);
}

/** Who the report goes to: "gửi ... về Sở Nội vụ", else "báo cáo Ủy ban nhân dân thành phố", "gửi UBND thành phố". */
function recipientOf(sentence: string): string | null {
  for (const lead of ['về', 'báo cáo', 'gửi']) {
    const m = RECIPIENT(lead).exec(sentence);
    if (m) return m[1]!.trim();
  }
  return null;
}

/**
 * The reporting schedule: "Định kỳ 6 tháng (trước ngày 05 tháng 6), hằng năm (trước ngày 05 tháng 12)", quarterly
 * and nine-month variants; one entry per period, the first met. `owners` gives the agency in charge of a section.
 */
export function readReporting(plan: string, blocks: readonly Block[], owners: (b: Block) => AgencyRef[]): ReportingDate[] {
  const found = new Map<string, ReportingDate>();
  for (const block of blocks) {
    for (const sentence of blockSentences(block)) {
      // Every period is written with its day in figures: a sentence without one is not folded nor matched.
      if (!/\d/.test(sentence)) continue;
      for (const { period: words, day, month, everyQuarter } of periodsIn(foldCase(sentence))) {
        const period = periodOf(words);
        if (found.has(period.period)) continue;
        found.set(period.period, {
          plan, ...period, day, month, compiler: owners(block),
          recipient: recipientOf(sentence), everyQuarter, sentence, section: block.section, line: block.line,
        });
      }
    }
  }
  return [...found.values()];
}
