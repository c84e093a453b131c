/** A run of text on a PDF page, in page space with y growing downwards: left x, baseline y, font size. */
export type TextRun = { text: string; x: number; y: number; width: number; size: number };

/** A drawn line (table border): horizontal when y1 = y2, vertical when x1 = x2. */
export type Rule = { x1: number; y1: number; x2: number; y2: number };

/** What the layout needs of one page. */
export type PdfPage = { width: number; height: number; runs: TextRun[]; rules: Rule[] };

/** Text runs on one baseline joined into a line: left x, baseline y, right end, font size. */
export type Line = { text: string; x: number; y: number; right: number; size: number };
