import { foldCase } from '../text/index.js';
import type { Plan, Task } from './schema.js';

/** A task of the old version found again in the new one (its number may have changed). */
export type TaskMatch = { before: Task; after: Task };

/** What changed between two versions of a plan. */
export type PlanRevision = {
  /** Tasks in both versions: their progress carries over (to the new number when renumbered). */
  kept: TaskMatch[];
  /** Tasks only the new version has. */
  added: Task[];
  /** Tasks the new version dropped: retired, their history kept. */
  removed: Task[];
  /** Kept tasks whose number changed. */
  renumbered: TaskMatch[];
  /** Kept tasks whose deadline changed (as written). */
  deadlineChanged: TaskMatch[];
  /** Kept tasks whose lead agencies changed. */
  leadChanged: TaskMatch[];
};

const words = (text: string) => new Set(foldCase(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 1));
const leadKey = (t: Task) => t.lead.map((a) => a.name).sort().join('|');

/** Share of words two contents have in common (Jaccard), 0..1. */
function likeness(a: Task, b: Task): number {
  const x = words(a.content);
  const y = words(b.content);
  const shared = [...x].filter((w) => y.has(w)).length;
  return shared / Math.max(1, x.size + y.size - shared);
}

/** Contents this alike are the same task reworded ("Ban hành" → "Xây dựng và ban hành"). */
const SAME_TASK = 0.6;

/**
 * Matches the tasks of two versions of a plan by content and lead, not by number (amendments renumber): first the same
 * content and lead, then the same content, then content alike enough, preferring the same number.
 * `compareRevisions(v1, v2).renumbered` → tasks moved to a new number.
 */
export function compareRevisions(before: Plan, after: Plan): PlanRevision {
  const left = [...before.tasks];
  const right = [...after.tasks];
  const kept: TaskMatch[] = [];
  const take = (accept: (a: Task, b: Task) => boolean) => {
    for (const a of [...left]) {
      const b = right.find((c) => accept(a, c) && c.no === a.no) ?? right.find((c) => accept(a, c));
      if (!b) continue;
      kept.push({ before: a, after: b });
      left.splice(left.indexOf(a), 1);
      right.splice(right.indexOf(b), 1);
    }
  };
  const same = (a: Task, b: Task) => foldCase(a.content) === foldCase(b.content);
  take((a, b) => same(a, b) && leadKey(a) === leadKey(b));
  take(same);
  take((a, b) => likeness(a, b) >= SAME_TASK);
  kept.sort((x, y) => after.tasks.indexOf(x.after) - after.tasks.indexOf(y.after));
  return {
    kept,
    added: right,
    removed: left,
    renumbered: kept.filter((m) => m.before.no !== m.after.no),
    deadlineChanged: kept.filter((m) => m.before.deadline.raw !== m.after.deadline.raw),
    leadChanged: kept.filter((m) => leadKey(m.before) !== leadKey(m.after)),
  };
}
