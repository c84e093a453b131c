import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createReadCache, keyOf, loadKnowledge } from '../../src/ingest/index.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
  vi.doUnmock('../../src/knowledge/reader-version.js');
  vi.resetModules();
});

/** A plans folder with two plans and an empty cache folder beside it. */
function setUp() {
  const dir = knowledgeFolder({ 'hue.md': realPlan('hue'), 'nhi-chieu.md': realPlan('nhi-chieu') });
  const cacheDir = mkdtempSync(join(tmpdir(), 'troly-cache-'));
  folders.push(dir, cacheDir);
  return { dir, cacheDir };
}

const entries = (cacheDir: string) => readdirSync(cacheDir).filter((n) => n.endsWith('.json'));

/** Changes the title every cached reading of `planId` holds, so a plan taken from the cache shows it. */
function markCached(cacheDir: string, planId: string, title: string): void {
  for (const name of entries(cacheDir)) {
    const entry = JSON.parse(readFileSync(join(cacheDir, name), 'utf8'));
    if (entry.value.plan?.id !== planId) continue;
    entry.value.plan.meta.title = title;
    writeFileSync(join(cacheDir, name), JSON.stringify(entry));
  }
}

const titleOf = (plans: { id: string; meta: { title: string } }[], id: string) =>
  plans.find((p) => p.id === id)?.meta.title;

describe('loadKnowledge with a cache', () => {
  it('gives the same plans and warnings as reading without one, first from the files, then from the cache', async () => {
    const { dir, cacheDir } = setUp();
    const plain = await loadKnowledge(dir);
    const first = await loadKnowledge(dir, { cache: createReadCache(cacheDir) });
    const second = await loadKnowledge(dir, { cache: createReadCache(cacheDir) });
    expect(first.plans).toEqual(plain.plans);
    expect(second.plans).toEqual(plain.plans);
    expect(second.warnings).toEqual(plain.warnings);
    expect(second.keys).toEqual(first.keys);
    expect(entries(cacheDir)).toHaveLength(2);
  });

  it('reads again a file whose bytes changed and takes the unchanged one from the cache', async () => {
    const { dir, cacheDir } = setUp();
    await loadKnowledge(dir, { cache: createReadCache(cacheDir) });
    markCached(cacheDir, 'hue', 'FROM THE CACHE');
    markCached(cacheDir, 'nhi-chieu', 'FROM THE CACHE');
    writeFileSync(join(dir, 'hue.md'), realPlan('hue').replace('\tTháng 5/2026', '\tTháng 9/2026'));
    const { plans, keys } = await loadKnowledge(dir, { cache: createReadCache(cacheDir) });
    expect(titleOf(plans, 'nhi-chieu')).toBe('FROM THE CACHE');
    expect(titleOf(plans, 'hue')).not.toBe('FROM THE CACHE');
    expect(plans.find((p) => p.id === 'hue')!.tasks[0]!.deadline.raw).toBe('Tháng 9/2026');
    // The stale reading of the changed file is removed: one entry per file.
    expect(entries(cacheDir).sort()).toEqual([...keys.values()].map((k) => `${k}.json`).sort());
  });

  it('reads every file again once the reader version is bumped, and drops the old entries', async () => {
    const { dir, cacheDir } = setUp();
    const before = await loadKnowledge(dir, { cache: createReadCache(cacheDir) });
    markCached(cacheDir, 'hue', 'FROM THE CACHE');
    vi.resetModules();
    vi.doMock('../../src/knowledge/reader-version.js', () => ({ READER_VERSION: 999 }));
    const bumped = await import('../../src/ingest/index.js');
    const after = await bumped.loadKnowledge(dir, { cache: bumped.createReadCache(cacheDir) });
    expect(titleOf(after.plans, 'hue')).not.toBe('FROM THE CACHE');
    expect(after.plans).toEqual(before.plans);
    expect([...after.keys.values()]).not.toContain(before.keys.get('hue'));
    expect(entries(cacheDir).sort()).toEqual([...after.keys.values()].map((k) => `${k}.json`).sort());
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length / 2)],
    ['not JSON', () => '\u0000\u0001 garbage'],
    ['of the wrong shape', (text: string) => text.replace('"tasks":[', '"tasks":7,"x":[')],
  ])('ignores an entry %s, logs it, and reads the file again into a good entry', async (_, damage) => {
    const { dir, cacheDir } = setUp();
    const first = await loadKnowledge(dir, { cache: createReadCache(cacheDir) });
    const file = join(cacheDir, `${first.keys.get('hue')}.json`);
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    const logged: string[] = [];
    const cache = () => createReadCache(cacheDir, { log: (message) => void logged.push(message) });
    const second = await loadKnowledge(dir, { cache: cache() });
    expect(second.plans).toEqual(first.plans);
    expect(logged).toEqual(['start-up cache: an entry could not be read; reading its file again']);
    logged.length = 0;
    expect((await loadKnowledge(dir, { cache: cache() })).plans).toEqual(first.plans);
    expect(logged).toEqual([]);
  });
});

describe('createReadCache', () => {
  it('writes through a temporary file and leaves none behind', () => {
    const { cacheDir } = setUp();
    const cache = createReadCache(join(cacheDir, 'sub'));
    cache.put(keyOf(['a']), { n: 1 });
    expect(readdirSync(join(cacheDir, 'sub'))).toEqual([`${keyOf(['a'])}.json`]);
    expect(createReadCache(join(cacheDir, 'sub')).get(keyOf(['a']), (v) => v)).toEqual({ n: 1 });
  });

  it('logs an entry it cannot write (a file where its folder should be) and reads on, in memory', async () => {
    const { dir, cacheDir } = setUp();
    writeFileSync(join(cacheDir, 'plans'), 'not a folder');
    const logged: string[] = [];
    const cache = createReadCache(join(cacheDir, 'plans'), { log: (message) => void logged.push(message) });
    const read = await loadKnowledge(dir, { cache });
    expect(read.plans.map((p) => p.id).sort()).toEqual(['hue', 'nhi-chieu']);
    expect(logged).toEqual(Array(2).fill('start-up cache: an entry could not be written'));
  });

  it('removes what a process that died while writing left', () => {
    const { cacheDir } = setUp();
    writeFileSync(join(cacheDir, `.${keyOf(['a'])}.1.tmp`), '{"half');
    createReadCache(cacheDir).keep(new Set());
    expect(readdirSync(cacheDir)).toEqual([]);
  });
});
