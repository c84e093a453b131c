import { describe, expect, it } from 'vitest';
import { cutAtWord } from '../../src/text/index.js';

describe('cutAtWord', () => {
  it.each([
    ['Rà soát thủ tục hành chính', 16, 'Rà soát thủ tục…'], // a word ends at the limit
    ['Rà soát thủ tục hành chính', 18, 'Rà soát thủ tục…'], // never inside "hành"
    ['Ban hành văn bản, kế hoạch', 17, 'Ban hành văn bản…'], // the comma before the cut dropped
    ['Rà soát', 7, 'Rà soát'], // short enough: unchanged
    ['Chuyểnđổisốtoàndiện', 8, 'Chuyểnđổ…'], // a first word longer than the limit is the only one cut inside
  ])('cuts %j to %i as %j', (text, max, expected) => {
    expect(cutAtWord(text, max)).toBe(expected);
  });
});
