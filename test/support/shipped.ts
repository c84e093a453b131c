/**
 * The plans of a folder and their search index, read and built once per test file (once per worker where files share
 * modules) instead of once per test: `shippedPlans()` is the real `knowledge/` folder,
 * `shippedPlans('test/knowledge/fixtures/unseen')` a fixture folder.
 * The plans are deep-frozen, so a test or a module that changed them (and so every later test) fails at once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parsePlan, type Plan } from '../../src/knowledge/index.js';
import { buildSearch, type SearchIndex } from '../../src/search/index.js';

type Loaded = { plans: readonly Plan[]; index?: SearchIndex };

const loaded = new Map<string, Loaded>();

function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
  return value;
}

/**
 * The `.md`/`.txt` plans of a folder, read synchronously with the shared plan reader, so a harness can be built
 * before a test's first await. (The folder reader of every format, `loadKnowledge` in src/ingest, is tested in
 * test/ingest.)
 */
function readTextPlans(dir: string): Plan[] {
  return readdirSync(dir)
    .filter((name) => /\.(md|txt)$/i.test(name) && !/^readme\./i.test(name))
    .sort()
    .map(
      (name) => parsePlan(name.replace(/\.[^.]+$/, ''), join(dir, name), readFileSync(join(dir, name), 'utf8')).plan,
    );
}

function load(dir: string): Loaded {
  const key = resolve(dir);
  let found = loaded.get(key);
  if (found === undefined) {
    found = { plans: deepFreeze(readTextPlans(dir)) };
    loaded.set(key, found);
  }
  return found;
}

/** The text plans of `dir` (default `knowledge`), frozen and shared by every test that asks. */
export function shippedPlans(dir = 'knowledge'): Plan[] {
  return load(dir).plans as Plan[];
}

/** The search index over {@link shippedPlans}`(dir)`, built once. */
export function shippedSearch(dir = 'knowledge'): SearchIndex {
  const found = load(dir);
  found.index ??= buildSearch(found.plans);
  return found.index;
}
