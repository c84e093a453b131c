/**
 * "Có bao nhiêu nhiệm vụ" of a plan with no appendix (unseen fixtures): the count of the duties its body gives and of
 * the units they go to comes first, the duties on request.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/knowledge/index.js';
import { answerPages } from '../../src/messages/index.js';
import { answerQuestion, buildSearch } from '../../src/search/index.js';

const read = (id: string, file: string) => parsePlan(id, file, readFileSync(file, 'utf8')).plan;
const tanLap = read('xa-tan-lap', 'test/knowledge/fixtures/unseen/xa-tan-lap.md');
const benThanh = read('phuong-ben-thanh', 'test/knowledge/fixtures/unseen-2/phuong-ben-thanh.md');
const index = buildSearch([tanLap, benThanh]);
const pages = (q: string) => answerPages(answerQuestion(index, q, { today: '2026-06-20' }));

const TAN_LAP =
  'Kế hoạch (chưa ghi số) của xã Tân Lập không có phụ lục; phần tổ chức thực hiện giao 12 nhiệm vụ cho 8 đơn vị: ' +
  'Văn phòng HĐND và UBND (3), Công chức Tư pháp - Hộ tịch (2), Công chức Văn hóa - Xã hội (2), ' +
  'Bộ phận Tiếp nhận và trả kết quả (2), Công chức Tài chính - Kế toán (1), Các ấp (1), ' +
  'Ủy ban Mặt trận Tổ quốc Việt Nam (1), Các đoàn thể chính trị - xã hội (1).';

describe('how many tasks, in a plan with no appendix', () => {
  it.each(['tan lap co bao nhieu nhiem vu', 'Xã Tân Lập có mấy nhiệm vụ?', 'tân lập có tất cả mấy việc'])(
    '"%s" gives the count of duties and units first, the duties on request',
    (q) => {
      const [first, ...rest] = pages(q);
      expect(first).toBe(`${TAN_LAP}\n\nGõ "chi tiết" để xem danh sách.`);
      expect(rest.join('\n')).toContain('• xã Tân Lập, mục III.1.1: Văn phòng HĐND và UBND xã: Là cơ quan thường trực');
    },
  );

  it('counts each plan asked about', () => {
    expect(pages('phường Bến Thành có bao nhiêu nhiệm vụ')[0]).toMatch(
      /^Kế hoạch 214\/KH-UBND phường Bến Thành không có phụ lục; phần tổ chức thực hiện giao 15 nhiệm vụ cho 8 đơn vị: /,
    );
  });

  it('puts the count before the duties when the list is asked for', () => {
    expect(pages('tan lap co nhung nhiem vu gi')[0]).toMatch(
      new RegExp(`^${TAN_LAP.replace(/[()]/g, '\\$&')}\n\nTheo kế hoạch:\n• xã Tân Lập, mục III.1.1`),
    );
  });
});
