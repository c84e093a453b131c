import { parseHtml, type HtmlNode } from './html-tree.js';

const BLOCKS = new Set(['p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'caption']);
const isNode = (c: HtmlNode | string): c is HtmlNode => typeof c !== 'string';

/** The words of an element on one line (line breaks and tabs as spaces). */
function inlineText(node: HtmlNode | string): string {
  if (!isNode(node)) return node;
  if (node.tag === 'br') return ' ';
  return node.children.map(inlineText).join('');
}
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

/** "1.", "2." at the first level of an automatic list, "a)", "b)" below, "-" deeper (Word's labels are not in the HTML). */
function listLabel(ordered: boolean, depth: number, n: number): string {
  if (!ordered || depth >= 2) return '-';
  return depth === 0 ? `${n}.` : `${String.fromCharCode(97 + ((n - 1) % 26))})`;
}

/** Every child element of `node` with tag in `tags`, not looking inside nested tables. */
function rowsOf(node: HtmlNode): HtmlNode[] {
  return node.children.filter(isNode).flatMap((c) => (c.tag === 'tr' ? [c] : c.tag === 'table' ? [] : rowsOf(c)));
}

const spanOf = (attrs: string, name: string) => Number(new RegExp(`${name}="?(\\d+)`, 'i').exec(attrs)?.[1] ?? 1);

/** A table as a grid of cells (each cell its lines), merged cells spread so columns line up. */
function tableGrid(table: HtmlNode): string[][][] {
  const grid: string[][][] = [];
  const carried = new Map<number, number>(); // column → rows still covered by a cell above
  for (const tr of rowsOf(table)) {
    const row: string[][] = [];
    let col = 0;
    const skipCarried = () => {
      while ((carried.get(col) ?? 0) > 0) {
        carried.set(col, carried.get(col)! - 1);
        row[col++] = [];
      }
    };
    for (const cell of tr.children.filter(isNode).filter((c) => c.tag === 'td' || c.tag === 'th')) {
      skipCarried();
      const lines = blockLines(cell, 0);
      const rowspan = spanOf(cell.attrs, 'rowspan');
      for (let k = 0; k < spanOf(cell.attrs, 'colspan'); k++) {
        if (rowspan > 1) carried.set(col, rowspan - 1);
        row[col++] = k === 0 ? lines : [];
      }
    }
    skipCarried();
    grid.push(Array.from(row, (c) => c ?? []));
  }
  return grid;
}

/**
 * A table's lines: a grid of three columns or more (a task table) one row per line with its cells separated by tabs;
 * a layout table of one or two columns (the header beside the national motto, the recipients beside the signature)
 * read cell after cell, each cell's lines in turn, as a person reads it.
 */
function tableLines(table: HtmlNode): string[] {
  const grid = tableGrid(table);
  const width = Math.max(0, ...grid.map((r) => r.length));
  if (width <= 2) return grid.flatMap((row) => row.flat());
  return grid.map((row) => Array.from({ length: width }, (_, k) => oneLine((row[k] ?? []).join(' '))).join('\t'));
}

function blockLines(node: HtmlNode, depth: number): string[] {
  const out: string[] = [];
  let inline = '';
  const flush = () => {
    if (oneLine(inline)) out.push(oneLine(inline));
    inline = '';
  };
  for (const child of node.children) {
    if (!isNode(child) || (!BLOCKS.has(child.tag) && !['table', 'ol', 'ul'].includes(child.tag) && !hasBlocks(child))) {
      inline += inlineText(child);
      continue;
    }
    flush();
    if (child.tag === 'table') out.push(...tableLines(child));
    else if (child.tag === 'ol' || child.tag === 'ul') {
      let n = 0;
      for (const li of child.children.filter(isNode)) {
        const [first = '', ...rest] = blockLines(li, depth + 1);
        out.push(`${listLabel(child.tag === 'ol', depth, ++n)} ${first}`.trim(), ...rest);
      }
    } else if (BLOCKS.has(child.tag) && !hasBlocks(child)) out.push(...[oneLine(inlineText(child))].filter(Boolean));
    else out.push(...blockLines(child, depth));
  }
  flush();
  return out;
}

function hasBlocks(node: HtmlNode): boolean {
  return node.children.some(
    (c) => isNode(c) && (BLOCKS.has(c.tag) || ['table', 'ol', 'ul'].includes(c.tag) || hasBlocks(c)),
  );
}

/**
 * Plan text from document HTML: one line per paragraph, heading or list item (automatic list labels written out),
 * task tables as tab-separated rows, layout tables read cell by cell.
 */
export function htmlToPlanText(html: string): string {
  return blockLines(parseHtml(html), 0).join('\n');
}
