import { describe, expect, it } from 'vitest';
import { bigrams, tokenize } from '../../src/text/index.js';

describe('tokenize', () => {
  it('splits into folded syllables and numbers', () => {
    expect(tokenize('Phòng VHXH, Quý IV/2026!')).toEqual(['phong', 'vhxh', 'quy', 'iv', '2026']);
  });

  it('gives nothing for text without letters or digits', () => {
    expect(tokenize(' - ; ')).toEqual([]);
  });
});

describe('bigrams', () => {
  it('pairs adjacent tokens', () => {
    expect(bigrams(['van', 'hoa', 'xa'])).toEqual(['van hoa', 'hoa xa']);
    expect(bigrams(['x'])).toEqual([]);
  });
});
