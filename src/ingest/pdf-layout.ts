import type { Line, PdfPage, Rule, TextRun } from './pdf-page.js';
import { runningLines } from './pdf-running.js';

type Grid = { top: number; bottom: number; cols: number[]; rows: number[] };
/** A table cell as laid out: its lines, and the width text may take in it (the column less its padding). */
type Cell = { lines: Line[]; room: number };
type Block = { kind: 'line'; line: Line; right: number } | { kind: 'table'; rows: Cell[][]; top: number };

/** Sorted values with those closer than `tolerance` merged. */
function cluster(values: number[], tolerance = 2): number[] {
  const out: number[] = [];
  for (const v of [...values].sort((a, b) => a - b)) if (out.length === 0 || v - out.at(-1)! > tolerance) out.push(v);
  return out;
}

/** Bordered tables of three columns or more, from the page's vertical and horizontal rules. */
function gridsOf(rules: readonly Rule[]): Grid[] {
  const vertical = rules.filter((r) => r.x2 - r.x1 < 2).sort((a, b) => a.y1 - b.y1);
  const horizontal = rules.filter((r) => r.y2 - r.y1 < 2);
  const groups: Rule[][] = [];
  for (const r of vertical) {
    const g = groups.find((x) => x.some((o) => r.y1 <= o.y2 + 2 && o.y1 <= r.y2 + 2));
    if (g) g.push(r);
    else groups.push([r]);
  }
  return groups.flatMap((g) => {
    const top = Math.min(...g.map((r) => r.y1));
    const bottom = Math.max(...g.map((r) => r.y2));
    const cols = cluster(g.map((r) => r.x1));
    if (cols.length < 4) return [];
    const inside = horizontal.filter(
      (h) => h.y1 >= top - 2 && h.y1 <= bottom + 2 && h.x2 > cols[0]! && h.x1 < cols.at(-1)!,
    );
    return [{ top, bottom, cols, rows: cluster([top, bottom, ...inside.map((h) => h.y1)]) }];
  });
}

/** Runs on one baseline joined left to right, a space where the gap shows one, a tab where it shows a column. */
function linesOf(runs: readonly TextRun[], columnGap: number): Line[] {
  const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: TextRun[][] = [];
  for (const r of sorted) {
    const g = groups.at(-1);
    if (g && Math.abs(g[0]!.y - r.y) < 0.5 * r.size) g.push(r);
    else groups.push([r]);
  }
  return groups.map((g) => {
    const line = [...g].sort((a, b) => a.x - b.x);
    let text = '';
    let end = -Infinity;
    for (const r of line) {
      const gap = r.x - end;
      if (text && gap > columnGap * r.size) text = `${text.trimEnd()}\t${r.text.trimStart()}`;
      else text += text && gap > 0.15 * r.size && !/\s$/.test(text) && !/^\s/.test(r.text) ? ` ${r.text}` : r.text;
      end = Math.max(end, r.x + r.width);
    }
    const size = Math.max(...line.map((r) => r.size));
    return { text: text.replace(/ +/g, ' ').trim(), x: line[0]!.x, y: line[0]!.y, right: end, size };
  });
}

/** The rows of a bordered table: each band between two horizontal rules, its runs put in columns by where they start. */
function gridRows(grid: Grid, runs: readonly TextRun[]): Cell[][] {
  const rows: Cell[][] = [];
  for (let i = 0; i + 1 < grid.rows.length; i++) {
    const [top, bottom] = [grid.rows[i]!, grid.rows[i + 1]!];
    const cells: TextRun[][] = grid.cols.slice(0, -1).map(() => []);
    for (const r of runs) {
      if (r.y <= top || r.y > bottom) continue;
      const k = grid.cols.findLastIndex((x) => x <= r.x + 1);
      cells[Math.min(Math.max(k, 0), cells.length - 1)]!.push(r);
    }
    const row = cells.map((c, k) => {
      // The padding seen on the cell's left is taken on both sides.
      const padding = c.length ? Math.min(...c.map((r) => r.x)) - grid.cols[k]! : 0;
      return { lines: linesOf(c, Infinity), room: grid.cols[k + 1]! - grid.cols[k]! - 2 * padding };
    });
    if (row.some((c) => c.lines.length > 0)) rows.push(row);
  }
  return rows;
}

/** The longest Vietnamese syllable has seven letters ("nghiêng"): a longer run of letters is two words. */
const SYLLABLE_LETTERS = 7;

/**
 * Whether a line break between `before` and `after` is a word break (a space) whatever the widths say: after
 * punctuation, between letters and digits ("Tháng" / "12/2026"), or between letters that no one syllable holds
 * ("Thường" / "xuyên").
 */
function isWordBreak(before: string, after: string): boolean {
  const a = before.at(-1) ?? '';
  const b = after[0] ?? '';
  if (/[,;:.!?)]/.test(a) || b === '(') return true;
  if ((/\p{L}/u.test(a) && /\d/.test(b)) || (/\d/.test(a) && /\p{L}/u.test(b))) return true;
  const letters = (/\p{L}+$/u.exec(before)?.[0] ?? '') + (/^\p{L}+/u.exec(after)?.[0] ?? '');
  return [...letters.normalize('NFC')].length > SYLLABLE_LETTERS;
}

/**
 * A cell's lines as one text. A word too long for its column is cut across lines ("HĐND&UBN" + "D", "Thườn" + "g"):
 * a line of one word that leaves no room for the next line's first letter goes on without a space, unless the break is
 * plainly between two words (`isWordBreak`). A line broken after a hyphen ("226-" + "KL/TW") goes on without one too.
 */
function cellText({ lines, room }: Cell): string {
  return lines.reduce((text, line, i) => {
    const previous = lines[i - 1];
    if (!previous) return line.text;
    const glyph = (line.right - line.x) / Math.max(1, line.text.length);
    const full = previous.right - previous.x + glyph > room;
    const cut = full && !previous.text.includes(' ') && !isWordBreak(text, line.text);
    return cut || /\S-$/.test(previous.text) ? `${text}${line.text}` : `${text} ${line.text}`;
  }, '');
}

const inGrid = (r: TextRun, g: Grid) => r.y > g.top && r.y <= g.bottom && r.x >= g.cols[0]! - 1 && r.x < g.cols.at(-1)!;

/** A page's bordered tables and the text lines outside them. */
function pageLines(page: PdfPage): { grids: Grid[]; lines: Line[] } {
  const grids = gridsOf(page.rules);
  return {
    grids,
    lines: linesOf(
      page.runs.filter((r) => !grids.some((g) => inGrid(r, g))),
      3,
    ),
  };
}

/** A page's text lines and tables, top to bottom. */
function pageBlocks(page: PdfPage, grids: readonly Grid[], lines: readonly Line[]): Block[] {
  // Where this page's text ends on the right (pages differ: a landscape appendix is wider).
  const right = Math.max(0, ...lines.filter((l) => !l.text.includes('\t')).map((l) => l.right));
  const blocks: Array<Block & { y: number }> = [
    ...lines.map((line) => ({ kind: 'line' as const, line, right, y: line.y })),
    ...grids.map((g) => ({
      kind: 'table' as const,
      rows: gridRows(
        g,
        page.runs.filter((r) => inGrid(r, g)),
      ),
      top: g.top,
      y: g.top,
    })),
  ];
  return blocks.sort((a, b) => a.y - b.y);
}

const MARKED = /^(?:[IVXL]+\s*[.)]|\d{1,2}(?:\.\d{1,2})*\s*[.)]|[a-zđ]\s*[)]|[-–—•+])\s/u;

/** Lines of one paragraph wrapped by the layout joined back: a line that fills the width goes on in the next. */
function paragraphs(blocks: readonly Block[]): string[] {
  const out: string[] = [];
  let open: Line | null = null;
  for (const b of blocks) {
    if (b.kind === 'table') {
      out.push(...b.rows.map(rowText));
      open = null;
      continue;
    }
    const { line } = b;
    const full = (l: Line) => !l.text.includes('\t') && l.right >= b.right - 2.5 * l.size;
    const near = open && (line.y - open.y < 2.2 * line.size || line.y < open.y);
    if (open && full(open) && near && !line.text.includes('\t') && !MARKED.test(line.text))
      out[out.length - 1] += /\S-$/.test(out.at(-1)!) ? line.text : ` ${line.text}`;
    else out.push(line.text);
    open = line;
  }
  return out;
}

const rowText = (row: readonly Cell[]) => row.map(cellText).join('\t');

/** Continued tables: the header repeated on the next page dropped, and a row cut by the page break joined back. */
function joinContinuedTables(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const previous = out.filter((x) => x.kind === 'table').at(-1);
    const lastText = out.at(-1);
    const continues =
      b.kind === 'table' &&
      previous?.kind === 'table' &&
      lastText === previous &&
      previous.rows[0]?.length === b.rows[0]?.length;
    if (!continues || b.kind !== 'table' || previous?.kind !== 'table') {
      out.push(b);
      continue;
    }
    const head = previous.rows.slice(0, 2).map(rowText);
    const rows = [...b.rows];
    while (rows.length > 0 && head.includes(rowText(rows[0]!))) rows.shift();
    // A row cut by the page break: its cells' lines go on in the cells of the row above, as lines of one cell.
    const last = previous.rows.at(-1)!;
    if (rows[0] && rows[0][0]?.lines.length === 0 && last) {
      const rest = rows.shift()!;
      previous.rows[previous.rows.length - 1] = last.map((c, k) => ({
        lines: [...c.lines, ...(rest[k]?.lines ?? [])],
        room: c.room,
      }));
    }
    previous.rows.push(...rows);
  }
  return out;
}

/**
 * Plan text from the pages of a PDF with a text layer: lines rebuilt from positions (wide gaps as tabs, so columns
 * laid side by side read as cells), paragraphs wrapped by the layout joined back, running headers, footers and page
 * numbers dropped, and bordered tables rebuilt row by row from their rules, a table continued on the next page read as one.
 */
export function pagesToPlanText(pages: readonly PdfPage[]): string {
  const laid = pages.map((page) => ({ page, ...pageLines(page) }));
  const running = runningLines(laid.map(({ page, lines }) => ({ height: page.height, lines })));
  const blocks = laid.flatMap(({ page, grids, lines }) =>
    pageBlocks(
      page,
      grids,
      lines.filter((l) => !running.has(l)),
    ),
  );
  return paragraphs(joinContinuedTables(blocks)).join('\n');
}
