import { describe, expect, it } from 'vitest';
import { excerpt } from '../../../src/search/answers/excerpt.js';
import { DEFAULT_SEARCH_OPTIONS } from '../../../src/search/options.js';

const CHARS = DEFAULT_SEARCH_OPTIONS.excerptChars;

describe('excerpt', () => {
  const long = `${'Mở đầu dài dòng về nhiều nội dung khác nhau của kế hoạch. '.repeat(4)}Hội nghị chuyên môn không quá 1 ngày. ${'Phần sau nói chuyện khác hẳn, rất dài. '.repeat(6)}`;

  it('keeps a short text whole', () => {
    expect(excerpt('Hội nghị quán triệt không quá 1/2 ngày.', [['hoi', 'nghi']], CHARS)).toBe(
      'Hội nghị quán triệt không quá 1/2 ngày.',
    );
  });

  it('quotes a long text from the sentence about the question, marking what is left out before it', () => {
    const out = excerpt(long, [['hoi', 'nghi', 'chuyen', 'mon']], CHARS);
    expect(out.startsWith('…Hội nghị chuyên môn không quá 1 ngày. Phần sau')).toBe(true);
    expect(out.length).toBeLessThanOrEqual(301);
  });
});
