import { describe, expect, it } from 'vitest';
import { readPlaceName } from '../../../src/search/question/place-name.js';

describe('readPlaceName', () => {
  it.each([
    ['Thành phố Hà Nội có bao nhiêu nhiệm vụ?', 'Thành phố Hà Nội'],
    ['Ai chủ trì nhiệm vụ 1 của tỉnh Bắc Ninh?', 'tỉnh Bắc Ninh'],
    ['Kế hoạch của TP. Đà Nẵng', 'TP Đà Nẵng'],
    ['phường Nhị Chiểu, nhiệm vụ 4', 'phường Nhị Chiểu'],
    ['UBND thành phố giao việc gì?', null],
    ['ai chu tri nhiem vu 1 xa dai son', null],
  ])('%s → %s', (q, expected) => {
    expect(readPlaceName(q)).toBe(expected);
  });
});
