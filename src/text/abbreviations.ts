import { foldCase } from './normalize.js';
import { tokenize } from './tokenize.js';

/** Abbreviations of Vietnamese administrative writing and their long forms (data). */
export const ABBREVIATIONS: ReadonlyArray<{ short: string; long: string }> = [
  { short: 'UBND', long: 'Ủy ban nhân dân' },
  { short: 'HĐND', long: 'Hội đồng nhân dân' },
  { short: 'UBMTTQVN', long: 'Ủy ban Mặt trận Tổ quốc Việt Nam' },
  { short: 'UBMTTQ', long: 'Ủy ban Mặt trận Tổ quốc' },
  { short: 'MTTQ', long: 'Mặt trận Tổ quốc' },
  { short: 'VHXH', long: 'Văn hóa - Xã hội' },
  { short: 'VHXXH', long: 'Văn hóa - Xã hội' },
  { short: 'VH-XH', long: 'Văn hóa - Xã hội' },
  { short: 'KH&CN', long: 'Khoa học và Công nghệ' },
  { short: 'KHCN', long: 'Khoa học và Công nghệ' },
  { short: 'KH&ĐT', long: 'Kế hoạch và Đầu tư' },
  { short: 'TN&MT', long: 'Tài nguyên và Môi trường' },
  { short: 'GD&ĐT', long: 'Giáo dục và Đào tạo' },
  { short: 'LĐ-TB&XH', long: 'Lao động - Thương binh và Xã hội' },
  { short: 'VH&TT', long: 'Văn hóa và Thông tin' },
  { short: 'TCBC', long: 'Tổ chức - Biên chế' },
  { short: 'KT-HT-ĐT', long: 'Kinh tế - Hạ tầng và Đô thị' },
  { short: 'KT-HT&ĐT', long: 'Kinh tế - Hạ tầng và Đô thị' },
  { short: 'KT-XH', long: 'kinh tế - xã hội' },
  { short: 'CT-XH', long: 'chính trị - xã hội' },
  { short: 'TTHC', long: 'thủ tục hành chính' },
  { short: 'CCHC', long: 'cải cách hành chính' },
  { short: 'CBCCVC', long: 'cán bộ, công chức, viên chức' },
  { short: 'CBCCVV', long: 'cán bộ, công chức, viên chức' },
  { short: 'CBCC', long: 'cán bộ, công chức' },
  { short: 'CNTT', long: 'công nghệ thông tin' },
  { short: 'CĐS', long: 'chuyển đổi số' },
  { short: 'VBQPPL', long: 'văn bản quy phạm pháp luật' },
  { short: 'DVC', long: 'dịch vụ công' },
  { short: 'PCT', long: 'Phó Chủ tịch' },
  { short: 'KL', long: 'Kết luận' },
  { short: 'QĐ', long: 'Quyết định' },
  { short: 'NĐ', long: 'Nghị định' },
  { short: 'NQ', long: 'Nghị quyết' },
  { short: 'KH', long: 'Kế hoạch' },
  { short: 'VP', long: 'Văn phòng' },
  { short: 'TW', long: 'Trung ương' },
  { short: 'TTg', long: 'Thủ tướng' },
  { short: 'CP', long: 'Chính phủ' },
  { short: 'TP', long: 'thành phố' },
  // Departments written short; "TC", "NV", "TP" alone mean other things ("TP" is "thành phố").
  { short: 'Sở TC', long: 'Sở Tài chính' },
  { short: 'Sở NV', long: 'Sở Nội vụ' },
  { short: 'Sở TP', long: 'Sở Tư pháp' },
  { short: 'Sở XD', long: 'Sở Xây dựng' },
  { short: 'Sở YT', long: 'Sở Y tế' },
  { short: 'Sở CT', long: 'Sở Công Thương' },
  { short: 'Sở NN&MT', long: 'Sở Nông nghiệp và Môi trường' },
  { short: 'Sở VH,TT&DL', long: 'Sở Văn hóa, Thể thao và Du lịch' },
];

type Rule = { from: string[]; to: string[] };

const byLength = (a: Rule, b: Rule) => b.from.length - a.from.length;
const EXPAND: Rule[] = ABBREVIATIONS.map((a) => ({ from: tokenize(a.short), to: tokenize(a.long) })).sort(byLength);
const CONTRACT: Rule[] = ABBREVIATIONS.filter((a, i, all) => all.findIndex((b) => b.long === a.long) === i)
  .map((a) => ({ from: tokenize(a.long), to: tokenize(a.short) }))
  .sort(byLength);

/** The rules by their first token, in their order (longest first), so a token is tried only against its own. */
function byFirstToken(rules: readonly Rule[]): Map<string, Rule[]> {
  const index = new Map<string, Rule[]>();
  for (const rule of rules) index.set(rule.from[0]!, [...(index.get(rule.from[0]!) ?? []), rule]);
  return index;
}
const EXPAND_BY_FIRST = byFirstToken(EXPAND);
const CONTRACT_BY_FIRST = byFirstToken(CONTRACT);

function rewrite(tokens: readonly string[], rules: ReadonlyMap<string, readonly Rule[]>): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length;) {
    const rule = rules.get(tokens[i]!)?.find((r) => r.from.every((t, k) => tokens[i + k] === t));
    if (rule) {
      out.push(...rule.to);
      i += rule.from.length;
    } else out.push(tokens[i++]!);
  }
  return out;
}

/** Folded tokens with abbreviations spelt out: ["phong","vhxh"] → ["phong","van","hoa","xa","hoi"]. */
export function expandTokens(tokens: readonly string[]): string[] {
  return rewrite(tokens, EXPAND_BY_FIRST);
}

/** Folded tokens with long forms abbreviated: ["uy","ban","nhan","dan"] → ["ubnd"]. */
export function abbreviateTokens(tokens: readonly string[]): string[] {
  return rewrite(tokens, CONTRACT_BY_FIRST);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const wordPattern = (folded: string) =>
  new RegExp(`(?<![a-z0-9])${escape(folded).replace(/ /g, '\\s+')}(?![a-z0-9])`, 'g');

type Replacement = { short: string; pattern: RegExp; by: string };
const SPELL_OUT: Replacement[] = [...ABBREVIATIONS]
  .sort((a, b) => b.short.length - a.short.length)
  .map((a) => ({ short: foldCase(a.short), pattern: wordPattern(foldCase(a.short)), by: a.long }));
const SHORTEN: Replacement[] = ABBREVIATIONS.map((a) => ({
  short: foldCase(a.short),
  pattern: wordPattern(foldCase(a.long)),
  by: a.short,
}));

/** Applies replacements found in the folded text to the text as written, folding again only after a change. */
function replaceAll(text: string, rules: readonly Replacement[]): string {
  let current = text;
  let folded = foldCase(current);
  for (const { pattern, by } of rules) {
    pattern.lastIndex = 0;
    const matches = [...folded.matchAll(pattern)];
    if (matches.length === 0) continue;
    let out = '';
    let last = 0;
    for (const m of matches) {
      out += current.slice(last, m.index) + by;
      last = m.index + m[0].length;
    }
    current = out + current.slice(last);
    folded = foldCase(current);
  }
  return current;
}

/**
 * Spells out abbreviations in text as written, any case: "Phòng VHXH" → "Phòng Văn hóa - Xã hội".
 * `keep` lists abbreviations to leave as they are (e.g. ["UBND", "HĐND"]).
 */
export function expandAbbreviations(text: string, keep: readonly string[] = []): string {
  const skip = new Set(keep.map(foldCase));
  return replaceAll(
    text,
    SPELL_OUT.filter((r) => !skip.has(r.short)),
  );
}

/** Writes the given long forms as their abbreviations: abbreviate("Ủy ban nhân dân xã", ["UBND"]) → "UBND xã". */
export function abbreviate(text: string, only: readonly string[]): string {
  const wanted = new Set(only.map(foldCase));
  return replaceAll(
    text,
    SHORTEN.filter((r) => wanted.has(r.short)),
  );
}
