import { describe, expect, it } from 'vitest';
import { abbreviate, abbreviateTokens, expandAbbreviations, expandTokens, tokenize } from '../../src/text/index.js';

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
    expect(abbreviateTokens(tokenize('Ủy ban nhân dân xã và phòng văn hóa xã hội')).join(' ')).toBe(
      'ubnd xa va phong vhxh',
    );
  });
});

describe('expandAbbreviations / abbreviate', () => {
  it('spells out abbreviations in written text, any case', () => {
    expect(expandAbbreviations('Sở KH&CN')).toBe('Sở Khoa học và Công nghệ');
    expect(expandAbbreviations('phòng vhxh')).toBe('phòng Văn hóa - Xã hội');
    expect(expandAbbreviations('Văn phòng UBND', ['UBND'])).toBe('Văn phòng UBND');
  });

  it('writes chosen long forms as abbreviations, whatever the tone placement', () => {
    expect(abbreviate('Văn phòng Hội đồng nhân dân và Uỷ ban nhân dân phường', ['UBND', 'HĐND'])).toBe(
      'Văn phòng HĐND và UBND phường',
    );
  });
});
