import MiniSearch, { type AsPlainObject } from 'minisearch';
import type { SearchOptions } from '../options.js';
import type { DocKind, SearchDoc } from './documents.js';
import { SHARDS, shardMiniOptions, type Engine, type Entry, type Shard } from './engine.js';

/** One place of a distinct text: its passage's id, task, section and position (`SearchDoc`'s fields). */
type PlaceJSON = [number, string | null, string | null, number];
/** One distinct text: kind, title, text, agency, and where it occurs (by plan). */
type EntryJSON = [DocKind, string, string, string, [string, PlaceJSON[]][]];
type ShardJSON = { mini: AsPlainObject; entries: EntryJSON[]; df: [string, number][]; texts: number };

/** An engine as plain data (JSON-safe): its MiniSearch shards, distinct texts and term counts; passages by id. */
export type EngineJSON = { docs: number; planCount: number; distinct: number; shards: ShardJSON[] };

/** The engine as plain data, to be loaded back over the same passages by {@link engineFromJSON}. */
export function engineToJSON(engine: Engine): EngineJSON {
  return {
    docs: engine.docs.length,
    planCount: engine.planCount,
    distinct: engine.distinct,
    shards: engine.shards.map((s) => ({
      mini: s.mini.toJSON(),
      entries: s.entries.map((e) => [
        e.kind,
        e.title,
        e.text,
        e.agency,
        [...e.places].map(([plan, docs]) => [plan, docs.map((d): PlaceJSON => [d.id, d.task, d.section, d.ref])]),
      ]),
      df: [...s.counts.df],
      texts: s.counts.texts,
    })),
  };
}

/** A shard's entries with their passages made again (a passage shares its entry's texts); each passage put in `docs`. */
function shardFrom(kinds: readonly DocKind[], json: ShardJSON, docs: SearchDoc[], mini: MiniSearch<Entry>): Shard {
  const entries = json.entries.map(([kind, title, text, agency, places], id): Entry => {
    const docOf = (plan: string, [docId, task, section, ref]: PlaceJSON): SearchDoc => {
      if (docs[docId] !== undefined || !(docId >= 0 && docId < docs.length)) throw new Error('search: bad passage id');
      return (docs[docId] = { id: docId, kind, plan, task, section, title, text, agency, ref });
    };
    const byPlan = places.map(([plan, list]) => [plan, list.map((p) => docOf(plan, p))] as const);
    return { id, kind, title, text, agency, places: new Map(byPlan) };
  });
  return { kinds: new Set(kinds), mini, entries, counts: { df: new Map(json.df), texts: json.texts } };
}

/**
 * The engine `engineToJSON` gave (its passages made again from it), or undefined when the data is not such an
 * engine (another version, damaged). Whether it is the index of the plans at hand is the caller's key to keep.
 */
export async function engineFromJSON(data: unknown, options: SearchOptions): Promise<Engine | undefined> {
  try {
    const json = data as EngineJSON;
    if (json.shards.length !== SHARDS.length) return undefined;
    const docs = new Array<SearchDoc>(json.docs);
    const shards: Shard[] = [];
    for (const [i, kinds] of SHARDS.entries()) {
      const shard = json.shards[i]!;
      // The synchronous loader: the async one awaits once per term and field and waits for a timer every 1,000 terms,
      // which made a warm start slower; building an index instead blocks far longer anyway.
      const mini = MiniSearch.loadJS<Entry>(shard.mini, shardMiniOptions(options));
      shards.push(shardFrom(kinds, shard, docs, mini));
    }
    // Every passage once: a hole would be a passage no shard holds.
    for (let i = 0; i < docs.length; i++) if (docs[i] === undefined) return undefined;
    return { shards, docs, planCount: json.planCount, distinct: json.distinct, options };
  } catch {
    return undefined;
  }
}
