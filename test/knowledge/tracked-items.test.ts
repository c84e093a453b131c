import { describe, expect, it } from 'vitest';
import { findTrackedItem, parsePlan, refKey, trackedItems, trackedItemSchema } from '../../src/knowledge/index.js';
import { realPlan } from '../support/plan-variants.js';

const TEXT = [
  'ỦY BAN NHÂN DÂN XÃ MINH AN',
  'KẾ HOẠCH',
  'I. MỤC ĐÍCH',
  'Nâng cao hiệu quả làm việc.',
  'II. TỔ CHỨC THỰC HIỆN',
  'UBND xã chủ động bố trí kinh phí thực hiện Kế hoạch.',
  'Văn phòng HĐND và UBND xã tổng hợp báo cáo kết quả hằng quý.',
  '1. Công chức Văn hóa - Xã hội:',
  '- Chủ trì, phối hợp với Công an xã tuyên truyền Kế hoạch, hoàn thành trước 10/5/2026.',
  '- Hướng dẫn người dân sử dụng dịch vụ công trực tuyến.',
  '2. Công an xã: hướng dẫn người dân kích hoạt tài khoản định danh điện tử.',
].join('\n');

describe('trackedItems', () => {
  const { plan } = parsePlan('minh-an', 'minh-an.md', TEXT);

  it('gives each body duty its section path, paragraphs of one section numbered p1, p2', () => {
    expect(trackedItems(plan).map((t) => [t.no, t.source, t.lead.map((a) => a.name).join('; ')])).toEqual([
      ['II.p1', 'body', 'UBND xã'],
      ['II.p2', 'body', 'Văn phòng HĐND và UBND'],
      ['II.1.1', 'body', 'Công chức Văn hóa - Xã hội'],
      ['II.1.2', 'body', 'Công chức Văn hóa - Xã hội'],
      ['II.2', 'body', 'Công an xã'],
    ]);
    for (const item of trackedItems(plan)) expect(trackedItemSchema.parse(item)).toEqual(item);
  });

  it('carries the deadline and the coordinators the duty names', () => {
    const item = findTrackedItem(plan, 'II.1.1')!;
    expect(item.deadline).toMatchObject({ kind: 'date', due: '2026-05-10' });
    expect(item.coordinators.map((a) => a.name)).toEqual(['Công an xã']);
    expect(item.section).toBe('II.1.1');
  });

  it('is the same at every reading of the file, and derived once per plan', () => {
    const again = parsePlan('minh-an', 'minh-an.md', TEXT).plan;
    expect(trackedItems(again)).toEqual(trackedItems(plan));
    expect(trackedItems(plan)).toBe(trackedItems(plan));
  });

  it('keeps appendix numbers and puts the body duties after them', () => {
    const nhiChieu = parsePlan('nhi-chieu', 'nhi-chieu.md', realPlan('nhi-chieu')).plan;
    const items = trackedItems(nhiChieu);
    expect(items.slice(0, 19).map((t) => [t.no, t.source])).toEqual(nhiChieu.tasks.map((t) => [t.no, 'appendix']));
    expect(items.slice(19).every((t) => t.source === 'body')).toBe(true);
    expect(new Set(items.map((t) => refKey(t.no))).size).toBe(items.length);
  });

  it('gives a reference already taken a suffix, in document order, never changing an appendix number', () => {
    // Two duties read into one path (the reader marks the second heading "II'"), and a body path "1" equal to task 1.
    const text = [
      'KẾ HOẠCH',
      'II. NHIỆM VỤ',
      'Sở Nội vụ chủ trì theo dõi việc thực hiện.',
      'II. TỔ CHỨC THỰC HIỆN',
      'Sở Tư pháp rà soát văn bản.',
    ].join('\n');
    const items = trackedItems(parsePlan('x', 'x.md', text).plan);
    expect(items.map((t) => t.no)).toEqual(['II', 'II-2']);
  });
});

describe('findTrackedItem', () => {
  const { plan } = parsePlan('minh-an', 'minh-an.md', TEXT);
  it.each(['II.1.2', 'ii.1.2', 'II.01.2', ' ii.1.2 '])('finds %j whatever its case', (ref) => {
    expect(findTrackedItem(plan, ref)?.no).toBe('II.1.2');
  });
  it('finds nothing for a reference the plan does not have', () => {
    expect(findTrackedItem(plan, 'II.9')).toBeUndefined();
  });
});
