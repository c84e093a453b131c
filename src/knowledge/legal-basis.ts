import { collapseSpaces } from '../text/index.js';
import { parseDeadline } from './deadline.js';
import type { DocLine } from './doc-lines.js';
import { LEGAL_KINDS } from './lexicon.js';
import type { LegalBasis } from './schema.js';

const NUMBER = '(\\d+\\s*(?:\\/\\s*\\d{4}\\s*)?[\\/-]\\s*\\p{Lu}[\\p{L}\\d]*(?:\\s*[\\/-]\\s*[\\p{L}\\d]+)*)';
const DATE = '(\\d{1,2}\\s*\\/\\s*\\d{1,2}\\s*\\/\\s*\\d{4}|\\d{1,2}\\s+tháng\\s+\\d{1,2}\\s+năm\\s+\\d{4})';
const OF = '(?:\\s+của\\s+(\\p{Lu}[\\p{L}]*(?:\\s+[\\p{L}]+){0,7}?)(?=\\s+(?:về|ban hành|quy định|trên|để|và)\\s|[,;.()]|$))';
/** A kind of document, with the word some kinds carry: "Chương trình hành động", "Kế hoạch liên tịch". */
const KIND = `((?:${LEGAL_KINDS.join('|')})(?:\\s+(?:hành động|công tác|liên tịch))?)`;
const CITATION = new RegExp(`${KIND}\\s+(?:số\\s*)?${NUMBER}(?:\\s+ngày\\s+${DATE})?${OF}?`, 'gu');

const dayOf = (date: string | undefined) => {
  if (!date) return null;
  const d = parseDeadline(`ngày ${date}`);
  return d.kind === 'date' ? d.due : null;
};

/**
 * Every legal document the plan cites (Kết luận 226-KL/TW, Quyết định 534/QĐ-TTg, Nghị định 09/2019/NĐ-CP, ...),
 * once each in order of first mention, its date taken from any mention that gives one. `own` (the plan's
 * own number) and the appendix's "Kèm theo" line are left out.
 */
export function readLegalBasis(lines: readonly DocLine[], own: string | null): LegalBasis[] {
  const found = new Map<string, LegalBasis>();
  for (const { text } of lines) {
    // A citation always has a number: a line without a figure is not matched.
    if (/Kèm theo/u.test(text) || !/\d/.test(text)) continue;
    for (const m of text.matchAll(CITATION)) {
      const number = m[2]!.replace(/\s+/g, '');
      if (number === own) continue;
      const entry = { kind: m[1]!, number, date: dayOf(m[3]), text: collapseSpaces(m[0]) };
      const known = found.get(number);
      if (!known) found.set(number, entry);
      else if (!known.date && entry.date) found.set(number, { ...entry, kind: known.kind });
    }
  }
  return [...found.values()];
}
