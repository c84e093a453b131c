import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { REPORT_TEXT, reportCells, reportHeading, targetCells } from '../messages/index.js';
import type { ReportModel } from '../digest/index.js';

const cell = (text: string, bold = false) =>
  new TableCell({
    children: text.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  });

const table = (head: string[], rows: string[][]) =>
  new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });

/** The report as a .docx document (landscape A4): heading, task table, target table. */
export async function renderReportDocx(m: ReportModel): Promise<Buffer> {
  const h = reportHeading(m);
  const targets =
    m.targets.length > 0
      ? table(REPORT_TEXT.targetColumns, m.targets.map(targetCells))
      : new Paragraph(REPORT_TEXT.noTargets);
  const doc = new Document({
    sections: [
      {
        properties: { page: { size: { orientation: PageOrientation.LANDSCAPE } } },
        children: [
          new Paragraph({ text: h.title, heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER }),
          new Paragraph({
            children: [new TextRun({ text: h.subtitle, italics: true })],
            alignment: AlignmentType.CENTER,
          }),
          ...h.meta.map((line) => new Paragraph(line)),
          new Paragraph({ text: REPORT_TEXT.tasksHeading, heading: HeadingLevel.HEADING_2 }),
          table(REPORT_TEXT.columns, m.rows.map(reportCells)),
          new Paragraph({ text: REPORT_TEXT.targetsHeading, heading: HeadingLevel.HEADING_2 }),
          targets,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
