import { expandAbbreviations, foldCase, toLower } from '../text/index.js';
import { parseDeadline } from './deadline.js';
import type { DocLine } from './doc-lines.js';
import { LOCALITY_LEVELS } from './lexicon.js';
import type { IsoDay, PlanMeta } from './schema.js';

type Locality = NonNullable<PlanMeta['locality']>;

const LEVELS = [...LOCALITY_LEVELS].join('|');
const NAME = '(\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*)*)';
const BODY = '(Ủy ban nhân dân|Uỷ ban nhân dân|UBND|Hội đồng nhân dân|HĐND)';
const ISSUES = new RegExp(`${BODY}\\s+(${LEVELS})\\s+${NAME}\\s+ban hành`, 'u');
const OF_BODY = new RegExp(`Kèm theo.*?của\\s+${BODY}\\s+(${LEVELS})\\s+${NAME}`, 'u');
const ON_AREA = new RegExp(`trên địa bàn\\s+(${LEVELS})\\s+${NAME}`, 'u');
const UPPER_ISSUER = new RegExp(`(?:^|[\\s-])(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\\s+(${LEVELS.toLocaleUpperCase('vi')})\\s+(\\p{Lu}+(?:\\s+\\p{Lu}+)*)$`, 'u');
const APPENDIX_REF = /Kèm theo\s+\p{L}+(?:\s+\p{L}+)?\s+số\s*(\d*)\s*\/\s*([\p{L}\d-]+)(.*)$/u;
const NUMBER_LINE = /^Số\s*:?\s*(\d*)\s*\/\s*([\p{L}\d-]+)/u;
const PLACE_DATE = /^([\p{L} .'-]{2,40}),\s*ngày\b(.*)$/u;

const titleCase = (upper: string) => toLower(upper).replace(/(^|\s)(\p{L})/gu, (_, s: string, c: string) => s + c.toLocaleUpperCase('vi'));
const dayIn = (text: string): IsoDay | null => {
  const d = parseDeadline(`ngày ${text}`);
  return d.kind === 'date' ? d.due : null;
};

/**
 * The plan's number ("158/KH-UBND", null when left blank) and date of issue, from the header or the
 * appendix line; `year` is the year of issue even when the day is left blank ("ngày tháng năm 2026").
 */
export function readNumberAndDate(lines: readonly DocLine[]): { number: string | null; date: IsoDay | null; year: number | null } {
  let number: string | null | undefined;
  let date: IsoDay | null = null;
  let year: number | null = null;
  for (const { text } of lines) {
    const n = NUMBER_LINE.exec(text);
    if (n && number === undefined) number = n[1] ? `${n[1]}/${n[2]}` : null;
    const p = PLACE_DATE.exec(text);
    if (p && !date) date = dayIn(p[2]!);
    if (p && year === null) year = Number(/năm\s+(\d{4})/u.exec(p[2]!)?.[1] ?? NaN) || null;
    const a = APPENDIX_REF.exec(text);
    if (a) {
      if (!number && a[1]) number = `${a[1]}/${a[2]}`;
      date ??= dayIn(a[3]!.replace(/^.*?ngày/u, ''));
    }
  }
  return { number: number ?? null, date, year: date ? Number(date.slice(0, 4)) : year };
}

/** "ỦY BAN NHÂN DÂN" + "TỈNH BẮC NINH" (on one line or the next lines) in the header, also after "ĐẢNG ỦY - ". */
function fromUpperHeader(lines: readonly DocLine[]): Locality | null {
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!/(^|[\s-])(uy ban nhan dan|ubnd)\b/.test(foldCase(text)) || /\p{Ll}/u.test(text)) continue;
    for (const next of ['', ...lines.slice(i + 1, i + 4).map((l) => l.text)]) {
      const m = UPPER_ISSUER.exec(`${text} ${next}`.trim());
      if (m) return { level: toLower(m[1]!), name: titleCase(m[2]!) };
    }
  }
  return null;
}

/** The first line's match of a (non-global) pattern, the lines after it left unread; null when none matches. */
function firstMatch(lines: readonly DocLine[], pattern: RegExp): RegExpExecArray | null {
  for (const { text } of lines) {
    const m = pattern.exec(text);
    if (m) return m;
  }
  return null;
}

function placeName(lines: readonly DocLine[]): string | null {
  const place = firstMatch(lines, PLACE_DATE);
  return place ? place[1]!.trim() : null;
}

/** The issuing body and its locality: "Ủy ban nhân dân phường Nhị Chiểu" → phường / Nhị Chiểu. */
export function readIssuer(lines: readonly DocLine[]): { issuer: string | null; locality: Locality | null } {
  for (const pattern of [ISSUES, OF_BODY]) {
    const m = firstMatch(lines, pattern);
    if (m) {
      const body = expandAbbreviations(m[1]!).replace('Uỷ', 'Ủy');
      return { issuer: `${body} ${m[2]} ${m[3]}`, locality: { level: m[2]!, name: m[3]! } };
    }
  }
  const header = fromUpperHeader(lines);
  if (header) return { issuer: `Ủy ban nhân dân ${header.level} ${header.name}`, locality: header };
  const area = firstMatch(lines, ON_AREA);
  if (area) return { issuer: null, locality: { level: area[1]!, name: area[2]! } };
  const place = placeName(lines);
  return { issuer: null, locality: place ? { level: '', name: place } : null };
}

/** The line under the "KẾ HOẠCH" heading, or the rest of a heading line "KẾ HOẠCH Triển khai ...". */
export function readTitle(lines: readonly DocLine[]): string {
  const at = lines.findIndex((l) => foldCase(l.text) === 'ke hoach');
  if (at >= 0) return lines[at + 1]?.text ?? '';
  const inline = firstMatch(lines, /^KẾ HOẠCH\s+(\S.*)$/u);
  return inline ? inline[1]! : '';
}
