import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { READER_VERSION } from '../knowledge/index.js';

/** Told about a cache entry that could not be read or written (the entry is then rebuilt; never a stop). */
export type ReadCacheLog = (message: string, data: Record<string, unknown>) => void;

/** Options of {@link createReadCache}. */
export type ReadCacheOptions = {
  /** Default silent. */
  log?: ReadCacheLog;
  /**
   * Keep the values read or written in memory too, so a second `get` of an unchanged entry (a live reload) returns
   * the same object without reading the file again. Default false.
   */
  remember?: boolean;
};

/**
 * Values kept on disk between starts under content keys (`keyOf`), one JSON file each: what reading a file gave, so a
 * restart reads again only the files that changed. Entries written by another reader version are never returned.
 */
export type ReadCache = {
  /**
   * The value kept under `key` as `check` makes it (undefined when it is not of the right shape), or undefined when
   * there is none; a corrupt entry is logged, removed and undefined.
   */
  get<T>(key: string, check: (value: unknown) => T | undefined): T | undefined;
  /** Keeps `value` under `key` (written to a temporary file, then renamed: never half written); a failure is logged. */
  put(key: string, value: unknown): void;
  /** Removes every entry but those of `keys` (plans gone or changed). */
  keep(keys: ReadonlySet<string>): void;
};

/**
 * A cache key: the reader's version, then each part (file bytes, paths, ids) hashed together;
 * `keyOf(["plan", path, bytes])`. Any change of a part, or of `READER_VERSION`, gives another key.
 */
export function keyOf(parts: readonly (string | Buffer)[]): string {
  const hash = createHash('sha256').update(`reader ${READER_VERSION}\u0000`);
  for (const part of parts)
    hash.update(typeof part === 'string' ? `${part.length}:${part}\u0000` : part).update('\u0000');
  return hash.digest('hex').slice(0, 40);
}

type Entry = { reader: number; key: string; value: unknown };
const ENTRY = /^[0-9a-f]{40}\.json$/;

/** The cache in folder `dir` (created when first written). */
export function createReadCache(dir: string, options: ReadCacheOptions = {}): ReadCache {
  const { log = () => undefined, remember = false } = options;
  const memory = new Map<string, unknown>();
  const fileOf = (key: string) => join(dir, `${key}.json`);
  const drop = (key: string) => rmSync(fileOf(key), { force: true });

  function read<T>(key: string, check: (value: unknown) => T | undefined): T | undefined {
    let text: string;
    try {
      text = readFileSync(fileOf(key), 'utf8');
    } catch {
      return undefined;
    }
    try {
      const entry = JSON.parse(text) as Entry;
      const value = entry?.reader === READER_VERSION && entry.key === key ? check(entry.value) : undefined;
      if (value !== undefined) return value;
      throw new Error('not an entry of this reader, or not of the right shape');
    } catch (err) {
      log('start-up cache: an entry could not be read; reading its file again', { key, dir, err });
      drop(key);
      return undefined;
    }
  }

  return {
    get<T>(key: string, check: (value: unknown) => T | undefined) {
      if (memory.has(key)) return memory.get(key) as T;
      const value = read(key, check);
      if (remember && value !== undefined) memory.set(key, value);
      return value;
    },
    put(key, value) {
      if (remember) memory.set(key, value);
      const temp = join(dir, `.${key}.${process.pid}.tmp`);
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, JSON.stringify({ reader: READER_VERSION, key, value } satisfies Entry));
        renameSync(temp, fileOf(key));
      } catch (err) {
        log('start-up cache: an entry could not be written', { key, dir, err });
        removeQuietly(temp);
      }
    },
    keep(keys) {
      for (const key of memory.keys()) if (!keys.has(key)) memory.delete(key);
      let names: string[];
      try {
        names = readdirSync(dir);
      } catch {
        return;
      }
      const stale = (name: string) =>
        (ENTRY.test(name) && !keys.has(name.slice(0, -'.json'.length))) ||
        (name.endsWith('.tmp') && !name.endsWith(`.${process.pid}.tmp`)); // left by a process that died writing
      for (const name of names) if (stale(name)) rmSync(join(dir, name), { force: true });
    },
  };
}

/** Removes a file if it is there; where even that fails (its folder is a file, or closed to us), leaves it. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing was written there either.
  }
}
