import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/cli/csv.js';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x.example","bấm")', `"'=HYPERLINK(""http://x.example"",""bấm"")"`],
    ['+84 912', "'+84 912"],
    ['-gấp', "'-gấp"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['Đã gửi, chờ ý kiến', '"Đã gửi, chờ ý kiến"'],
    ['a=b', 'a=b'],
    [60, '60'],
    [-3, '-3'],
    [null, ''],
    [undefined, ''],
  ])('writes %j as %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });
});
