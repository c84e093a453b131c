import { watch } from 'node:fs';
import { basename, extname } from 'node:path';
import { knowledgeOf, type KnowledgeHolder } from '../chat/index.js';
import type { Plan, ReadWarning } from '../knowledge/index.js';
import type { Log } from '../tasks/index.js';
import type { KnowledgeCache } from './knowledge-cache.js';
import { planProblem, readPlanFolder } from './plan-source.js';

/** A plan file that changed and could not be read: its reasons, and the id whose old version still serves, if any. */
export type ReloadProblem = { fileName: string; reasons: ReadWarning[]; keptOld: string | null };

/** Options of {@link createPlanReloader}. */
export type PlanReloaderOptions = {
  /** The plans folder (KNOWLEDGE_DIR). */
  dir: string;
  /** Swapped with the plans read; a message already being answered keeps the plans it started with. */
  knowledge: KnowledgeHolder;
  log: Log;
  /** Told about each changed file that could not be read (main sends it to the admins). */
  report?: (problem: ReloadProblem) => Promise<void>;
  /**
   * Called with both versions when a plan that was serving is read again; returns the plan to serve (main records
   * a new version there and tells people what changed). Default: the new reading as it is.
   */
  revise?: (before: Plan, after: Plan) => Promise<Plan>;
  /** How long the folder must be quiet before a burst of file events is read; default 500 ms. */
  debounceMs?: number;
  /** The start-up cache: only the files that changed are read again, and the index is kept. Default none. */
  cache?: KnowledgeCache;
  /** The reading keys of the plans serving now (`loadKnowledge`'s `keys`), for the index's key. Default none. */
  keys?: ReadonlyMap<string, string>;
};

export type PlanReloader = {
  /**
   * Reads the folder again and swaps the plans in: a file that reads badly leaves its old version serving, a removed
   * file's plan goes. Problems are reported for `changed` file names (all files when not given). Reloads run one at a time.
   */
  reload(changed?: readonly string[]): Promise<void>;
  /** Watches the folder and reloads after changes (debounced); returns the function that stops watching. */
  watch(): () => void;
};

const stemOf = (name: string) => basename(name, extname(name));
/** Editors' and our own temporary files ("~$plan.docx", ".plan.md.part", ".plan.md.swp"). */
const isTemporary = (name: string) => /^(\.|~\$)/.test(name);

/** The files that gave warnings and no plan to serve, by file name, with the warnings as reasons. */
function badFiles(plans: readonly Plan[], warnings: readonly ReadWarning[]): Map<string, ReadWarning[]> {
  const bad = new Map<string, ReadWarning[]>();
  for (const w of warnings) {
    const name = basename(w.file);
    const plan = plans.find((p) => basename(p.file) === name);
    if (plan && planProblem(name, { plan, warnings: [] }) === null) continue;
    bad.set(name, [...(bad.get(name) ?? []), { ...w, file: name }]);
  }
  return bad;
}

/** Reloads the plans of a folder into the knowledge holder when its files change. */
export function createPlanReloader(options: PlanReloaderOptions): PlanReloader {
  const { dir, knowledge, log, cache } = options;
  let queue: Promise<void> = Promise.resolve();
  let servedKeys: ReadonlyMap<string, string> = options.keys ?? new Map();

  async function readAndSwap(changed: readonly string[] | undefined): Promise<void> {
    const { plans, warnings, keys } = await readPlanFolder(dir, cache?.plans);
    const bad = badFiles(plans, warnings);
    const next = new Map(plans.filter((p) => !bad.has(basename(p.file))).map((p) => [p.id, p]));
    const before = new Map(knowledge.current().plans.map((p) => [p.id, p]));
    const problems: ReloadProblem[] = [];
    for (const [fileName, reasons] of bad) {
      const old = before.get(stemOf(fileName));
      if (old && !next.has(old.id)) next.set(old.id, old);
      if (!changed || changed.includes(fileName)) problems.push({ fileName, reasons, keptOld: old ? old.id : null });
    }
    const revise = options.revise ?? (async (_: Plan, after: Plan) => after);
    const serving: Plan[] = [];
    for (const p of next.values()) {
      const old = before.get(p.id);
      serving.push(old && old !== p ? await revise(old, p) : p);
    }
    serving.sort((a, b) => a.id.localeCompare(b.id));
    // A plan whose file read badly keeps serving its old version, under the old reading's key.
    const served = new Map<string, string>();
    for (const p of serving) {
      const key = keys.get(p.id) ?? servedKeys.get(p.id);
      if (key) served.set(p.id, key);
    }
    servedKeys = served;
    knowledge.swap(cache ? await cache.knowledgeOf(serving, servedKeys) : knowledgeOf(serving));
    log('info', 'knowledge: plans reloaded', { plans: serving.map((p) => p.id), changed });
    for (const problem of problems) {
      log('warn', 'knowledge: a changed plan file could not be read', { ...problem });
      await options.report?.(problem).catch((err: unknown) => log('error', 'knowledge: reporting failed', { err }));
    }
  }

  const reload: PlanReloader['reload'] = (changed) => {
    queue = queue
      .then(() => readAndSwap(changed))
      .catch((err: unknown) => log('error', 'knowledge: reload failed', { err }));
    return queue;
  };

  return {
    reload,
    watch() {
      const pending = new Set<string>();
      let timer: NodeJS.Timeout | undefined;
      const watcher = watch(dir, (_event, name) => {
        if (!name || isTemporary(name)) return;
        pending.add(name);
        clearTimeout(timer);
        timer = setTimeout(() => {
          const changed = [...pending];
          pending.clear();
          void reload(changed);
        }, options.debounceMs ?? 500);
      });
      watcher.on('error', (err) => log('error', 'knowledge: watching the plans folder failed', { err, dir }));
      return () => {
        clearTimeout(timer);
        watcher.close();
      };
    },
  };
}
