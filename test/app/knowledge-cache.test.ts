import { mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheDirOf, createKnowledgeCache } from '../../src/app/knowledge-cache.js';
import { createPlanReloader } from '../../src/app/plan-reload.js';
import { createKnowledgeHolder, knowledgeOf } from '../../src/chat/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { READER_VERSION } from '../../src/knowledge/index.js';
import { renderAnswer } from '../../src/messages/index.js';
import { answerQuestion, type SearchIndex } from '../../src/search/index.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

let dir: string;
let cacheDir: string;
let logs: string[];
beforeEach(() => {
  dir = knowledgeFolder({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
  cacheDir = mkdtempSync(join(tmpdir(), 'troly-cache-'));
  logs = [];
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(cacheDir, { recursive: true, force: true });
});

const QUESTIONS = [
  'Nhiệm vụ 1 của thành phố Huế hạn khi nào?',
  'Ai chủ trì nhiệm vụ 3 của Nhị Chiểu?',
  'chỉ tiêu hội nghị trực tuyến',
  'Các nhiệm vụ của Phòng Văn hóa - Xã hội',
];
const answers = (index: SearchIndex) =>
  QUESTIONS.map((q) => renderAnswer(answerQuestion(index, q, { today: '2026-06-01' })));

/** A start: a new cache over the same folder (nothing in memory), the plans read through it, the index loaded or built. */
async function start() {
  const cache = createKnowledgeCache(cacheDir, (level, msg) => void logs.push(`${level}: ${msg}`));
  const { plans, keys } = await loadKnowledge(dir, { cache: cache.plans });
  return { cache, keys, knowledge: await cache.knowledgeOf(plans, keys) };
}
const indexFile = () => join(cacheDir, 'index', readdirSync(join(cacheDir, 'index'))[0]!);

describe('createKnowledgeCache', () => {
  it('keeps the index at the first start and loads it at the next, answering as one built anew', async () => {
    const built = knowledgeOf((await loadKnowledge(dir)).plans);
    const first = await start();
    const kept = statSync(indexFile()).ino;
    const second = await start();
    // Written once: a new write would be a new file renamed over it.
    expect(statSync(indexFile()).ino).toBe(kept);
    expect(answers(second.knowledge.index)).toEqual(answers(built.index));
    expect(answers(first.knowledge.index)).toEqual(answers(built.index));
    expect(logs).toEqual([]);
  });

  it('indexes again when a plan changed, and keeps only the new index', async () => {
    await start();
    const old = indexFile();
    writeFileSync(join(dir, 'hue.md'), realPlan('hue').replace('\tTháng 5/2026', '\tTháng 9/2026'));
    const { knowledge } = await start();
    expect(answers(knowledge.index)[0]).toMatch(/Tháng 9\/2026/);
    expect(readdirSync(join(cacheDir, 'index'))).toHaveLength(1);
    expect(indexFile()).not.toBe(old);
  });

  it.each([
    ['not JSON', () => 'garbage'],
    ['of another shape', (key: string) => JSON.stringify({ reader: READER_VERSION, key, value: { shards: [] } })],
  ])('builds the index again over a kept index %s, logged', async (_, damage) => {
    const built = knowledgeOf((await loadKnowledge(dir)).plans);
    await start();
    const file = indexFile();
    writeFileSync(file, damage(basename(file, '.json')));
    const { knowledge } = await start();
    expect(answers(knowledge.index)).toEqual(answers(built.index));
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^warn: start-up cache: /);
    logs.length = 0;
    await start();
    expect(logs).toEqual([]);
  });
});

describe('createPlanReloader with the cache', () => {
  it('reads again only the changed plan: the other one is the very object serving before', async () => {
    const { cache, keys, knowledge } = await start();
    const holder = createKnowledgeHolder(knowledge);
    const reloader = createPlanReloader({ dir, knowledge: holder, log: () => undefined, cache, keys });
    const before = holder.current().plans;
    writeFileSync(join(dir, 'hue.md'), realPlan('hue').replace('\tTháng 5/2026', '\tTháng 9/2026'));
    await reloader.reload(['hue.md']);
    const after = holder.current().plans;
    expect(after.find((p) => p.id === 'nhi-chieu')).toBe(before.find((p) => p.id === 'nhi-chieu'));
    expect(after.find((p) => p.id === 'hue')).not.toBe(before.find((p) => p.id === 'hue'));
    expect(answers(holder.current().index)[0]).toMatch(/Tháng 9\/2026/);
  });
});

describe('cacheDirOf', () => {
  it('puts the cache beside the database, and none for an in-memory one', () => {
    expect(cacheDirOf('data/troly.db')).toBe('data/troly.db-cache');
    expect(cacheDirOf(':memory:')).toBeUndefined();
  });
});
