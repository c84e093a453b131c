import type { RevisionChange, RevisionStore } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/**
 * What recording `change` as `revision` writes (shared by both stores): the task moves, a retired task's rows first
 * moving to a key of their own (`~v2:7`), then the renumbered ones; and the retired tasks with that key.
 */
export function revisionRows(change: RevisionChange, revision: number) {
  const retired = change.retired.map((t) => ({ ...t, key: `~v${revision}:${t.no}` }));
  const moves = [...retired.map((t) => ({ from: t.no, to: t.key })), ...change.renumbered];
  return { moves, retired };
}

/** Versions of plans: progress rows follow renumbered tasks through `task_moves`; a retired task's rows get a key of their own. */
export function createRevisionRepo(db: Db) {
  const latest = db.prepare<[string], { revision: number | null }>(
    'SELECT MAX(revision) AS revision FROM plan_revisions WHERE plan = ?',
  );
  const lastRow = db.prepare<[], { id: number | null }>('SELECT MAX(id) AS id FROM updates');
  const insert = db.prepare<[string, number, string]>(
    'INSERT INTO plan_revisions (plan, revision, created_at) VALUES (?, ?, ?)',
  );
  const move = db.prepare<[string, number, string, string, number]>(
    'INSERT INTO task_moves (plan, revision, from_task, to_task, up_to_id) VALUES (?, ?, ?, ?, ?)',
  );
  const retire = db.prepare<[string, string, number, string, string, string]>(
    'INSERT INTO retired_tasks (plan, task, revision, content, history_key, retired_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const all = db.prepare<[], { plan: string; revision: number }>(
    'SELECT plan, MAX(revision) AS revision FROM plan_revisions GROUP BY plan',
  );
  const record = db.transaction((plan: string, change: RevisionChange, now: Date, from?: number) => {
    const current = latest.get(plan)?.revision ?? 1;
    if (from !== undefined && from !== current) return null;
    const revision = current + 1;
    const upTo = lastRow.get()?.id ?? 0;
    insert.run(plan, revision, now.toISOString());
    const { moves, retired } = revisionRows(change, revision);
    for (const m of moves) move.run(plan, revision, m.from, m.to, upTo);
    for (const t of retired) retire.run(plan, t.no, revision, t.content, t.key, now.toISOString());
    return revision;
  });
  return promised<RevisionStore>({
    record: (plan, change, now, from) => record.immediate(plan, change, now, from),
    versions: () => new Map(all.all().map((r) => [r.plan, r.revision])),
  });
}
