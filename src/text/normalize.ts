/** Spaces other than U+0020 that PDF converters leave in text (NBSP, thin, zero-width...). */
const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** NFC, Unix line ends, ordinary spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(ODD_SPACES, ' ');
}

const MARKS = /\p{M}/gu;
const ASCII = /^[\x00-\x7f]*$/;

function foldChar(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  const base = ch.normalize('NFD').replace(MARKS, '');
  // Keep the length of the string: a char that folds to nothing or to several stays as it is.
  return base.length === ch.length ? base : ch;
}

/**
 * Drops Vietnamese diacritics, đ→d. For NFC input the result has the same length,
 * so positions found in the folded text apply to the original.
 */
export function foldDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  const whole = text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/** Lower case that keeps the string length (Vietnamese letters map one to one). */
export function toLower(text: string): string {
  const whole = text.toLowerCase();
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) {
    const low = ch.toLowerCase();
    out += low.length === ch.length ? low : ch;
  }
  return out;
}

/** Lower case and diacritics folded, same length as the input: "Đại Sơn" → "dai son". */
export function foldCase(text: string): string {
  return foldDiacritics(toLower(normalizeText(text)));
}

/** Collapses runs of whitespace into one space and trims. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
