import { foldCase } from '../text/index.js';
import { blockSentences, type Block } from './blocks.js';
import type { MeetingRule } from './schema.js';

/**
 * A kind of meeting (up to 16 words, commas allowed: "Hội nghị sơ kết, tổng kết", "họp chuyên đề", "Giao ban lãnh đạo
 * Sở"), a limit and a length in days or half-days ("1/2 ngày", "02 buổi", "nửa ngày").
 */
const RULE =
  /((?:các\s+)?(?:hội nghị|cuộc họp|phiên họp|(?<!\p{L})họp|(?<!\p{L})giao ban)(?:,?\s+[^\s:;,.()]+){0,16}?),?\s+(?:không quá|không vượt quá|tối đa|không kéo dài quá)\s+(\d+(?:[,.]\d+)?(?:\/\d+)?|nửa|một)\s*(ngày|buổi)/giu;

/** The units a rule ends on, as RULE reads them (any case). */
const UNIT = /ngày|buổi/iu;

const WORD_FIGURES: Record<string, string> = { nua: '1/2', mot: '1' };

/** "1/2" → 0.5, "01" → 1, "1,5" → 1.5, "nửa" → 0.5; a "buổi" is half a day. */
function daysOf(written: string, unit: string): number {
  const figure = WORD_FIGURES[foldCase(written)] ?? written;
  const [num, den] = figure.replace(',', '.').split('/');
  const value = Number(num) / (den ? Number(den) : 1);
  return foldCase(unit) === 'buoi' ? value / 2 : value;
}

/**
 * When and how often, between a kind of meeting and its limit: "Họp giao ban UBND xã mỗi tháng một lần, thời gian",
 * "Cuộc họp giao ban của UBND phường tổ chức vào sáng thứ Hai hằng tuần, thời gian".
 */
const WHEN = /,?\s+((?:mỗi|tổ chức vào|được tổ chức)\s.*?)?(?:,?\s+thời gian(?:\s+tổ chức)?)?$/u;

/** The kind of meeting as written, capitalized, and when it is held when the words say ("mỗi tháng một lần"). */
function tidyMeeting(text: string): { meeting: string; when: string | null } {
  const t = text.trim().replace(/^các\s+/iu, '');
  const m = WHEN.exec(t);
  const kind = m && m[0] !== '' ? t.slice(0, m.index) : t;
  return { meeting: kind.charAt(0).toLocaleUpperCase('vi') + kind.slice(1), when: m?.[1]?.replace(/[,\s]+$/u, '') ?? null };
}

/**
 * Meeting length rules: "Hội nghị quán triệt không quá 1/2 ngày" → 0.5 day; the first rule per kind of meeting.
 */
export function readMeetingRules(plan: string, blocks: readonly Block[]): MeetingRule[] {
  const rules = new Map<string, MeetingRule>();
  for (const block of blocks) {
    // Every rule ends on its unit: a block without one is not cut into sentences nor matched.
    if (!UNIT.test(block.text)) continue;
    for (const sentence of blockSentences(block)) {
      for (const m of sentence.matchAll(RULE)) {
        const { meeting, when } = tidyMeeting(m[1]!);
        const key = foldCase(meeting);
        if (rules.has(key)) continue;
        rules.set(key, {
          plan, meeting, maxDays: daysOf(m[2]!, m[3]!), raw: `${m[2]} ${m[3]}`, when, section: block.section, line: block.line,
        });
      }
    }
  }
  return [...rules.values()];
}
