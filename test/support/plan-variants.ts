/**
 * Variants of the real plan files, for reader tests: the same plan written a little differently,
 * as plans from other localities are.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The text of a shipped plan, e.g. `realPlan('hue')`. */
export function realPlan(id: string): string {
  return readFileSync(join('knowledge', `${id}.md`), 'utf8');
}

const lines = (text: string) => text.split('\n');
const rowIndex = (all: readonly string[], no: string) => {
  const i = all.findIndex((l) => l.split('\t')[0]?.trim() === no && l.includes('\t'));
  if (i < 0) throw new Error(`plan-variants: no table row numbered ${no}`);
  return i;
};
const headerOf = (all: readonly string[]) => all.find((l) => l.includes('\t') && /Nội dung/u.test(l))!;

/** Cuts row `no` across a "page": the cells are split at the middle space of `cell`, the rest comes after a page break (and the header again, if asked). */
export function cutRow(text: string, no: string, cell: number, withHeader = false): string {
  const all = lines(text);
  const i = rowIndex(all, no);
  const cells = all[i]!.split('\t');
  const words = cells[cell]!.split(' ');
  const half = Math.ceil(words.length / 2);
  const first = cells.map((c, k) => (k === cell ? words.slice(0, half).join(' ') : k < cell ? c : ''));
  const rest = cells.map((c, k) => (k === cell ? words.slice(half).join(' ') : k > cell ? c : ''));
  const page = withHeader ? ['', headerOf(all)] : [''];
  all.splice(i, 1, first.join('\t'), ...page, rest.join('\t'));
  return all.join('\n');
}

/** Cuts row `no` across a "page" inside every cell: each cell's second half goes to a row with a blank number. */
export function cutRowEverywhere(text: string, no: string): string {
  const all = lines(text);
  const i = rowIndex(all, no);
  const halves = all[i]!.split('\t').map((c) => {
    const words = c.split(' ');
    const half = Math.ceil(words.length / 2);
    return [words.slice(0, half).join(' '), words.slice(half).join(' ')] as const;
  });
  all.splice(i, 1, halves.map((h) => h[0]).join('\t'), '', halves.map((h, k) => (k === 0 ? '' : h[1])).join('\t'));
  return all.join('\n');
}

/** Adds a row after the last one. */
export function addRow(text: string, cells: readonly string[]): string {
  return `${text.trimEnd()}\n${cells.join('\t')}\n`;
}

/** Repeats the table header right before row `no`, as after a page break. */
export function repeatHeader(text: string, no: string): string {
  const all = lines(text);
  all.splice(rowIndex(all, no), 0, headerOf(all));
  return all.join('\n');
}

/** Leaves the number cell of row `no` blank. */
export function blankNumber(text: string, no: string): string {
  const all = lines(text);
  const i = rowIndex(all, no);
  all[i] = all[i]!.replace(/^[^\t]*/, '');
  return all.join('\n');
}

/** The plan without its appendix (from the "PHỤ LỤC" heading on). */
export function dropAppendix(text: string): string {
  return text.slice(0, text.search(/\**PHỤ LỤC/u));
}

/** Writes the tab-separated rows as Markdown pipe rows, with a separator under the first header. */
export function toPipeTable(text: string, outerPipes = true): string {
  let first = true;
  return lines(text)
    .flatMap((l) => {
      if (!l.includes('\t')) return [l];
      const inner = l.split('\t').join(' | ');
      const row = outerPipes ? `| ${inner} |` : inner;
      if (!first || !/Nội dung/u.test(l)) return [row];
      first = false;
      return [
        row,
        `|${l
          .split('\t')
          .map(() => '---')
          .join('|')}|`,
      ];
    })
    .join('\n');
}

/** Writes each run of tab-separated rows as an HTML table, a cell's text wrapped over two lines. */
export function toHtmlTable(text: string): string {
  const out: string[] = [];
  let open = false;
  for (const l of lines(text)) {
    const isRow = l.includes('\t');
    if (isRow && !open) out.push('<table>');
    if (!isRow && open && l.trim() === '') continue;
    if (!isRow && open) out.push('</table>');
    open = isRow;
    if (!isRow) out.push(l);
    else out.push('<tr>', ...l.split('\t').map((c) => `<td>${c.replace(' ', '\n')}</td>`), '</tr>');
  }
  if (open) out.push('</table>');
  return out.join('\n');
}

/** Drops column `index` from every table row and renames the header cells. */
export function reshapeTable(text: string, drop: number, header: readonly string[]): string {
  return lines(text)
    .map((l) => {
      if (!l.includes('\t')) return l;
      if (/Nội dung/u.test(l)) return header.join('\t');
      return l
        .split('\t')
        .filter((_, k) => k !== drop)
        .join('\t');
    })
    .join('\n');
}

/** Wraps every header row over two lines, the last word of each cell going to the second ("Thời" / "hạn"). */
export function wrapHeader(text: string): string {
  return lines(text)
    .flatMap((l) => {
      if (!l.includes('\t') || !/Nội dung/u.test(l)) return [l];
      const cells = l.split('\t').map((c) => c.trim().split(' '));
      return [
        cells.map((w) => (w.length > 1 ? w.slice(0, -1) : w).join(' ')).join('\t'),
        cells.map((w) => (w.length > 1 ? w.at(-1) : '')).join('\t'),
      ];
    })
    .join('\n');
}

/** A fresh temp folder holding the given files. */
export function knowledgeFolder(files: Readonly<Record<string, string | Buffer>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'plans-'));
  for (const [name, body] of Object.entries(files)) writeFileSync(join(dir, name), body);
  return dir;
}
