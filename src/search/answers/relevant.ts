import type { DocKind, Hit } from '../retrieval/index.js';
import { searchRelevant } from '../retrieval/index.js';
import type { Context } from './context.js';

/** Passages about the question's topic words, of the kinds asked for, in the question's plans, best first. */
export function findRelevant(ctx: Context, kinds: readonly DocKind[] | undefined, limit = 10): Hit[] {
  return searchRelevant(ctx.index.engine, ctx.q.topicRuns, { plans: ctx.scope, kinds, limit });
}
