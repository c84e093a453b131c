import type { DocKind } from './documents.js';
import { searchEngine, type Engine, type Hit } from './engine.js';

/** Where relevant passages are looked for: some plans and some kinds of passage (all kinds when left out). */
export type RelevantScope = { plans: readonly string[]; kinds?: readonly DocKind[] | undefined; limit?: number };

/**
 * Whether a passage is about the topic: with one topic word, it holds that word; with more, it holds
 * most of them (more than half, so "thủ tục cấp đổi thẻ căn cước … giấy tờ" is not taken for a passage on "thủ tục
 * hành chính không giấy") and two of them side by side (so "tỷ giá" is not found in "tỷ lệ ... tham gia").
 */
function isRelevant(hit: Hit, minShare: number): boolean {
  return hit.single ? hit.share === 1 : hit.bigram && hit.share >= minShare;
}

/** A topic of one short syllable ("ăn", "đi") is too common a word to show that a passage is about it. */
const tooVague = (runs: readonly (readonly string[])[], minLoneSyllable: number) =>
  runs.flat().length === 1 && runs[0]![0]!.length < minLoneSyllable;

/**
 * The passages about the topic words (in runs of neighbours), best first, leaving out those far below the best.
 * `searchRelevant(engine, [["chuyen", "doi", "so"]], { plans: ["nhi-chieu"], kinds: ["task"] })`.
 */
export function searchRelevant(engine: Engine, runs: readonly (readonly string[])[], scope: RelevantScope): Hit[] {
  const { minShare, nearBest, minLoneSyllable } = engine.options;
  if (tooVague(runs, minLoneSyllable)) return [];
  const hits = searchEngine(engine, runs, {
    plans: scope.plans,
    ...(scope.kinds ? { kinds: scope.kinds } : {}),
    limit: scope.limit ?? 10,
  }).filter((h) => isRelevant(h, minShare));
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * nearBest);
}

/** The best relevant passage of each plan, best plan first. */
export function bestPerPlan(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.doc.plan) && seen.add(h.doc.plan));
}
