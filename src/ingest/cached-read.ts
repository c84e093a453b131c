import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { planSchema, readWarningSchema, type ReadWarning } from '../knowledge/index.js';
import { keyOf, type ReadCache } from './read-cache.js';
import {
  extractPlanText,
  planIdOf,
  readPlanFile,
  type PlanFileResult,
  type ReadPlanOptions,
} from './read-plan-file.js';

/** A cache as one reading of a folder uses it: the keys it used are the entries to keep. */
export type CacheUse = { cache: ReadCache; used: Set<string> };

/** What a plan file read as, and its cache key (its bytes, its appendices' bytes, its path and id, the reader). */
export type Reading = { result: PlanFileResult; key: string };

const readingSchema = z.object({ plan: planSchema.optional(), warnings: z.array(readWarningSchema) });
const extractionSchema = z.object({ text: z.string().optional(), warnings: z.array(readWarningSchema) });

/**
 * The key of reading `files` as `parts`; null when a file cannot be read (its reading says why, uncached). Read
 * synchronously: at a start every plan file is hashed in turn, and a trip through the thread pool for each file
 * (open, stat, read, close) cost more than the reading itself.
 */
function keyOfFiles(parts: readonly string[], files: readonly string[]): string | null {
  try {
    return keyOf([...parts, ...files.map((f) => readFileSync(f))]);
  } catch {
    return null;
  }
}

/** The value under `key` when it has the shape of `schema`, else undefined (a corrupt entry is read again). */
function lookUp<T>(use: CacheUse, key: string, schema: z.ZodType<T>): T | undefined {
  use.used.add(key);
  return use.cache.get(key, (value) => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  });
}

/** Reads a plan file (`readPlanFile`), or takes what it read as from the cache when nothing changed since. */
export async function cachedRead(path: string, options: ReadPlanOptions, use?: CacheUse): Promise<Reading> {
  const appendices = options.appendices ?? [];
  const id = options.id ?? planIdOf(path);
  const key = keyOfFiles(['plan', path, id, ...appendices], [path, ...appendices]) ?? keyOf(['unread', path]);
  const found = use && lookUp(use, key, readingSchema);
  if (found) return { result: found, key };
  const result = await readPlanFile(path, options);
  use?.cache.put(key, result);
  return { result, key };
}

/** The plan text of an appendix file (`extractPlanText`), from the cache when the file did not change. */
export async function cachedExtract(path: string, use?: CacheUse): Promise<{ text?: string; warnings: ReadWarning[] }> {
  const key = keyOfFiles(['text', path], [path]);
  const found = use && key && lookUp(use, key, extractionSchema);
  if (found) return found;
  const got = await extractPlanText(path);
  if (use && key) use.cache.put(key, got);
  return got;
}
