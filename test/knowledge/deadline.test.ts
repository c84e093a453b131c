import { describe, expect, it } from 'vitest';
import { isDeadlineDueBetween, isDeadlinePast, isDeadlineWithin, parseDeadline } from '../../src/knowledge/index.js';

describe('parseDeadline', () => {
  it.each([
    ['Trước 10/5/2026', 'date', null, '2026-05-10', null],
    ['trước ngày 30/6/2026', 'date', null, '2026-06-30', null],
    ['31/12/2026', 'date', null, '2026-12-31', null],
    ['Trước ngày 15 tháng 7 năm 2026', 'date', null, '2026-07-15', null],
    ['Tháng 5/2026', 'month', '2026-05-01', '2026-05-31', null],
    ['tháng 12 năm 2026', 'month', '2026-12-01', '2026-12-31', null],
    ['Tháng 02/2028', 'month', '2028-02-01', '2028-02-29', null],
    ['Quý II/2026', 'quarter', '2026-04-01', '2026-06-30', null],
    ['Quý IV/2026', 'quarter', '2026-10-01', '2026-12-31', null],
    ['Quý 3/2026', 'quarter', '2026-07-01', '2026-09-30', null],
    ['Quý I năm 2027', 'quarter', '2027-01-01', '2027-03-31', null],
    ['6 tháng đầu năm 2026', 'year', '2026-01-01', '2026-06-30', null],
    ['Quý II-III/2026', 'quarter', '2026-04-01', '2026-09-30', null],
    ['Tháng 5-6/2026', 'month', '2026-05-01', '2026-06-30', null],
    ['Giai đoạn 2026 - 2030', 'year', '2026-01-01', '2030-12-31', null],
    ['Năm 2026 và những năm tiếp theo', 'recurring', null, null, 2026],
    ['Theo yêu cầu', 'conditional', null, null, null],
    ['Năm 2026', 'year', '2026-01-01', '2026-12-31', null],
    ['Đến cuối 2026', 'year', '2026-01-01', '2026-12-31', null],
    ['Trong năm 2026', 'year', '2026-01-01', '2026-12-31', null],
    ['Hằng năm, từ năm 2026', 'recurring', null, null, 2026],
    ['Hàng năm, từ năm 2026', 'recurring', null, null, 2026],
    ['Hàng năm, bắt đầu từ 2026', 'recurring', null, null, 2026],
    ['Định kỳ hằng năm', 'recurring', null, null, null],
    ['Hằng quý', 'recurring', null, null, null],
    ['Thường xuyên', 'ongoing', null, null, null],
    ['Thường xuyên, từ năm 2026', 'ongoing', null, null, 2026],
    ['Thường xuyên từ 2026', 'ongoing', null, null, 2026],
    ['Từ 2026 và thường xuyên', 'ongoing', null, null, 2026],
    ['Sau khi có hướng dẫn của Bộ Khoa học & Công nghệ và thành phố.', 'conditional', null, null, null],
    ['Khi có chỉ đạo của cấp trên', 'conditional', null, null, null],
    ['', 'unknown', null, null, null],
    ['Sớm nhất có thể', 'unknown', null, null, null],
    ['30/2/2026', 'unknown', null, null, null],
    ['Tháng 6/2026 - Tháng 3/2027', 'month', '2026-06-01', '2027-03-31', null],
    ['Từ tháng 6/2026 đến tháng 12/2026', 'month', '2026-06-01', '2026-12-31', null],
    ['Từ 01/6/2026 đến hết 30/9/2026', 'date', '2026-06-01', '2026-09-30', null],
    ['Quý II/2026 – Quý I/2027', 'quarter', '2026-04-01', '2027-03-31', null],
    ['Từ 2026 đến 2030', 'year', '2026-01-01', '2030-12-31', null],
    ['Từ tháng 6/2026', 'ongoing', null, null, 2026],
    ['Từ ngày 01/7/2026', 'ongoing', null, null, 2026],
    ['Từ năm 2027', 'ongoing', null, null, 2027],
    ['Ngay sau khi Kế hoạch được ban hành', 'conditional', null, null, null],
  ])('reads %j as %s', (raw, kind, start, due, fromYear) => {
    expect(parseDeadline(raw)).toEqual({ raw: raw.trim(), kind, start, due, fromYear });
  });

  it.each([
    ['Trước 30/6', 'date', null, '2026-06-30'],
    ['Tháng 6', 'month', '2026-06-01', '2026-06-30'],
    ['Quý III', 'quarter', '2026-07-01', '2026-09-30'],
    ['Trước ngày 15 tháng 7', 'date', null, '2026-07-15'],
    ['Trước ngày 31/12 hằng năm', 'recurring', null, null],
    ['Tháng 12/2027', 'month', '2027-12-01', '2027-12-31'],
  ])('reads %j in a plan of 2026 as %s', (raw, kind, start, due) => {
    expect(parseDeadline(raw, 2026)).toMatchObject({ kind, start, due });
  });

  it('keeps the raw text without tags and with spaces folded', () => {
    expect(parseDeadline('<b>Quý  II/2026 </b>').raw).toBe('Quý II/2026');
  });

  it('takes the reading written first when a cell holds a date and a recurrence', () => {
    expect(parseDeadline('Trước 30/6/2026, sau đó thực hiện thường xuyên').kind).toBe('date');
    expect(parseDeadline('Thường xuyên; báo cáo trước 15/12/2026').kind).toBe('ongoing');
  });
});

describe('isDeadlineWithin', () => {
  it.each([
    ['Tháng 5/2026', '2026-05-02', true],
    ['Tháng 5/2026', '2026-06-01', false],
    ['Tháng 5/2026', '2026-04-30', false],
    ['Quý IV/2026', '2026-11-28', true],
    ['Trước 10/5/2026', '2026-05-02', true],
    ['Trước 10/5/2026', '2026-05-11', false],
    ['Hằng năm, từ năm 2026', '2026-11-28', true],
    ['Hằng năm, từ năm 2026', '2025-12-31', false],
    ['Thường xuyên', '2030-01-01', true],
    ['Sau khi có hướng dẫn', '2026-11-28', false],
    ['', '2026-11-28', false],
  ])('%j on %s → %s', (raw, day, expected) => {
    expect(isDeadlineWithin(parseDeadline(raw), day)).toBe(expected);
  });
});

describe('isDeadlinePast', () => {
  it.each([
    ['Quý II/2026', '2026-11-28', true],
    ['Quý II/2026', '2026-06-30', false],
    ['Năm 2026', '2026-11-28', false],
    ['Trước 10/5/2026', '2026-05-11', true],
    ['Thường xuyên', '2030-01-01', false],
    ['Định kỳ hằng năm', '2030-01-01', false],
  ])('%j on %s → %s', (raw, day, expected) => {
    expect(isDeadlinePast(parseDeadline(raw), day)).toBe(expected);
  });
});

describe('isDeadlineDueBetween', () => {
  it('tells what falls due in a quarter', () => {
    expect(isDeadlineDueBetween(parseDeadline('Quý IV/2026'), '2026-10-01', '2026-12-31')).toBe(true);
    expect(isDeadlineDueBetween(parseDeadline('Quý II/2026'), '2026-10-01', '2026-12-31')).toBe(false);
    expect(isDeadlineDueBetween(parseDeadline('Thường xuyên'), '2026-10-01', '2026-12-31')).toBe(false);
  });
});
