/**
 * Vietnamese text utilities: normalization, diacritic folding, tokens, abbreviations. Pure, no dependencies.
 */

/** NFC, "\n" line ends, NBSP and other odd spaces turned into spaces. */
export { normalizeText } from './normalize.js';

/** Diacritics dropped with đ→d, length kept for NFC input: `foldDiacritics("Đại Sơn")` → "Dai Son". */
export { foldDiacritics } from './normalize.js';

/** Lower case keeping the length: `toLower("PHÒNG")` → "phòng". */
export { toLower } from './normalize.js';

/** NFC + lower case + folded, length kept: `foldCase("Quý IV/2026")` → "quy iv/2026". */
export { foldCase } from './normalize.js';

/**
 * The fold of `foldCase` when the fold of any slice is that slice of the fold (fold a line once, slice it many times);
 * null for text with characters that fold by context: `foldCaseBySlice("Sở Nội vụ")` → "so noi vu".
 */
export { foldCaseBySlice } from './normalize.js';

/** Whitespace runs collapsed to one space, trimmed. */
export { collapseSpaces } from './normalize.js';

/** Folded syllables and numbers: `tokenize("Phòng VHXH")` → ["phong", "vhxh"]. */
export { tokenize } from './tokenize.js';

/** Text cut at a word's end: `cutAtWord("Rà soát thủ tục hành chính", 16)` → "Rà soát thủ tục…". */
export { cutAtWord } from './cut.js';

/** Adjacent token pairs: `bigrams(["van","hoa","xa"])` → ["van hoa", "hoa xa"]. */
export { bigrams } from './tokenize.js';

/** The abbreviation table (UBND ↔ Ủy ban nhân dân, VHXH ↔ Văn hóa - Xã hội, KH&CN, TTHC, CBCCVC, ...). */
export { ABBREVIATIONS } from './abbreviations.js';

/** Folded tokens with abbreviations spelt out: `expandTokens(["ubnd"])` → ["uy","ban","nhan","dan"]. */
export { expandTokens } from './abbreviations.js';

/** Folded tokens with long forms abbreviated: `abbreviateTokens(["van","hoa","xa","hoi"])` → ["vhxh"]. */
export { abbreviateTokens } from './abbreviations.js';

/** Abbreviations spelt out in written text: `expandAbbreviations("Sở KH&CN")` → "Sở Khoa học và Công nghệ". */
export { expandAbbreviations } from './abbreviations.js';

/** Long forms written as abbreviations: `abbreviate("Ủy ban nhân dân xã", ["UBND"])` → "UBND xã". */
export { abbreviate } from './abbreviations.js';

/** Whether text holds controls, direction overrides (U+202E) or lone surrogates: `hasUnsafeChars("a\u202Eb")` → true. */
export { hasUnsafeChars } from './unsafe.js';

/** The text without controls, direction overrides and lone surrogates: `stripUnsafeChars("Lan\u202E")` → "Lan". */
export { stripUnsafeChars } from './unsafe.js';
