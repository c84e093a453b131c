import ExcelJS from 'exceljs';
import type { Extraction } from './extraction.js';

/** A cell's value as text: rich text joined, formulas by their result, dates as d/m/yyyy; a merged cell's copy empty. */
function cellText(cell: ExcelJS.Cell): string {
  if (cell.isMerged && cell.master !== cell) return '';
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return `${v.getUTCDate()}/${v.getUTCMonth() + 1}/${v.getUTCFullYear()}`;
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
  if (typeof v === 'object' && 'text' in v) return String(v.text);
  return String(v);
}

/**
 * An Excel appendix (.xlsx): each sheet's rows as lines, cells separated by tabs (title rows above the header are
 * single cells; a merged cell's text only in its first cell, as in a Word table), so the task table is read as one.
 */
export async function extractXlsx(path: string): Promise<Extraction> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const lines: string[] = [];
  book.eachSheet((sheet) => {
    sheet.eachRow((row) => {
      const cells = Array.from({ length: sheet.columnCount }, (_, k) =>
        cellText(row.getCell(k + 1))
          .replace(/\s+/g, ' ')
          .trim(),
      );
      while (cells.length > 0 && cells.at(-1) === '') cells.pop();
      lines.push(cells.length <= 1 ? (cells[0] ?? '') : cells.join('\t'));
    });
  });
  const text = lines.join('\n');
  return text.trim() ? { ok: true, text, notes: [] } : { ok: false, problem: { code: 'excel_empty' } };
}
