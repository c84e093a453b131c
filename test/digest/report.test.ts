import { describe, expect, it } from 'vitest';
import {
  buildReport,
  parsePeriod,
  renderReportDocx,
  renderReportMd,
  renderReportXlsx,
} from '../../src/digest/index.js';
import { hanoi, PLAN, update } from './fixture.js';
import { xlsxRows } from './xlsx-rows.js';

const records = [
  update('5', '2025-12-20T03:00:00Z', { status: null, note: 'Đã khảo sát hạ tầng' }),
  update('1', '2026-04-20T03:00:00Z', { status: 'in_progress', percent: 50, note: 'Đang dự thảo' }),
  update('1', '2026-05-08T03:00:00Z', { status: 'done', note: 'Đã ban hành KH 20/KH-UBND' }),
  update('4', '2026-05-31T03:00:00Z', { status: 'blocked', note: 'Chưa có kinh phí' }),
  update('2', '2026-07-15T03:00:00Z', { status: 'done', note: 'Đã ban hành quy chế' }),
  update('4', '2026-08-01T03:00:00Z', { status: 'in_progress', percent: 30, note: 'Đã có kinh phí' }),
];
const figures = [
  {
    plan: 'demo',
    unit: 'VP',
    metric: 'conferences' as const,
    year: 2026,
    field: 'total' as const,
    value: 40,
    reportedAt: hanoi('2026-06-20 10:00'),
  },
  {
    plan: 'demo',
    unit: 'VP',
    metric: 'conferences' as const,
    year: 2026,
    field: 'online' as const,
    value: 20,
    reportedAt: hanoi('2026-06-20 10:00'),
  },
];
const model = buildReport(PLAN, records, figures, parsePeriod('2026-H1')!, hanoi('2026-09-02 09:00'));

describe('buildReport', () => {
  it('lists exactly the tasks and updates of 2026-H1, with the states of 30 June', () => {
    expect(model.rows.map((r) => [r.no, r.state, r.updates.map((u) => u.update.note)])).toEqual([
      ['1', 'done_on_time', ['Đang dự thảo', 'Đã ban hành KH 20/KH-UBND']],
      ['3', 'no_report', []],
      ['4', 'blocked', ['Chưa có kinh phí']],
      ['5', 'overdue', []],
      ['6', 'no_report', []],
    ]);
  });

  it('takes a task of a later quarter once it has an update in the period', () => {
    const q3 = buildReport(PLAN, records, figures, parsePeriod('2026-Q3')!, hanoi('2026-10-02 09:00'));
    expect(q3.rows.map((r) => r.no)).toEqual(['2', '3', '4', '5', '6']);
  });
});

describe('renderReportXlsx', () => {
  it('writes a workbook that reads back row by row', async () => {
    const rows = await xlsxRows(await renderReportXlsx(model));
    expect(rows.slice(0, 8)).toEqual([
      ['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND'],
      ['Kế hoạch thực hiện Kết luận số 226-KL/TW'],
      ['Đơn vị: Ủy ban nhân dân phường Nhị Chiểu'],
      ['Kỳ báo cáo: 6 tháng đầu năm 2026 (từ 01/01/2026 đến 30/06/2026)'],
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
    expect(rows.slice(8, 13)).toEqual([
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
    expect(rows.slice(13)).toEqual([
      [],
      ['II. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'],
      ['Chỉ tiêu', 'Mục tiêu', 'Kết quả', 'Đánh giá'],
      ['tỷ lệ hội nghị trực tuyến', 'Đạt ≥ 60%', '50%', 'Chưa đạt'],
      ['số lượng hội nghị', 'Giảm 10%', 'Chưa có số liệu', ''],
      ['số lượng văn bản hành chính', 'Giảm 15%', 'Chưa có số liệu', ''],
    ]);
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
      'Số hóa hồ sơ lưu trữ',
      '31/05/2026 Vướng mắc: Chưa có kinh phí',
    ]) {
      expect(xml).toContain(text);
    }
  });
});
