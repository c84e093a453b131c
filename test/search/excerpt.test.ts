import { describe, expect, it } from 'vitest';
import { excerpt } from '../../src/search/excerpt.js';

describe('excerpt', () => {
  const long = `${'Mở đầu dài dòng về nhiều nội dung khác nhau của kế hoạch. '.repeat(4)}Hội nghị chuyên môn không quá 1 ngày. ${'Phần sau nói chuyện khác hẳn, rất dài. '.repeat(6)}`;

  it('keeps a short text whole', () => {
    expect(excerpt('Hội nghị quán triệt không quá 1/2 ngày.', [['hoi', 'nghi']])).toBe(
      'Hội nghị quán triệt không quá 1/2 ngày.',
    );
  });

  it('quotes a long text from the sentence about the question, marking what is left out before it', () => {
    const out = excerpt(long, [['hoi', 'nghi', 'chuyen', 'mon']]);
    expect(out.startsWith('…Hội nghị chuyên môn không quá 1 ngày. Phần sau')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(301);
  });
});
