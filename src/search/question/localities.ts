import type { Plan } from '../../knowledge/index.js';
import { expandTokens, tokenize } from '../../text/index.js';
import { LEVEL_WORDS, STOP_WORDS } from './lexicon.js';
import { withUsed, type Read, type Span, type Words } from './words.js';

/** Plans by the folded name of their locality ("nhi chieu", "phuong nhi chieu", and the plan id's words). */
export type LocalityIndex = {
  byName: Map<string, string[]>;
  /** Plan id → folded level ("phuong"), to choose between two places of one name. */
  levels: Map<string, string>;
  /** Plans by the number they are issued under ("158" for "158/KH-UBND"). */
  byNumber: Map<string, string[]>;
  /** Longest name in words, to bound the scan. */
  longest: number;
};

const MAX_NAME_WORDS = 6;

function add(index: LocalityIndex, key: string, planId: string): void {
  if (!key) return;
  const ids = index.byName.get(key) ?? [];
  if (!ids.includes(planId)) ids.push(planId);
  index.byName.set(key, ids);
  index.longest = Math.min(MAX_NAME_WORDS, Math.max(index.longest, key.split(' ').length));
}

/** Builds the lookup once, from each plan's locality and id. */
export function buildLocalityIndex(plans: readonly Plan[]): LocalityIndex {
  const index: LocalityIndex = { byName: new Map(), levels: new Map(), byNumber: new Map(), longest: 1 };
  for (const plan of plans) {
    const number = /^\d+/.exec(plan.meta.number ?? '')?.[0];
    if (number) index.byNumber.set(number, [...(index.byNumber.get(number) ?? []), plan.id]);
    const locality = plan.meta.locality;
    if (locality) {
      const name = tokenize(locality.name).join(' ');
      add(index, name, plan.id);
      add(index, `${tokenize(locality.level).join(' ')} ${name}`, plan.id);
      index.levels.set(plan.id, tokenize(locality.level).join(' '));
    }
    const idWords = tokenize(plan.id);
    // Without a locality read, the file name stands for it ("kh-12-tinh-bac-ninh" is found as "bac ninh").
    const tails = locality
      ? [idWords]
      : idWords.map((_, i) => idWords.slice(i)).filter((t, i) => i === 0 || t.length >= 2);
    for (const tail of tails) add(index, tail.join(' '), plan.id);
  }
  return index;
}

/** The level word right before position i, as written ("tp") and spelt out ("thanh pho"). */
function levelBefore(list: readonly string[], i: number): { written: string; level: string } | undefined {
  const written = LEVEL_WORDS.find((level) => {
    const parts = level.split(' ');
    return parts.every((p, k) => list[i - parts.length + k] === p);
  });
  return written === undefined ? undefined : { written, level: expandTokens(written.split(' ')).join(' ') };
}

/** Keeps the plans whose level the question names right before the name, when it names one that fits. */
function byLevel(index: LocalityIndex, ids: string[], level: string | undefined): string[] {
  if (!level || ids.length < 2) return ids;
  const fitting = ids.filter((id) => index.levels.get(id) === level);
  return fitting.length > 0 ? fitting : ids;
}

/** Plans named by their number: "kế hoạch 158", "KH số 158/KH-UBND". */
function readPlanNumbers(words: Words, index: LocalityIndex): Read<string[]> {
  const found: string[] = [];
  const used: Span[] = [];
  const list = words.list;
  for (let i = 0; i < list.length; i++) {
    const start = list[i] === 'kh' ? i + 1 : list[i] === 'ke' && list[i + 1] === 'hoach' ? i + 2 : -1;
    if (start < 0) continue;
    const at = list[start] === 'so' ? start + 1 : start;
    const ids = index.byNumber.get(list[at] ?? '');
    if (!ids) continue;
    used.push({ start: i, end: at + 1 });
    found.push(...ids.filter((id) => !found.includes(id)));
  }
  return { value: found, used };
}

/**
 * The plans a question names: by locality in any spelling ("Nhị Chiểu", "nhi chieu", "phường Nhị Chiểu",
 * "TP Huế") or by number ("kế hoạch 158"), with the words read (level words included); [] when none is named.
 */
export function readLocalities(words: Words, index: LocalityIndex): Read<string[]> {
  const { value: found, used } = readPlanNumbers(words, index);
  const list = words.list;
  for (let i = 0; i < list.length; i++) {
    for (let n = Math.min(index.longest, list.length - i); n >= 1; n--) {
      const ids = index.byName.get(list.slice(i, i + n).join(' '));
      if (!ids || LEVEL_WORDS.includes(list.slice(i, i + n).join(' '))) continue;
      const level = levelBefore(list, i);
      const start = level ? i - level.written.split(' ').length : i;
      used.push({ start, end: i + n });
      for (const id of byLevel(index, ids, level?.level)) if (!found.includes(id)) found.push(id);
      i += n - 1;
      break;
    }
  }
  return { value: found, used: [...used, ...ownPlaceWords(withUsed(words, used))] };
}

/** Words after a level word that make it mean the asker's own place: "xã mình", "phường ta", "của tỉnh". */
const OWN = new Set(['minh', 'ta', 'nha', 'nay']);

/**
 * The level words that name no place ("chỉ tiêu của xã", "phường mình có việc gì"): one ends the question or is
 * followed by "mình", "ta" or a stop word, so it is not taken for a topic word.
 */
function ownPlaceWords(words: Words): Span[] {
  const spans: Span[] = [];
  const list = words.list;
  for (let i = 0; i < list.length; i++) {
    if (words.used[i]) continue;
    const level = LEVEL_WORDS.find((l) => l.split(' ').every((p, k) => list[i + k] === p));
    if (!level) continue;
    const end = i + level.split(' ').length;
    const next = list[end];
    if (next === undefined || OWN.has(next) || STOP_WORDS.has(next))
      spans.push({ start: i, end: next !== undefined && OWN.has(next) ? end + 1 : end });
  }
  return spans;
}
