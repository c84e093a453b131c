import { collapseSpaces, foldCase } from '../text/index.js';
import { splitAgencies } from './agency.js';
import { parseDeadline } from './deadline.js';
import { COLUMN_KEYWORDS, type TableColumn } from './lexicon.js';
import { readWarning } from './read-warning.js';
import type { ReadWarning, Task } from './schema.js';

type Columns = Partial<Record<TableColumn, number>>;
type Draft = { no: string; cells: Record<TableColumn, string>; line: number; group: string | null };
const FIELDS: readonly TableColumn[] = ['content', 'lead', 'coordinators', 'product', 'deadline'];

/** Cell text without tags, markdown emphasis or extra spaces. */
function cleanCell(cell: string): string {
  const text = cell.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\*\*/g, '');
  return collapseSpaces(text);
}

/** The cells of a tab-separated or `| a | b |` row (outer pipes optional); null for a line that is not a table row. */
function splitRow(line: string): string[] | null {
  if (line.includes('\t')) return line.split('\t').map(cleanCell);
  const t = line.trim();
  const piped = /^\|.*\|$/.test(t);
  if (!piped && (t.match(/\|/g) ?? []).length < 2) return null;
  const cells = (piped ? t.slice(1, -1) : t).split('|').map(cleanCell);
  return cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '') ? [] : cells;
}

type HeaderCells = { columns: Columns; all: boolean };

/** The columns named by header-like cells, and whether every non-empty cell is one. */
function headerCells(cells: readonly string[]): HeaderCells {
  const columns: Columns = {};
  let all = true;
  cells.forEach((cell, i) => {
    const f = foldCase(cell).replace(/[^a-z0-9 ]+/g, ' ').trim();
    const hit = COLUMN_KEYWORDS.find((k) => k.words.test(f) && columns[k.column] === undefined);
    if (f && hit) columns[hit.column] = i;
    else if (f) all = false;
  });
  return { columns, all };
}

/** Maps header cells to columns by keywords; null when the row is not a task-table header. */
function detectColumns({ columns }: HeaderCells): Columns | null {
  const known = Object.keys(columns).length;
  return columns.content !== undefined && known >= 3 && (columns.lead ?? columns.deadline) !== undefined ? columns : null;
}

const cellOf = (cells: readonly string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
const emptyFields = (): Record<TableColumn, string> => ({ no: '', content: '', lead: '', coordinators: '', product: '', deadline: '' });

function toDraft(no: string, cells: readonly string[], columns: Columns, line: number, group: string | null): Draft {
  const draft: Draft = { no, cells: emptyFields(), line, group };
  for (const f of FIELDS) draft.cells[f] = cellOf(cells, columns[f]);
  return draft;
}

/**
 * A row with a blank number is a new task, not the continuation of a row cut by a page break, when it
 * opens a sentence and stands on its own while the task before it looks complete.
 */
function looksLikeNewTask(row: Draft, previous: Draft | undefined): boolean {
  const { content, lead, deadline } = row.cells;
  if (!/^\p{Lu}/u.test(content)) return false;
  if (!previous) return lead !== '' || deadline !== '';
  return isComplete(previous) && (lead !== '' || deadline !== '' || /[.;!]$/u.test(previous.cells.content));
}

const CUT_END = /(?:[,–-]|(?<!\p{L})(?:và|của|các|với|theo|trong|về|cho|tại))$/u;

/** A row is complete when it has a lead and a readable deadline and no cell stops mid-phrase. */
function isComplete(row: Draft): boolean {
  const { lead, deadline } = row.cells;
  if (!lead || parseDeadline(deadline).kind === 'unknown') return false;
  return FIELDS.every((f) => !CUT_END.test(row.cells[f]));
}

function appendTo(target: Draft, piece: Draft): void {
  for (const f of FIELDS) {
    const add = piece.cells[f];
    if (add) target.cells[f] = target.cells[f] ? `${target.cells[f]} ${add}` : add;
  }
}

type Reader = {
  columns: Columns | null; drafts: Draft[]; warnings: ReadWarning[]; file: string; group: string | null;
  /** The first line of a header whose words wrap onto a second line ("Thời" / "hạn"). */
  pending: string[] | null;
};

const GROUP_LABEL = /^([IVXLC]+|[A-Z])(?:[.)]|\s|$)/u;
const isCapsTitle = (row: Draft) =>
  FIELDS.every((f) => f === 'content' || row.cells[f] === '') && /\p{Lu}.*\s.*\p{Lu}/u.test(row.cells.content) && !/\p{Ll}/u.test(row.cells.content);

/** A second header line under a merged cell ("Chủ trì", "Phối hợp" under "Cơ quan thực hiện"). */
function readSubHeader(state: Reader, { columns, all }: HeaderCells): boolean {
  if (!state.columns || !all || Object.keys(columns).length === 0 || columns.no !== undefined) return false;
  state.columns = { ...state.columns, ...columns };
  return true;
}

function readBlankNumber(state: Reader, row: Draft): void {
  const previous = state.drafts.at(-1);
  if (isCapsTitle(row)) return; // a group heading written in capitals
  if (looksLikeNewTask(row, previous)) {
    row.no = !previous ? '1' : /^\d+$/.test(previous.no) ? String(Number(previous.no) + 1) : `${previous.no}+`;
    state.warnings.push(readWarning(state.file, row.line, { code: 'task_number_missing', subject: row.no }));
    state.drafts.push(row);
  } else if (previous) appendTo(previous, row);
  else state.warnings.push(readWarning(state.file, row.line, { code: 'row_before_task' }));
}

/** Header rows, including one wrapped over two lines; true when the row was a header. */
function readHeader(state: Reader, cells: readonly string[], head: HeaderCells): boolean {
  const pending = state.pending;
  state.pending = null;
  const merged = pending ? cells.map((c, i) => `${pending[i] ?? ''} ${c}`.trim()) : null;
  const header = detectColumns(head) ?? (merged && detectColumns(headerCells(merged)));
  if (header) {
    state.columns = header;
    return true;
  }
  const { columns } = head;
  const short = cells.every((c) => c.length <= 40 && !/^\d+[.)]?$/.test(c));
  if (short && columns.content !== undefined && Object.keys(columns).length >= 2) {
    state.pending = [...cells];
    return true;
  }
  return false;
}

/** Tables without a number column: a row that opens a task is numbered in order, others continue it. */
function readUnnumbered(state: Reader, row: Draft): void {
  const previous = state.drafts.at(-1);
  if (looksLikeNewTask(row, previous)) state.drafts.push({ ...row, no: String(state.drafts.length + 1) });
  else if (previous) appendTo(previous, row);
}

function readRow(state: Reader, cells: string[], line: number): void {
  // Read once: every row is tried as a header, then as a second header line.
  const head = headerCells(cells);
  if (readHeader(state, cells, head) || !state.columns || cells.every((c) => c === '') || readSubHeader(state, head)) return;
  const no = cellOf(cells, state.columns.no).replace(/[.)]$/, '').replace(/^0+(?=\d)/, '');
  const row = toDraft(no, cells, state.columns, line, state.group);
  const previous = state.drafts.at(-1);
  if (state.columns.no === undefined) readUnnumbered(state, row);
  // A converter may repeat the number on the piece of a row carried over to the next page.
  else if (previous && no === previous.no) appendTo(previous, row);
  else if (/^\d+(\.\d+)*$/.test(no)) state.drafts.push(row);
  else if (no === '') readBlankNumber(state, row);
  else state.group = GROUP_LABEL.exec(no)?.[1] ?? state.group;
}

/** A numbered row with only a title, whose number heads sub-numbered rows ("1" over "1.1", "1.2"), is a group. */
function dropGroupRows(drafts: Draft[]): Draft[] {
  return drafts.filter(
    (d) => !(d.cells.lead === '' && d.cells.deadline === '' && drafts.some((o) => o.no.startsWith(`${d.no}.`))),
  );
}

/** Numbers that restart in each group ("I": 1, 2; "II": 1, 2) become "I.1", "II.1". */
function qualifyByGroup(drafts: Draft[]): void {
  const repeats = drafts.some((d, i) => drafts.findIndex((o) => o.no === d.no) !== i);
  if (!repeats || drafts.some((d) => d.group === null)) return;
  for (const d of drafts) d.no = `${d.group}.${d.no}`;
}

function toTask(plan: string, file: string, d: Draft, warnings: ReadWarning[], year: number | undefined): Task {
  const deadline = parseDeadline(d.cells.deadline, year);
  const about = { subject: d.no };
  if (deadline.kind === 'unknown') warnings.push(readWarning(file, d.line, { code: 'deadline_unknown', ...about, detail: deadline.raw }));
  if (!d.cells.lead) warnings.push(readWarning(file, d.line, { code: 'no_lead', ...about }));
  if (!d.cells.content) warnings.push(readWarning(file, d.line, { code: 'no_content', ...about }));
  const { content, lead, coordinators, product } = d.cells;
  return {
    plan, no: d.no, content, leadRaw: lead, lead: splitAgencies(lead), coordinatorsRaw: coordinators,
    coordinators: splitAgencies(coordinators), product, deadline, line: d.line,
  };
}

function checkNumbers(file: string, drafts: readonly Draft[], warnings: ReadWarning[]): void {
  drafts.forEach((d, i) => {
    if (drafts.findIndex((o) => o.no === d.no) !== i) warnings.push(readWarning(file, d.line, { code: 'number_twice', subject: d.no }));
  });
}

/**
 * Reads the appendix task table (tab-separated or Markdown pipes) from the lines of a plan:
 * header found by keywords (repeats skipped), rows cut by page breaks joined back. `year` completes
 * deadlines written without one ("Trước 30/6"). `rowLines` are the 1-based lines laid out as table rows.
 */
export function readAppendixTable(
  plan: string,
  file: string,
  lines: readonly string[],
  year?: number,
): { tasks: Task[]; warnings: ReadWarning[]; rowLines: Set<number> } {
  const state: Reader = { columns: null, drafts: [], warnings: [], file, group: null, pending: null };
  const rowLines = new Set<number>();
  lines.forEach((text, i) => {
    const cells = splitRow(text);
    // Another appendix (a report form, ...) ends the task table; its rows are not tasks.
    if (!cells && /ph[uụ]\s*l[uụ]c/iu.test(text) && /^\W*phu luc\b/.test(foldCase(text))) state.columns = null;
    if (!cells) return;
    rowLines.add(i + 1);
    if (cells.length >= 2) readRow(state, cells, i + 1);
  });
  const drafts = dropGroupRows(state.drafts);
  qualifyByGroup(drafts);
  checkNumbers(file, drafts, state.warnings);
  const tasks = drafts.map((d) => toTask(plan, file, d, state.warnings, year));
  return { tasks, warnings: state.warnings, rowLines };
}
