import { join } from 'node:path';
import { knowledgeOf, type Knowledge } from '../chat/index.js';
import { createReadCache, keyOf, type ReadCache } from '../ingest/index.js';
import type { Plan } from '../knowledge/index.js';
import { loadSearch, SEARCH_INDEX_VERSION, searchIndexData } from '../search/index.js';
import type { Log } from '../tasks/index.js';

/**
 * The start-up cache beside the database: what each plan file read as (`plans/`, one entry per file content and reader
 * version) and the search index over the plans served (`index/`), so a restart reads and indexes only what changed.
 */
export type KnowledgeCache = {
  /** The plan readings, for `loadKnowledge(dir, { cache })`. */
  plans: ReadCache;
  /**
   * The plans with their search index: loaded when it was kept for the same readings (`keys`: plan id → reading key
   * from `loadKnowledge`), else built and kept. A plan without a key is indexed without the cache.
   */
  knowledgeOf(plans: Plan[], keys: ReadonlyMap<string, string>): Promise<Knowledge>;
};

/** Where the cache of a database lives: `data/troly.db` → `data/troly.db-cache`; none for an in-memory database. */
export const cacheDirOf = (databasePath: string): string | undefined =>
  databasePath === ':memory:' ? undefined : `${databasePath}-cache`;

/** The key of an index over these plans' readings, in their order; null when one has no reading key. */
function indexKeyOf(plans: readonly Plan[], keys: ReadonlyMap<string, string>): string | null {
  const parts = plans.map((p) => keys.get(p.id) && `${p.id} ${keys.get(p.id)}`);
  return parts.every((p) => p) ? keyOf(['index', String(SEARCH_INDEX_VERSION), ...(parts as string[])]) : null;
}

/** The start-up cache in `dir` ({@link cacheDirOf}); a damaged entry is logged and built again, never a stop. */
export function createKnowledgeCache(dir: string, log: Log): KnowledgeCache {
  const warn = (message: string, data: Record<string, unknown>) => log('warn', message, data);
  const plans = createReadCache(join(dir, 'plans'), { log: warn, remember: true });
  const indexes = createReadCache(join(dir, 'index'), { log: warn });
  return {
    plans,
    async knowledgeOf(list, keys) {
      const key = indexKeyOf(list, keys);
      if (!key) return knowledgeOf(list);
      const kept = indexes.get(key, (value) => value);
      const loaded = kept === undefined ? undefined : await loadSearch(list, kept);
      if (loaded) return { plans: list, index: loaded };
      if (kept !== undefined)
        warn('start-up cache: the search index kept does not fit the plans; indexing again', { key });
      const built = knowledgeOf(list);
      indexes.put(key, searchIndexData(built.index));
      indexes.keep(new Set([key]));
      return built;
    },
  };
}
