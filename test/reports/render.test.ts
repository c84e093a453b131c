import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildReport, parseReportPeriod } from '../../src/digest/index.js';
import { renderReportDocx, renderReportMd, renderReportXlsx } from '../../src/reports/index.js';
import {
  hanoi,
  PLAN,
  REPORT_FIGURES as figures,
  REPORT_UPDATES as records,
  update,
} from '../support/digest-fixture.js';
import { xlsxRows } from '../support/xlsx-rows.js';

const model = buildReport(PLAN, records, figures, parseReportPeriod('2026-H1')!, hanoi('2026-09-02 09:00'));

describe('renderReportXlsx', () => {
  it('writes a workbook that reads back row by row', async () => {
    const rows = await xlsxRows(await renderReportXlsx(model));
    expect(rows.slice(0, 10)).toEqual([
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND'],
      ['(Kèm theo Báo cáo số …/BC-… ngày …/…/… của Ủy ban nhân dân phường Nhị Chiểu)'],
      ['Kế hoạch thực hiện Kết luận số 226-KL/TW'],
      ['Đơn vị: Ủy ban nhân dân phường Nhị Chiểu'],
      ['Kỳ báo cáo: 6 tháng đầu năm 2026 (từ 01/01/2026 đến 30/06/2026)'],
      ['Tình trạng nhiệm vụ: tính đến hết ngày 30/06/2026 (cuối kỳ báo cáo)'],
      ['Ngày lập: 02/09/2026'],
      [],
      ['I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ'],
      [
        'STT',
        'Nội dung nhiệm vụ',
        'Cơ quan chủ trì',
        'Thời hạn',
        'Tình trạng',
        'Kết quả, ghi chú',
        'Cập nhật lần cuối',
      ],
    ]);
    expect(rows.slice(10, 15)).toEqual([
      [
        '1',
        'Ban hành kế hoạch triển khai',
        'Phòng Văn hóa - Xã hội',
        'Trước 10/5/2026',
        'Hoàn thành đúng hạn',
        '20/04/2026 Đang thực hiện 50%: Đang dự thảo\n08/05/2026 Hoàn thành: Đã ban hành KH 20/KH-UBND',
        '08/05/2026',
      ],
      [
        '3',
        'Cắt giảm 15% văn bản hành chính',
        'Văn phòng HĐND và UBND',
        'Hằng năm, từ năm 2026',
        'Chưa báo cáo',
        '',
        '',
      ],
      [
        '4',
        'Số hóa hồ sơ lưu trữ',
        'Phòng Văn hóa - Xã hội',
        'Năm 2026',
        'Vướng mắc',
        '31/05/2026 Vướng mắc: Chưa có kinh phí',
        '31/05/2026',
      ],
      [
        '5',
        'Đưa dịch vụ công trực tuyến toàn trình vào vận hành',
        'Trung tâm Phục vụ hành chính công',
        'Trước 08/6/2026',
        'Quá hạn',
        '',
        '20/12/2025',
      ],
      ['6', 'Tuyên truyền, phổ biến Kết luận', 'Phòng Văn hóa - Xã hội', 'Thường xuyên', 'Chưa báo cáo', '', ''],
    ]);
    expect(rows.slice(15)).toEqual([
      [],
      ['II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'],
      ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'],
      ['tỷ lệ hội nghị trực tuyến', 'Đạt ≥ 60%', '50%', 'Chưa đạt'],
      ['số lượng hội nghị', 'Giảm 10%', 'Chưa có số liệu', ''],
      ['số lượng văn bản hành chính', 'Giảm 15%', 'Chưa có số liệu', ''],
      [],
      ['III. TIẾN ĐỘ THEO ĐƠN VỊ'],
      ['Đơn vị', 'Hoàn thành', 'Đang thực hiện', 'Quá hạn', 'Chưa báo cáo'],
      ['Trung tâm Phục vụ hành chính công', '0', '0', '1', '0'],
      ['Văn phòng HĐND và UBND', '0', '0', '0', '1'],
      ['Phòng Văn hóa - Xã hội', '1', '1', '0', '1'],
      [],
      ['', 'NGƯỜI LẬP BIỂU', '', '', '', 'THỦ TRƯỞNG ĐƠN VỊ'],
      ['', '(Ký, ghi rõ họ tên)', '', '', '', '(Ký tên, đóng dấu)'],
    ]);
  });

  it('prints on A4 landscape, one page wide, with the table header on every page, bordered cells and sized columns', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderReportXlsx(model)) as unknown as ExcelJS.Buffer);
    const ws = wb.worksheets[0]!;
    expect(ws.pageSetup).toMatchObject({
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '10:10',
    });
    expect(ws.getRow(10).getCell(1).value).toBe('STT');
    const widths = [1, 2, 3, 4, 5, 6, 7].map((i) => ws.getColumn(i).width);
    expect(widths).toEqual([5, 45, 22, 14, 16, 40, 12]);
    expect(ws.getRow(11).getCell(2).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(ws.getRow(11).getCell(7).border).toMatchObject({ bottom: { style: 'thin' }, right: { style: 'thin' } });
    // A 14 pt title needs a taller row than the default 15 pt, or the marks above its capitals are cut.
    expect(ws.getRow(1).height).toBeGreaterThanOrEqual(24);
  });
});

describe('a report on a period already over', () => {
  // Task 7 fell due three days after 30 June: at the period's end it was not yet due.
  const plan = {
    ...PLAN,
    tasks: [
      ...PLAN.tasks,
      {
        ...PLAN.tasks[0]!,
        no: '7',
        content: 'Công khai quy trình tiếp nhận hồ sơ',
        deadline: { raw: 'Trước 03/7/2026', kind: 'date' as const, start: null, due: '2026-07-03', fromYear: null },
      },
    ],
  };
  const june = update('7', '2026-06-20T03:00:00Z', { status: 'in_progress', percent: 60, note: 'Đã dự thảo' });
  const report = (now: string) =>
    buildReport(plan, [...records, june], figures, parseReportPeriod('2026-H1')!, hanoi(now));
  const task7 = (md: string) => md.split('\n').find((line) => line.startsWith('| 7 |'));

  it('gives the states of its last day, and says so, in words that read right in December', () => {
    const md = renderReportMd(report('2026-12-04 09:00'));
    expect(md).toContain('- Tình trạng nhiệm vụ: tính đến hết ngày 30/06/2026 (cuối kỳ báo cáo)\n');
    expect(task7(md)).toBe(
      '| 7 | Công khai quy trình tiếp nhận hồ sơ | Phòng Văn hóa - Xã hội | Trước 03/7/2026 | Chưa đến hạn (60%) | 20/06/2026 Đang thực hiện 60%: Đã dự thảo | 20/06/2026 |',
    );
  });

  it('while the period runs, the states of today, as the chat words them', () => {
    const md = renderReportMd(report('2026-06-28 09:00'));
    expect(md).not.toContain('Tình trạng nhiệm vụ: tính đến');
    expect(task7(md)).toContain('| Sắp đến hạn (60%) |');
  });
});

describe('renderReportMd', () => {
  it('writes the heading, the task table and the targets', () => {
    const md = renderReportMd(model);
    expect(md).toContain('# BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND\n');
    expect(md).toContain(
      '| 4 | Số hóa hồ sơ lưu trữ | Phòng Văn hóa - Xã hội | Năm 2026 | Vướng mắc | 31/05/2026 Vướng mắc: Chưa có kinh phí | 31/05/2026 |',
    );
    expect(md).toContain('| tỷ lệ hội nghị trực tuyến | Đạt ≥ 60% | 50% | Chưa đạt |');
  });
});

describe('renderReportDocx', () => {
  it('writes a Word document holding every task', async () => {
    const buf = await renderReportDocx(model);
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
    for (const text of [
      'BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND',
      '(Kèm theo Báo cáo số …/BC-… ngày …/…/… của Ủy ban nhân dân phường Nhị Chiểu)',
      'NGƯỜI LẬP BIỂU',
      'THỦ TRƯỞNG ĐƠN VỊ',
      'Số hóa hồ sơ lưu trữ',
      '31/05/2026 Vướng mắc: Chưa có kinh phí',
    ]) {
      expect(xml).toContain(text);
    }
  });

  it('lays the task table on A4 landscape with its columns sized to their content and its header repeated', async () => {
    const { default: JSZip } = await import('jszip');
    const xml = await (await JSZip.loadAsync(await renderReportDocx(model))).file('word/document.xml')!.async('string');
    expect(xml).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((g) =>
      [...g[1]!.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((c) => Number(c[1])),
    );
    const tasks = grids[0]!;
    expect(tasks).toHaveLength(7);
    // STT narrow, the task text and the notes widest, the whole table within the page's text width.
    expect(tasks[0]).toBeLessThan(600);
    expect(Math.max(...tasks)).toBe(tasks[1]);
    expect(tasks[5]).toBeGreaterThan(3 * tasks[0]!);
    expect(tasks.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(16838 - 1134 - 850);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });
});
