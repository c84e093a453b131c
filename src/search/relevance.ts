import type { DocKind } from './documents.js';
import { searchEngine, type Hit } from './engine.js';
import type { Context } from './context.js';

/**
 * Share of the topic's syllables a passage must hold to count as being about it: more than half, so "thủ tục cấp đổi
 * thẻ căn cước … giấy tờ" is not taken for a passage on "thủ tục hành chính không giấy".
 */
const MIN_SHARE = 0.6;
/** A passage scoring below this share of the best one is not offered beside it. */
const NEAR_BEST = 0.5;

/**
 * Whether a passage is about the topic: with one topic word, it holds that word; with more, it holds
 * most of them and two of them side by side (so "tỷ giá" is not found in "tỷ lệ ... tham gia").
 */
function isRelevant(hit: Hit): boolean {
  return hit.single ? hit.share === 1 : hit.bigram && hit.share >= MIN_SHARE;
}

/** A topic of one syllable this short ("ăn", "đi") is too common a word to show that a passage is about it. */
const MIN_LONE_SYLLABLE = 3;

const tooVague = (runs: readonly (readonly string[])[]) =>
  runs.flat().length === 1 && runs[0]![0]!.length < MIN_LONE_SYLLABLE;

/** Relevant passages of the kinds asked for, in the question's plans, best first. */
export function findRelevant(ctx: Context, kinds: readonly DocKind[] | undefined, limit = 10): Hit[] {
  if (tooVague(ctx.q.topicRuns)) return [];
  const hits = searchEngine(ctx.index.engine, ctx.q.topicRuns, {
    plans: ctx.scope,
    ...(kinds ? { kinds } : {}),
    limit,
  }).filter(isRelevant);
  const best = hits[0]?.score ?? 0;
  return hits.filter((h) => h.score >= best * NEAR_BEST);
}

/** The best relevant passage of each plan, best plan first. */
export function bestPerPlan(hits: Hit[]): Hit[] {
  const seen = new Set<string>();
  return hits.filter((h) => !seen.has(h.doc.plan) && seen.add(h.doc.plan));
}
