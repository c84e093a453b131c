/**
 * A corpus of plans generated from the shipped ones: each copy gets its own locality name, plan number,
 * year and some wording changes (abbreviations, "Hằng năm"/"Hàng năm", dates written in words), then is
 * read by the real plan reader.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parsePlan, type Plan } from '../src/knowledge/index.js';

const FIRST = [
  'Tân',
  'An',
  'Phú',
  'Hòa',
  'Bình',
  'Đông',
  'Tây',
  'Long',
  'Mỹ',
  'Xuân',
  'Quang',
  'Hưng',
  'Lộc',
  'Phước',
  'Thạnh',
  'Vĩnh',
  'Hải',
  'Cẩm',
  'Kim',
  'Ngọc',
  'Thanh',
  'Đức',
  'Minh',
  'Trường',
  'Nghĩa',
  'Yên',
  'Lạc',
  'Hồng',
  'Bảo',
  'Thuận',
];
const SECOND = [
  'Sơn',
  'Hà',
  'Lâm',
  'Phong',
  'Thủy',
  'Điền',
  'Giang',
  'Khê',
  'Thành',
  'Lợi',
  'Hiệp',
  'Tiến',
  'Định',
  'Châu',
  'Trạch',
  'Xá',
  'Dương',
  'Lĩnh',
  'Nguyên',
  'Thái',
  'Hưng',
  'Phú',
  'Lương',
  'Ninh',
  'Cường',
  'Khánh',
  'Đạt',
  'Hội',
  'Tràng',
  'Vân',
];

/** A small seeded generator, so every run builds the same corpus. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Source = { id: string; text: string; plan: Plan };

/** The shipped plans with their text. */
export function readSources(dir: string): Source[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = readFileSync(join(dir, f), 'utf8');
      const id = basename(f, extname(f));
      return { id, text, plan: parsePlan(id, join(dir, f), text).plan };
    });
}

/** The i-th unique locality name: "Tân Sơn", ..., then with a third syllable. */
export function localityName(i: number): string {
  const base = `${FIRST[i % FIRST.length]} ${SECOND[Math.floor(i / FIRST.length) % SECOND.length]}`;
  const round = Math.floor(i / (FIRST.length * SECOND.length));
  return round === 0 ? base : `${base} ${FIRST[(i + round) % FIRST.length]}`;
}

const WORDING: ReadonlyArray<[RegExp, string]> = [
  [/Hằng năm/g, 'Hàng năm'],
  [/Ủy ban nhân dân/g, 'UBND'],
  [/Phòng Văn hóa - Xã hội/g, 'Phòng VHXH'],
  [/Văn phòng HĐND và UBND/g, 'Văn phòng HĐND&UBND'],
  [/Thường xuyên/g, 'Thường xuyên, liên tục'],
  [/Quý IV\/(\d{4})/g, 'Quý IV năm $1'],
];

/** The text of one generated plan (`source` with another locality, number, year and wording) and its id. */
export function variantText(source: Source, i: number, rnd: () => number): { id: string; text: string } {
  const locality = source.plan.meta.locality;
  const name = localityName(i);
  let text = source.text;
  if (locality) text = text.split(locality.name).join(name);
  const shift = Math.floor(rnd() * 3);
  text = text.replace(/\b(202[5-9])\b/g, (y) => String(Number(y) + shift));
  text = text.replace(/Số:\s*\d*\s*\/KH-UBND/, `Số: ${100 + Math.floor(rnd() * 900)}/KH-UBND`);
  for (const [pattern, by] of WORDING) if (rnd() < 0.4) text = text.replace(pattern, by);
  return { id: `p${String(i).padStart(4, '0')}-${source.id}`, text };
}

/** `count` plan texts generated round-robin from the sources. */
export function corpusTexts(sources: Source[], count: number, seed = 226): { id: string; text: string }[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => variantText(sources[i % sources.length]!, i, rnd));
}

/** `count` plans generated round-robin from the sources, read by the plan reader. */
export function buildCorpus(sources: Source[], count: number, seed = 226): Plan[] {
  return corpusTexts(sources, count, seed).map(({ id, text }) => parsePlan(id, `${id}.md`, text).plan);
}
