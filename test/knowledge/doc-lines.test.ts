import { describe, expect, it } from 'vitest';
import { stripMarkup, toDocLines } from '../../src/knowledge/doc-lines.js';

describe('stripMarkup', () => {
  it.each([
    ['## **II. NHIỆM VỤ VÀ GIẢI PHÁP**', 'II. NHIỆM VỤ VÀ GIẢI PHÁP'],
    ['***Nơi nhận:***', 'Nơi nhận:'],
    ['*(Có phục lục phân công nhiệm vụ kèm theo)*', '(Có phục lục phân công nhiệm vụ kèm theo)'],
    ['* Một ý', '- Một ý'],
    ['<b>TT</b>  ', 'TT'],
  ])('%j → %j', (line, text) => {
    expect(stripMarkup(line)).toBe(text);
  });
});

describe('toDocLines', () => {
  const texts = (lines: string[]) => toDocLines(lines).map((l) => [l.text, l.line]);

  it('joins a sentence cut by a page break, keeping the first line number', () => {
    expect(texts(['- để xảy ra việc cán bộ, công chức,', '', 'viên chức thuộc quyền quản lý.', '', '- Ý khác.'])).toEqual([
      ['- để xảy ra việc cán bộ, công chức, viên chức thuộc quyền quản lý.', 1],
      ['- Ý khác.', 5],
    ]);
  });

  it('joins after a word a sentence cannot end on, even before a capital', () => {
    expect(texts(['báo cáo kết quả về', '', 'UBND phường để tổng hợp.'])).toEqual([['báo cáo kết quả về UBND phường để tổng hợp.', 1]]);
  });

  it('does not join list items, finished sentences or table rows', () => {
    expect(texts(['1. Mục đích', 'a) Tổ chức quán triệt.', 'thêm', '1\tNội dung', 'tiếp'])).toEqual([
      ['1. Mục đích', 1],
      ['a) Tổ chức quán triệt.', 2],
      ['thêm', 3],
      ['1\tNội dung', 4],
      ['tiếp', 5],
    ]);
  });
});
