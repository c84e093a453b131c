import { describe, expect, it } from 'vitest';
import {
  abbreviate, abbreviateTokens, bigrams, expandAbbreviations, expandTokens, foldCase, foldDiacritics,
  normalizeText, tokenize,
} from '../../src/text/index.js';

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

describe('expandTokens / abbreviateTokens', () => {
  it.each([
    ['UBND phường', 'uy ban nhan dan phuong'],
    ['Văn phòng HĐND&UBND', 'van phong hoi dong nhan dan uy ban nhan dan'],
    ['Sở KH&CN', 'so khoa hoc va cong nghe'],
    ['Phòng VHXH', 'phong van hoa xa hoi'],
    ['TTHC', 'thu tuc hanh chinh'],
    ['CBCCVC', 'can bo cong chuc vien chuc'],
    ['KL 226', 'ket luan 226'],
  ])('expands %s', (text, expanded) => {
    expect(expandTokens(tokenize(text)).join(' ')).toBe(expanded);
  });

  it('abbreviates the long forms back', () => {
    expect(abbreviateTokens(tokenize('Ủy ban nhân dân xã và phòng văn hóa xã hội')).join(' ')).toBe('ubnd xa va phong vhxh');
  });
});

describe('expandAbbreviations / abbreviate', () => {
  it('spells out abbreviations in written text, any case', () => {
    expect(expandAbbreviations('Sở KH&CN')).toBe('Sở Khoa học và Công nghệ');
    expect(expandAbbreviations('phòng vhxh')).toBe('phòng Văn hóa - Xã hội');
    expect(expandAbbreviations('Văn phòng UBND', ['UBND'])).toBe('Văn phòng UBND');
  });

  it('writes chosen long forms as abbreviations, whatever the tone placement', () => {
    expect(abbreviate('Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân phường', ['UBND', 'HĐND'])).toBe('Văn phòng HĐND và UBND phường');
  });
});
