import { foldCase } from './normalize.js';

/**
 * Splits text into folded syllables and numbers: "Phòng VHXH, Quý IV/2026" →
 * ["phong", "vhxh", "quy", "iv", "2026"]. Vietnamese words are written syllable by syllable,
 * so syllables are the tokens; bigrams give back the words.
 */
export function tokenize(text: string): string[] {
  return foldCase(text).match(/[a-z0-9]+/g) ?? [];
}

/** Adjacent pairs joined by a space: ["van","hoa","xa"] → ["van hoa", "hoa xa"]. */
export function bigrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) out.push(`${tokens[i]} ${tokens[i + 1]}`);
  return out;
}
