import { describe, expect, it } from 'vitest';
import { splitText } from '../../src/channels/split-text.js';

describe('splitText', () => {
  it('keeps a short text whole', () => {
    expect(splitText('Xin chào', 10)).toEqual(['Xin chào']);
  });

  it('cuts on line boundaries first', () => {
    const text = ['dòng một', 'dòng hai', 'dòng ba'].join('\n');
    expect(splitText(text, 18)).toEqual(['dòng một\ndòng hai', 'dòng ba']);
  });

  it('falls back to spaces and never cuts inside a word', () => {
    const words = Array.from({ length: 300 }, (_, i) => `từ${i}`).join(' ');
    const pieces = splitText(words, 100);
    expect(pieces.every((p) => p.length <= 100)).toBe(true);
    expect(pieces.join(' ')).toBe(words);
    for (const p of pieces) expect(p).toMatch(/^từ\d+( từ\d+)*$/);
  });

  it('cuts a word longer than the limit rather than looping', () => {
    expect(splitText('a'.repeat(25), 10)).toEqual(['a'.repeat(10), 'a'.repeat(10), 'a'.repeat(5)]);
  });

  it('measures pieces as the platform counts them', () => {
    const escaped = (s: string) => s.replaceAll('&', '&amp;').length;
    const pieces = splitText('& & & & & & & &', 12, escaped);
    expect(pieces.every((p) => escaped(p) <= 12)).toBe(true);
    expect(pieces.join(' ')).toBe('& & & & & & & &');
  });
});
