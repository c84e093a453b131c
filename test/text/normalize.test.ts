import { describe, expect, it } from 'vitest';
import { foldCase, foldDiacritics, normalizeText } from '../../src/text/index.js';

describe('normalizeText', () => {
  it('composes to NFC and turns odd spaces and CRLF into plain ones', () => {
    expect(normalizeText('Quy\u0301\u00a0IV\r\n')).toBe('Quý IV\n');
  });
});

describe('foldDiacritics', () => {
  it.each([
    ['Đại Sơn', 'Dai Son'],
    ['Nhị Chiểu', 'Nhi Chieu'],
    ['ủy ban nhân dân', 'uy ban nhan dan'],
    ['Uỷ ban', 'Uy ban'],
    ['đồng', 'dong'],
  ])('%s → %s', (input, folded) => {
    expect(foldDiacritics(input)).toBe(folded);
  });

  it('keeps the length so positions carry over', () => {
    const text = 'Phòng Văn hóa - Xã hội phối hợp';
    expect(foldDiacritics(text)).toHaveLength(text.length);
  });
});

describe('foldCase', () => {
  it('lowers and folds, with decomposed input composed first', () => {
    expect(foldCase('HẰNG NĂM')).toBe('hang nam');
    expect(foldCase('Quy\u0301 IV')).toBe('quy iv');
  });
});
