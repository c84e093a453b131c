/**
 * `npm run bench`: builds a 1,000-plan corpus from the shipped plans, indexes it, and asks a few hundred
 * varied questions. Prints JSON figures (read and index time in all and per plan, cold start to the first answer,
 * heap retained after a forced GC, RSS, ask latency), then a cold and a warm start through the start-up cache, each in
 * a fresh process (`start`); a benchmark, not a test. Run with `--expose-gc` (npm run bench does) or the retained heap
 * is null.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { answerQuestion, buildSearch, indexSize } from '../src/search/index.js';
import { renderAnswer } from '../src/messages/index.js';
import { buildCorpus, corpusTexts, random, readSources } from './corpus.js';
import { buildQuestions } from './questions.js';
import { mb, percentile, round } from './stats.js';

const PLANS = Number(process.env.BENCH_PLANS ?? 1000);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 400);
const TODAY = '2026-11-28';

const t0 = performance.now();
const plans = buildCorpus(readSources('knowledge'), PLANS);
const readMs = performance.now() - t0;
const heapBefore = process.memoryUsage().heapUsed;
const t1 = performance.now();
const index = buildSearch(plans);
const buildMs = performance.now() - t1;
const heapAfter = process.memoryUsage().heapUsed;

const questions = buildQuestions(plans, QUESTIONS, random(7));
answerQuestion(index, questions[0]!, { today: TODAY });
// Reading and indexing every plan, then answering: what a start without any cache costs before the first reply.
const firstAnswerMs = performance.now() - t0;
for (const q of questions.slice(0, 20)) answerQuestion(index, q, { today: TODAY }); // warm-up
const times: number[] = [];
const intents: Record<string, number> = {};
for (const q of questions) {
  const start = performance.now();
  const answer = answerQuestion(index, q, { today: TODAY });
  renderAnswer(answer);
  times.push(performance.now() - start);
  intents[answer.intent] = (intents[answer.intent] ?? 0) + 1;
}
times.sort((a, b) => a - b);

/**
 * Starts as the assistant makes them, each in a fresh process (bench/start.ts): the same plans written to a folder,
 * read through the start-up cache and indexed (cold: empty cache), then again over the cache the first left (warm).
 */
function starts(): { cold: unknown; warm: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'troly-bench-'));
  try {
    const plansDir = join(dir, 'plans');
    mkdirSync(plansDir);
    for (const { id, text } of corpusTexts(readSources('knowledge'), PLANS))
      writeFileSync(join(plansDir, `${id}.md`), text);
    const start = () =>
      JSON.parse(
        execFileSync(
          process.execPath,
          ['--expose-gc', '--import', 'tsx', 'bench/start.ts', plansDir, join(dir, 'cache')],
          {
            encoding: 'utf8',
          },
        ),
      ) as unknown;
    return { cold: start(), warm: start() };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
/** Heap still held once garbage is collected (the index and plans), not what happens to be allocated. */
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const retainedHeapMB = gc ? mb(process.memoryUsage().heapUsed) : null;
console.log(
  JSON.stringify(
    {
      plans: plans.length,
      tasks: plans.reduce((n, p) => n + p.tasks.length, 0),
      passages: indexSize(index).passages,
      distinctPassages: indexSize(index).distinctPassages,
      readMs: Math.round(readMs),
      readMsPerPlan: round(readMs / plans.length),
      buildMs: Math.round(buildMs),
      buildMsPerPlan: round(buildMs / plans.length),
      coldFirstAnswerMs: Math.round(firstAnswerMs),
      indexHeapMB: mb(heapAfter - heapBefore),
      retainedHeapMB,
      rssMB: mb(process.memoryUsage().rss),
      questions: times.length,
      askP50Ms: round(percentile(times, 50)),
      askP99Ms: round(percentile(times, 99)),
      askMaxMs: round(times.at(-1)!),
      intents,
      start: starts(),
    },
    null,
    2,
  ),
);
