import type { LocalityIndex } from './localities.js';

/** Chat shorthand officials type on phones, as folded words: "nv nào", "bc quý 1", "xong k", "hs online". */
const SHORTHAND: Readonly<Record<string, string>> = {
  nv: 'nhiem vu',
  k: 'khong',
  ko: 'khong',
  kg: 'khong',
  khg: 'khong',
  hok: 'khong',
  dc: 'duoc',
  j: 'gi',
  bc: 'bao cao',
  hs: 'ho so',
  vb: 'van ban',
  ntn: 'nhu the nao',
  online: 'truc tuyen',
  snv: 'so noi vu',
};

/** A document kind written against its number: "KL226", "QĐ534" (read as "kl 226"). */
const KIND_AND_NUMBER = /^(kl|qd|nd|nq|kh|ct|tt)(\d{1,4})$/;

/** Words after which "NV" is "Nội vụ", not "nhiệm vụ": "Sở NV", "Phòng NV". */
const NOI_VU_HEADS = new Set(['so', 'phong', 'bo']);
const MAX_NAME_WORDS = 4;

/** Whether the words from `i` on start with a place some plan is for ("nhi chieu"). */
const placeAt = (tokens: readonly string[], i: number, localities: LocalityIndex) =>
  Array.from({ length: MAX_NAME_WORDS }, (_, n) => tokens.slice(i, i + n + 1).join(' ')).some((name) =>
    localities.byName.has(name),
  );

/**
 * A question's folded words with chat shorthand spelt out, so the rules read "nv nào" as "nhiệm vụ nào":
 * "NV" after "Sở" stays "Nội vụ" (spelt out by the abbreviations), a lone "P" before a place is "phường", "KL226" is
 * "KL 226".
 */
export function expandShorthand(tokens: readonly string[], localities: LocalityIndex): string[] {
  return tokens.flatMap((token, i) => {
    if (token === 'p' && placeAt(tokens, i + 1, localities)) return ['phuong'];
    if (token === 'nv' && NOI_VU_HEADS.has(tokens[i - 1] ?? '')) return [token];
    const joined = KIND_AND_NUMBER.exec(token);
    if (joined) return [joined[1]!, joined[2]!];
    return SHORTHAND[token]?.split(' ') ?? [token];
  });
}
