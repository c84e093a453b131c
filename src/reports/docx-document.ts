import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { REPORT_TEXT, reportCells, reportHeading, targetCells, unitCells, UNITS_TEXT } from '../messages/index.js';
import type { ReportModel } from '../digest/index.js';
import { TARGET_COLUMN_WIDTHS, TASK_COLUMN_WIDTHS, UNIT_COLUMN_WIDTHS } from './columns.js';

/** A4 in twentieths of a point, and 2 cm / 1.5 cm margins as offices set them. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = { left: 1134, right: 850, top: 1134, bottom: 1134 };
/** The width a table may take on a landscape page. */
const TEXT_WIDTH = A4.height - MARGIN.left - MARGIN.right;

/** Relative widths turned into twips that fill the text width. */
const twips = (relative: number[]): number[] => {
  const total = relative.reduce((a, b) => a + b, 0);
  return relative.map((w) => Math.floor((w / total) * TEXT_WIDTH));
};

const cell = (text: string, width: number, bold = false) =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });

/** A table with fixed column widths and its header row repeated on every page. */
const table = (head: string[], rows: string[][], relative: number[]) => {
  const widths = twips(relative);
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h, i) => cell(h, widths[i]!, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c, i) => cell(c, widths[i]!)) })),
    ],
  });
};

const centered = (text: string, run: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({ children: [new TextRun({ text, ...run })], alignment: AlignmentType.CENTER });

/** The signature block: who drew the report up on the left, who signs for the body on the right. */
const signatures = () => {
  const [left, right] = REPORT_TEXT.signers;
  const half = Math.floor(TEXT_WIDTH / 2);
  const side = (lines: readonly [string, string]) =>
    new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: NO_BORDERS,
      children: [centered(lines[0], { bold: true }), centered(lines[1], { italics: true })],
    });
  return new Table({
    width: { size: half * 2, type: WidthType.DXA },
    columnWidths: [half, half],
    layout: TableLayoutType.FIXED,
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [side(left), side(right)] })],
  });
};
const NONE = { style: 'none', size: 0, color: 'FFFFFF' } as const;
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE };

/** The report as a .docx document on A4 landscape: heading and "Kèm theo" line, task table, targets, per-unit table, signatures. */
export async function buildReportDocx(m: ReportModel): Promise<Buffer> {
  const h = reportHeading(m);
  const targets =
    m.targets.length > 0
      ? table(REPORT_TEXT.targetColumns, m.targets.map(targetCells), TARGET_COLUMN_WIDTHS)
      : new Paragraph(REPORT_TEXT.noTargets);
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { ...A4, orientation: PageOrientation.LANDSCAPE }, margin: MARGIN } },
        children: [
          new Paragraph({ text: h.title, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
          centered(h.attached, { italics: true }),
          centered(h.subtitle, { italics: true }),
          ...h.meta.map((line) => new Paragraph(line)),
          new Paragraph({ text: REPORT_TEXT.tasksHeading, heading: HeadingLevel.HEADING_2 }),
          table(
            REPORT_TEXT.columns,
            m.rows.map((r) => reportCells(m, r)),
            TASK_COLUMN_WIDTHS,
          ),
          new Paragraph({ text: REPORT_TEXT.targetsHeading, heading: HeadingLevel.HEADING_2 }),
          targets,
          new Paragraph({ text: UNITS_TEXT.reportHeading, heading: HeadingLevel.HEADING_2 }),
          table(UNITS_TEXT.reportColumns, m.units.map(unitCells), UNIT_COLUMN_WIDTHS),
          new Paragraph(''),
          signatures(),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
