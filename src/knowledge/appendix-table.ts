import { collapseSpaces, foldCase } from '../text/index.js';
import { splitAgencies } from './agency.js';
import { parseDeadline } from './deadline.js';
import { COLUMN_KEYWORDS, type TableColumn } from './lexicon.js';
import type { ReadWarning, Task } from './schema.js';

type Columns = Partial<Record<TableColumn, number>>;
type Draft = { no: string; cells: Record<TableColumn, string>; line: number };
const FIELDS: readonly TableColumn[] = ['content', 'lead', 'coordinators', 'product', 'deadline'];

/** Cell text without tags, markdown emphasis or extra spaces. */
export function cleanCell(cell: string): string {
  const text = cell.replace(/<[^>]*>/g, ' ').replace(/&nbsp;/g, ' ').replace(/&amp;/g, '&').replace(/\*\*/g, '');
  return collapseSpaces(text);
}

/** The cells of a tab-separated or `| a | b |` row; null for a line that is not a table row. */
export function splitRow(line: string): string[] | null {
  if (line.includes('\t')) return line.split('\t').map(cleanCell);
  const t = line.trim();
  if (!/^\|.*\|$/.test(t)) return null;
  const cells = t.slice(1, -1).split('|').map(cleanCell);
  return cells.every((c) => /^:?-{2,}:?$/.test(c) || c === '') ? [] : cells;
}

/** Maps header cells to columns by keywords; null when the row is not a task-table header. */
export function detectColumns(cells: readonly string[]): Columns | null {
  const columns: Columns = {};
  cells.forEach((cell, i) => {
    const f = foldCase(cell).replace(/[^a-z0-9 ]+/g, ' ').trim();
    const hit = COLUMN_KEYWORDS.find((k) => k.words.test(f) && columns[k.column] === undefined);
    if (f && hit) columns[hit.column] = i;
  });
  const known = Object.keys(columns).length;
  return columns.content !== undefined && known >= 3 && (columns.lead ?? columns.deadline) !== undefined ? columns : null;
}

const cellOf = (cells: readonly string[], i: number | undefined) => (i === undefined ? '' : (cells[i] ?? ''));
const emptyFields = (): Record<TableColumn, string> => ({ no: '', content: '', lead: '', coordinators: '', product: '', deadline: '' });

function toDraft(no: string, cells: readonly string[], columns: Columns, line: number): Draft {
  const draft: Draft = { no, cells: emptyFields(), line };
  for (const f of FIELDS) draft.cells[f] = cellOf(cells, columns[f]);
  return draft;
}

/** A row with a blank number is a new task, not a continuation, when it stands complete on its own. */
function looksLikeNewTask(row: Draft, previous: Draft): boolean {
  const { content, lead, deadline } = row.cells;
  return /^\p{Lu}/u.test(content) && lead !== '' && deadline !== '' && previous.cells.deadline !== '';
}

function appendTo(target: Draft, piece: Draft): void {
  for (const f of FIELDS) {
    const add = piece.cells[f];
    if (add) target.cells[f] = target.cells[f] ? `${target.cells[f]} ${add}` : add;
  }
}

type Reader = { columns: Columns | null; drafts: Draft[]; warnings: ReadWarning[]; file: string };

function readRow(state: Reader, cells: string[], line: number): void {
  const header = detectColumns(cells);
  if (header) {
    state.columns = header;
    return;
  }
  if (!state.columns || cells.every((c) => c === '')) return;
  const columns = state.columns;
  const no = cellOf(cells, columns.no).replace(/[.)]$/, '');
  const previous = state.drafts.at(-1);
  if (/^\d+(\.\d+)*$/.test(no)) state.drafts.push(toDraft(no, cells, columns, line));
  else if (no !== '') return; // a group heading such as "I" or "A"
  else if (!previous) state.warnings.push({ file: state.file, line, message: 'table row without a task number before any task; skipped' });
  else {
    const row = toDraft('', cells, columns, line);
    if (!looksLikeNewTask(row, previous)) appendTo(previous, row);
    else {
      row.no = /^\d+$/.test(previous.no) ? String(Number(previous.no) + 1) : `${previous.no}+`;
      state.warnings.push({ file: state.file, line, message: `task number missing; read as task ${row.no}` });
      state.drafts.push(row);
    }
  }
}

function toTask(plan: string, file: string, d: Draft, warnings: ReadWarning[]): Task {
  const deadline = parseDeadline(d.cells.deadline);
  const where = `task ${d.no}`;
  if (deadline.kind === 'unknown') warnings.push({ file, line: d.line, message: `${where}: deadline not understood: '${deadline.raw}'` });
  if (!d.cells.lead) warnings.push({ file, line: d.line, message: `${where}: no lead agency` });
  if (!d.cells.content) warnings.push({ file, line: d.line, message: `${where}: no content` });
  const { content, lead, coordinators, product } = d.cells;
  return {
    plan, no: d.no, content, leadRaw: lead, lead: splitAgencies(lead), coordinatorsRaw: coordinators,
    coordinators: splitAgencies(coordinators), product, deadline, line: d.line,
  };
}

function checkNumbers(file: string, drafts: readonly Draft[], warnings: ReadWarning[]): void {
  drafts.forEach((d, i) => {
    if (drafts.findIndex((o) => o.no === d.no) !== i) warnings.push({ file, line: d.line, message: `task number ${d.no} used twice` });
  });
}

/**
 * Reads the appendix task table (tab-separated or Markdown pipes) from the lines of a plan:
 * header found by keywords (repeats skipped), rows cut by page breaks joined back.
 */
export function readAppendixTable(plan: string, file: string, lines: readonly string[]): { tasks: Task[]; warnings: ReadWarning[]; headerLine: number | null } {
  const state: Reader = { columns: null, drafts: [], warnings: [], file };
  let headerLine: number | null = null;
  lines.forEach((text, i) => {
    const cells = splitRow(text);
    if (!cells || cells.length < 2) return;
    if (headerLine === null && detectColumns(cells)) headerLine = i + 1;
    readRow(state, cells, i + 1);
  });
  checkNumbers(file, state.drafts, state.warnings);
  const tasks = state.drafts.map((d) => toTask(plan, file, d, state.warnings));
  return { tasks, warnings: state.warnings, headerLine };
}
