/** Spaces other than U+0020 that PDF converters leave in text (NBSP, thin, zero-width...). */
const ODD_SPACES = /[\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]/g;

/** NFC, Unix line ends, ordinary spaces. */
export function normalizeText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(ODD_SPACES, ' ');
}

const MARKS = /\p{M}/gu;
const IS_MARK = /^\p{M}$/u;
const ASCII = /^[\x00-\x7f]*$/;

function foldChar(ch: string): string {
  if (ch === 'đ') return 'd';
  if (ch === 'Đ') return 'D';
  const base = ch.normalize('NFD').replace(MARKS, '');
  // Keep the length of the string: a char that folds to nothing or to several stays as it is.
  return base.length === ch.length ? base : ch;
}

/** The whole-text fold, for text holding a character the table of one-to-one folds leaves out. */
function foldDiacriticsWhole(text: string): string {
  const whole = text.normalize('NFD').replace(MARKS, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
  if (whole.length === text.length) return whole;
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

/**
 * Drops Vietnamese diacritics, đ→d. For NFC input the result has the same length,
 * so positions found in the folded text apply to the original.
 */
export function foldDiacritics(text: string): string {
  if (ASCII.test(text)) return text;
  return mapUnits(text, DIACRITICS_TABLE, foldDiacriticsWhole);
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

/** The fold of {@link foldCase} done step by step over the whole text. */
const foldCaseWhole = (text: string): string => foldDiacritics(toLower(normalizeText(text)));

/** Lower case and diacritics folded, same length as the input: "Đại Sơn" → "dai son". */
export function foldCase(text: string): string {
  return mapUnits(text, CASE_TABLE, foldCaseWhole);
}

/**
 * `foldCase(text)` when every character folds alone as in any text, so that the fold of any slice is that slice of
 * the fold (fold a line once, then slice it); null otherwise.
 */
export function foldCaseBySlice(text: string): string | null {
  return mapUnits(text, CASE_TABLE, () => null);
}

/** Whitespace other than single inner spaces: what collapseSpaces changes. */
const UNCOLLAPSED = /[^\S ]| {2}|^ | $/;

/** Collapses runs of whitespace into one space and trims. */
export function collapseSpaces(text: string): string {
  // Most text is already collapsed: a test is far cheaper than replacing each space by itself.
  return UNCOLLAPSED.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
}

/**
 * Per code unit, the one-to-one fold of a character that folds the same alone as within any text, plus one (0: not
 * looked at yet; -1: none), so common text is folded by table instead of being normalized whole. Filled lazily.
 */
type FoldTable = { folds: Int32Array; fold: (ch: string) => string };
const DIACRITICS_TABLE: FoldTable = { folds: new Int32Array(0x10000), fold: foldDiacriticsWhole };
const CASE_TABLE: FoldTable = { folds: new Int32Array(0x10000), fold: foldCaseWhole };

/**
 * Blocks whose characters never compose nor reorder with a neighbour that is not a mark (unlike Hangul jamo), and
 * whose lower case takes no context (unlike the Greek final sigma): Latin, Latin Extended Additional (ạ, ế, ự),
 * punctuation and symbols, and the odd spaces normalizeText turns into spaces.
 */
const inTableBlock = (c: number) =>
  c < 0x370 || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < 0x2c00) || c === 0x3000 || c === 0xfeff;

/** A starter is a character of canonical combining class 0: no mark placed before it is reordered after it. */
const isStarter = (ch: string) => `\u0345${ch}`.normalize('NFD') === `\u0345${ch.normalize('NFD')}`;

/**
 * The fold of one code unit when it is one-to-one and free of context: not a mark, its decomposition a starter
 * followed by marks only, stable or an odd space under NFC, and folded to one code unit; else -1.
 */
function tableFold(c: number, fold: (ch: string) => string): number {
  const ch = String.fromCharCode(c);
  if (!inTableBlock(c) || c === 0x0d || IS_MARK.test(ch)) return -1;
  const decomposed = ch.normalize('NFD');
  if (!isStarter(decomposed.charAt(0)) || !/^.\p{M}*$/su.test(decomposed)) return -1;
  if (ch.normalize('NFC') !== ch && normalizeText(ch) !== ' ') return -1;
  const folded = fold(ch);
  return folded.length === 1 ? folded.charCodeAt(0) : -1;
}

/** Text folded unit by unit through the table; text holding any other character is folded whole by the slow path. */
function mapUnits<T>(text: string, table: FoldTable, whole: (text: string) => T): string | T {
  const n = text.length;
  const codes: number[] = new Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let f = table.folds[c]!;
    if (f === 0) {
      const folded = tableFold(c, table.fold);
      f = table.folds[c] = folded < 0 ? -1 : folded + 1;
    }
    if (f < 0) return whole(text);
    codes[i] = f - 1;
    if (f - 1 !== c) changed = true;
  }
  if (!changed) return text;
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode(...codes.slice(i, i + CHUNK));
  return out;
}
const CHUNK = 8192;
