import type { PlanFileChange, PlanFileStore } from '../tasks/index.js';
import type { Db } from './sqlite.js';

/** A `plan_files` row without its bytes, as either store reads it (ISO text in SQLite, a Date in PostgreSQL). */
export type PlanFileRow = {
  name: string;
  sha256: string | null;
  size: number;
  version: number;
  changed_at: string | Date;
};

/** The change a row records. */
export const planFileChangeOf = (row: PlanFileRow): PlanFileChange => ({
  name: row.name,
  sha256: row.sha256,
  size: row.size,
  version: row.version,
  changedAt: new Date(row.changed_at),
});

/**
 * Plan files kept in the SQLite store (`satisfies PlanFileStore`). One instance uses a SQLite file, so nothing reads
 * them there today; the table keeps both stores alike (and `store copy` moves it).
 */
export function createPlanFileRepo(db: Db) {
  const next = db.prepare<[], { version: number }>('SELECT COALESCE(MAX(version), 0) + 1 AS version FROM plan_files');
  const upsert = db.prepare<[string, Buffer | null, string | null, number, number, string]>(
    `INSERT INTO plan_files (name, content, sha256, size, version, changed_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET content = excluded.content, sha256 = excluded.sha256, size = excluded.size,
       version = excluded.version, changed_at = excluded.changed_at`,
  );
  const live = db.prepare<[string], { name: string }>(
    'SELECT name FROM plan_files WHERE name = ? AND content IS NOT NULL',
  );
  const since = db.prepare<[number], PlanFileRow>(
    'SELECT name, sha256, size, version, changed_at FROM plan_files WHERE version > ? ORDER BY version',
  );
  const one = db.prepare<[string], { content: Buffer; sha256: string; version: number }>(
    'SELECT content, sha256, version FROM plan_files WHERE name = ? AND content IS NOT NULL',
  );
  const write = db.transaction((name: string, content: Buffer | null, sha256: string | null, now: Date) => {
    if (content === null && !live.get(name)) return null;
    const { version } = next.get()!;
    upsert.run(name, content, sha256, content?.length ?? 0, version, now.toISOString());
    return version;
  });
  return {
    put: async (name, content, sha256, now) => write.immediate(name, content, sha256, now)!,
    remove: async (name, now) => write.immediate(name, null, null, now),
    changesSince: async (version) => since.all(version).map(planFileChangeOf),
    read: async (name) => one.get(name),
  } satisfies PlanFileStore;
}
