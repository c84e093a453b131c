import type pg from 'pg';
import type { MemberStore } from '../../tasks/index.js';
import { toMember, type MemberRow } from '../member-repo.js';
import { inTransaction } from './pool.js';

/** Member units of the groups plans name, in PostgreSQL (`satisfies MemberStore`), in declared order. */
export function createPgMemberRepo(pool: pg.Pool) {
  return {
    add: (plan, group, names, now) =>
      inTransaction(pool, async (c) => {
        const added: string[] = [];
        for (const name of names) {
          const { rowCount } = await c.query(
            'INSERT INTO member_units (plan, grp, name, added_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
            [plan, group, name, now],
          );
          if (rowCount === 1) added.push(name);
        }
        return added;
      }),
    remove: async (plan, group, names) => {
      const { rows } = await pool.query<{ name: string }>(
        'DELETE FROM member_units WHERE plan = $1 AND grp = $2 AND name = ANY($3) RETURNING name',
        [plan, group, names],
      );
      const removed = new Set(rows.map((r) => r.name));
      return names.filter((n) => removed.has(n));
    },
    listForPlan: async (plan) => {
      const { rows } = await pool.query<MemberRow>(
        'SELECT plan, grp, name, added_at FROM member_units WHERE plan = $1 ORDER BY rowid',
        [plan],
      );
      return rows.map(toMember);
    },
  } satisfies MemberStore;
}
