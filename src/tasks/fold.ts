/**
 * Lower-cases and strips Vietnamese diacritics one character at a time, so the folded string has the
 * same length as the input and a match found in it can be cut from the original text.
 */
export function foldKeepingLength(text: string): string {
  let out = '';
  for (const ch of text) {
    const folded = ch.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    // A code point that folds to another length (rare ligatures) is kept as it was.
    out += folded.length === ch.length ? folded : ch;
  }
  return out;
}
