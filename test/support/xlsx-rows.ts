import ExcelJS from 'exceljs';

/** The rows of a workbook's first sheet as arrays of strings ("" for a blank cell), blank rows as []. */
export async function xlsxRows(content: Buffer): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(content as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0]!;
  return Array.from({ length: ws.rowCount }, (_, i) => {
    const values = ws.getRow(i + 1).values;
    return Array.isArray(values)
      ? Array.from(values.slice(1), (v) => (v === null || v === undefined ? '' : String(v)))
      : [];
  });
}
