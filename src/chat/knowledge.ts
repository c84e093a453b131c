import type { Plan } from '../knowledge/index.js';
import { buildSearch, type SearchIndex } from '../search/index.js';

/** The plans and their search index, as one value: what a message is answered from. */
export type Knowledge = { readonly plans: Plan[]; readonly index: SearchIndex };

/**
 * Holds the knowledge in use. `swap` replaces it at once: a message takes `current()` once when it arrives, so one
 * already being answered finishes on the knowledge it started with and the next one gets the new.
 */
export type KnowledgeHolder = { current(): Knowledge; swap(next: Knowledge): void };

/** The plans with their search index built: `knowledgeOf(loadKnowledge("knowledge").plans)`. */
export function knowledgeOf(plans: Plan[]): Knowledge {
  return { plans, index: buildSearch(plans) };
}

/** A holder starting with `initial` (plans are indexed here when given as plans). */
export function createKnowledgeHolder(initial: Knowledge | Plan[]): KnowledgeHolder {
  let knowledge = Array.isArray(initial) ? knowledgeOf(initial) : initial;
  return {
    current: () => knowledge,
    swap: (next) => {
      knowledge = next;
    },
  };
}
