import { collapseSpaces } from '../text/index.js';

/** One logical line of a plan: Markdown marks removed, text cut by a page break joined back. */
export type DocLine = { text: string; line: number };

/** Drops heading marks, emphasis, tags and Markdown hard breaks, keeping the words. */
export function stripMarkup(line: string): string {
  // The tests spare two scans of every line, which mostly has neither tags nor emphasis.
  const untagged = line.includes('<') ? line.replace(/<[^>]*>/g, ' ') : line;
  const text = untagged.replace(/^\s*#{1,6}\s+/, '').replace(/^\s*\*\s+/, '- ');
  return collapseSpaces(text.includes('*') ? text.replace(/\*{1,3}/g, '') : text);
}

const ENDS_SENTENCE = /[.!?…:;]["”’)]*$|\/\.$/u;
/** Words a sentence cannot end on: the next line continues it even when it opens with a capital ("của" + "UBND"). */
const ENDS_MID_PHRASE = /(?<!\p{L})(của|và|với|theo|các|cho|tại|về|trên|để|được|là|hoặc|những|thuộc|trong)$/iu;
const IS_MARKED = /^(?:[IVXL]+\s*[.)\-–]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*[.)]|[-–—•●▪○◦+])\s/u;
/** A lower-case start that is not a list letter such as "a)" or "a.". */
const STARTS_LOWER = /^(?![a-zđ]\s*[.)]\s)\p{Ll}/u;

/**
 * A wide gap inside a line: text laid out in columns with spaces ("Số: 33/KH-UBND      An Bình, ngày 02 tháng 6 năm 2026"),
 * as PDF converters do, is read like cells separated by tabs.
 */
const COLUMN_GAP = /(?<=\S) {4,}(?=\S)/g;

/**
 * The logical lines of a document: blank lines dropped; a line that does not end a sentence followed
 * (after blank lines or not) by one starting in lower case, or ending on a word such as "của" followed
 * by any unmarked line, is joined to it, as PDF page breaks cut
 * sentences ("... người đứng đầu cơ quan, đơn vị để xảy ra việc cán bộ, công chức," + "viên chức ...").
 * Table rows (tabs, or columns laid out with wide gaps of spaces) are never joined.
 */
export function toDocLines(lines: readonly string[]): DocLine[] {
  const out: DocLine[] = [];
  lines.forEach((written, i) => {
    const raw = written.includes('    ') ? written.replace(COLUMN_GAP, '\t') : written;
    if (raw.includes('\t')) {
      out.push({ text: raw, line: i + 1 });
      return;
    }
    const text = stripMarkup(raw);
    if (!text) return;
    const previous = out.at(-1);
    const joinable = previous && !previous.text.includes('\t') && !ENDS_SENTENCE.test(previous.text);
    const continues = STARTS_LOWER.test(text) || (ENDS_MID_PHRASE.test(previous?.text ?? '') && !IS_MARKED.test(text));
    if (joinable && continues) previous.text = `${previous.text} ${text}`;
    else out.push({ text, line: i + 1 });
  });
  return out;
}
