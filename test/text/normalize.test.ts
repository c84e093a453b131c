import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { foldCase, foldCaseBySlice, foldDiacritics, normalizeText } from '../../src/text/index.js';
import { fuzzParameters } from '../support/fuzz.js';

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

/** The folds as written before the table of one-to-one folds: whole-text normalization, the oracle. */
const MARKS = /\p{M}/gu;
const oracleDiacritics = (text: string): string => {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  const whole = text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const base = ch === 'đ' ? 'd' : ch === 'Đ' ? 'D' : ch.normalize('NFD').replace(MARKS, '');
    out += base.length === ch.length ? base : ch;
  }
  return out;
};
const oracleLower = (text: string): string => {
  const whole = text.toLowerCase();
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) out += ch.toLowerCase().length === ch.length ? ch.toLowerCase() : ch;
  return out;
};
const oracleCase = (text: string) => oracleDiacritics(oracleLower(normalizeText(text)));

/** Characters that fold the same alone and in context, and the ones that do not (marks, jamo, sigma, İ, surrogates). */
const CHARS = [
  ...'aAzZ09 .,;:-/()\t\n\rđĐăĂâÂêÊôÔơƠưƯàÀáÁảẢãÃạẠếẾệỆỗỖựỰỳỲỹỸýÝ…–—“”•●▪○◦№½ǅﬁΩΩKÅ≠',
  '\u00a0',
  '\u2000',
  '\u2001',
  '\u200b',
  '\u202f',
  '\u3000',
  '\ufeff',
  '\u0301',
  '\u0323',
  '\u0345',
  '\u0334',
  '\u0315',
  'İ',
  'Σ',
  'ς',
  'σ',
  'Ά',
  '\u1100',
  '\u1161',
  '\u11a8',
  '가',
  '각',
  '\ud83d',
  '\ude00',
  '😀',
  'ｱ',
  'Ⅻ',
  'ǈ',
  '\u0344',
  '\u0f73',
  '\u0b47',
  '\u0b3e',
];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 40 }).map((cs) => cs.join(''));

describe('foldDiacritics / foldCase against whole-text normalization', () => {
  it('fold every text exactly as normalizing the whole text does', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string({ unit: 'binary', maxLength: 30 })), (t) => {
        expect(foldDiacritics(t)).toBe(oracleDiacritics(t));
        expect(foldCase(t)).toBe(oracleCase(t));
      }),
      fuzzParameters(3000),
    );
  });

  it('fold each character of the first blocks as alone', () => {
    for (let c = 0; c < 0x3100; c++) {
      const t = `a${String.fromCharCode(c)}Ê`;
      expect([c, foldCase(t)]).toEqual([c, oracleCase(t)]);
      expect([c, foldDiacritics(t)]).toEqual([c, oracleDiacritics(t)]);
    }
  });
});

describe('foldCaseBySlice', () => {
  it('gives the fold of a text whose slices fold as that slice of the fold', () => {
    const text = 'Giám đốc Sở Nội vụ, UBND cấp xã';
    const folded = foldCaseBySlice(text)!;
    expect(folded).toBe('giam doc so noi vu, ubnd cap xa');
    for (let i = 0; i < text.length; i++) expect(folded.slice(i, i + 5)).toBe(foldCase(text.slice(i, i + 5)));
  });

  it.each([
    ['a mark that composes with the letter before it', 'Quy\u0301'],
    ['a Greek sigma lowered by what follows it', 'ΟΔΟΣ'],
    ['a carriage return joined to the line end after it', 'a\r\nb'],
  ])('is null for %s', (_, text) => {
    expect(foldCaseBySlice(text)).toBeNull();
  });
});
