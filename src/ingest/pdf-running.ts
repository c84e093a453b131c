import type { Line } from './pdf-page.js';

/** The share of a page's height, from its top or bottom edge, where running headers and footers sit (the margins). */
const MARGIN_SHARE = 0.12;
/** How far apart (pt) two lines may sit and still be at the same place on their pages. */
const SAME_PLACE = 3;
/** Page numbers in the forms offices use: "2", "- 2 -", "Trang 2", "Trang 2/5". */
const PAGE_NUMBER = /^[-–\s]*(?:trang\s*)?\d{1,3}(?:\s*\/\s*\d{1,3})?[-–\s]*$/i;

/** The text lines of one page, laid out. */
export type PageLines = { height: number; lines: readonly Line[] };

type Placed = { page: number; line: Line; edge: 'top' | 'bottom'; distance: number; key: string };

/** A line of a page's margin with its distance from that edge and its text, numbers aside ("Trang #/#"). */
function marginLines({ height, lines }: PageLines, page: number): Placed[] {
  return lines.flatMap((line) => {
    const edge = line.y < MARGIN_SHARE * height ? 'top' : line.y > (1 - MARGIN_SHARE) * height ? 'bottom' : null;
    if (!edge) return [];
    const key = line.text.replace(/\d+/g, '#').replace(/\s+/g, ' ').toLowerCase();
    return [{ page, line, edge, distance: edge === 'top' ? line.y : height - line.y, key }];
  });
}

/**
 * The running headers and footers of a document, to be left out of its text: the lines of a page's top or bottom
 * margin that are a page number, or whose text (numbers aside) comes back at the same place on at least half the pages,
 * two at least ("UBND TỈNH … - Kế hoạch số 12/KH-UBND" on every page, "Trang 2/5").
 */
export function runningLines(pages: readonly PageLines[]): Set<Line> {
  const placed = pages.flatMap(marginLines);
  const needed = Math.max(2, Math.ceil(pages.length / 2));
  const running = new Set<Line>();
  for (const p of placed) {
    const same = placed.filter(
      (q) => q.edge === p.edge && q.key === p.key && Math.abs(q.distance - p.distance) <= SAME_PLACE,
    );
    if (PAGE_NUMBER.test(p.line.text) || new Set(same.map((q) => q.page)).size >= needed) running.add(p.line);
  }
  return running;
}
