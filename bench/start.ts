/**
 * One start of the assistant's knowledge in a fresh process, as `buildCore` does it: the plans of a folder read
 * through the start-up cache, the search index loaded or built, then the first question answered. Run by
 * `bench/index.ts` twice over the same folder (cold: empty cache; warm: the cache the cold run left); prints JSON.
 * `node --expose-gc --import tsx bench/start.ts <plans folder> <cache folder>`
 */
import { performance } from 'node:perf_hooks';
import { mb, round } from './stats.js';

const [dir, cacheDir] = process.argv.slice(2);
if (!dir || !cacheDir) throw new Error('usage: bench/start.ts <plans folder> <cache folder>');

/** CPU time of this process in ms: on a machine shared with other work, wall time alone says little. */
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const t0 = performance.now();
const { createKnowledgeCache } = await import('../src/app/knowledge-cache.js');
const { loadKnowledge } = await import('../src/ingest/index.js');
const { answerQuestion } = await import('../src/search/index.js');
const t1 = performance.now();
const c1 = cpu();
const cache = createKnowledgeCache(cacheDir, () => undefined);
const { plans, keys } = await loadKnowledge(dir, { cache: cache.plans });
const t2 = performance.now();
const c2 = cpu();
const knowledge = await cache.knowledgeOf(plans, keys);
const t3 = performance.now();
const c3 = cpu();
answerQuestion(knowledge.index, 'Ai chủ trì nhiệm vụ 4?', { today: '2026-11-28' });
const t4 = performance.now();
const c4 = cpu();
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
console.log(
  JSON.stringify({
    plans: plans.length,
    /** Loading the modules (tsx compiling them, in this bench). */
    importMs: Math.round(t1 - t0),
    readMs: Math.round(t2 - t1),
    readMsPerPlan: round((t2 - t1) / plans.length),
    indexMs: Math.round(t3 - t2),
    indexMsPerPlan: round((t3 - t2) / plans.length),
    /** From the first plan file read to the first answer (modules loaded). */
    firstAnswerMs: Math.round(t4 - t1),
    /** CPU time of the same spans (reading, indexing, to the first answer). */
    readCpuMs: Math.round(c2 - c1),
    indexCpuMs: Math.round(c3 - c2),
    firstAnswerCpuMs: Math.round(c4 - c1),
    retainedHeapMB: gc ? mb(process.memoryUsage().heapUsed) : null,
    rssMB: mb(process.memoryUsage().rss),
  }),
);
