import type { MemberStore, MemberUnit } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { promised } from './promised.js';

/** A `member_units` row as either store reads it (`added_at` ISO text in SQLite, a Date in PostgreSQL). */
export type MemberRow = { plan: string; grp: string; name: string; added_at: string | Date };

/** Maps a `member_units` row (of either store) to the domain record. */
export const toMember = (r: MemberRow): MemberUnit => ({
  plan: r.plan,
  group: r.grp,
  name: r.name,
  addedAt: new Date(r.added_at),
});

/** Member units of the groups plans name (`satisfies MemberStore`); names arrive canonical from the domain. */
export function createMemberRepo(db: Db) {
  const insert = db.prepare<[string, string, string, string]>(
    'INSERT INTO member_units (plan, grp, name, added_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const drop = db.prepare<[string, string, string]>('DELETE FROM member_units WHERE plan = ? AND grp = ? AND name = ?');
  const forPlan = db.prepare<[string], MemberRow>('SELECT * FROM member_units WHERE plan = ? ORDER BY rowid');
  const add = db.transaction((plan: string, group: string, names: string[], now: Date) =>
    names.filter((name) => insert.run(plan, group, name, now.toISOString()).changes === 1),
  );
  const remove = db.transaction((plan: string, group: string, names: string[]) =>
    names.filter((name) => drop.run(plan, group, name).changes === 1),
  );
  return promised<MemberStore>({
    add: (plan, group, names, now) => add.immediate(plan, group, names, now),
    remove: (plan, group, names) => remove.immediate(plan, group, names),
    listForPlan: (plan) => forPlan.all(plan).map(toMember),
  });
}
