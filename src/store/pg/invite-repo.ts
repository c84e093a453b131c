import type pg from 'pg';
import type { InviteStore } from '../../tasks/index.js';
import { checkInvite, toInvite, type InviteRow } from '../invite-repo.js';
import { toUser, type UserRow } from '../user-repo.js';
import { inTransaction, type Queryable } from './pool.js';

/** The invite, read (`forUpdate`) locked until the transaction ends so that two redeemers of one code take turns. */
const byCode = async (q: Queryable, code: string, forUpdate = false) => {
  const sql = forUpdate ? 'SELECT * FROM invites WHERE code = $1 FOR UPDATE' : 'SELECT * FROM invites WHERE code = $1';
  const { rows } = await q.query<InviteRow>(sql, [code]);
  return rows[0] && toInvite(rows[0]);
};

/** One-time invite codes in PostgreSQL; redeeming one locks it and registers its user in the same transaction. */
export function createPgInviteRepo(pool: pg.Pool) {
  return {
    create: async (i) => {
      await pool.query(
        `INSERT INTO invites (code, plan, unit, role, created_at, expires_at, used_at, used_by)
         VALUES ($1, $2, $3, $4, $5, $6, NULL, NULL)`,
        [i.code, i.plan, i.unit, i.role, i.createdAt, i.expiresAt],
      );
    },
    get: (code) => byCode(pool, code),
    redeem: (code, user, now) =>
      inTransaction(pool, async (c) => {
        const checked = checkInvite(await byCode(c, code, true), now);
        if (!checked.ok) return checked;
        const { role, plan, unit } = checked.value;
        const { rows } = await c.query<UserRow>(
          `INSERT INTO users (key, name, role, plan, unit, active, created_at) VALUES ($1, $2, $3, $4, $5, TRUE, $6)
           ON CONFLICT (key) DO UPDATE SET name = excluded.name, role = excluded.role, plan = excluded.plan,
             unit = excluded.unit, active = TRUE
           RETURNING *`,
          [user.key, user.name, role, plan, unit, now],
        );
        await c.query('UPDATE invites SET used_at = $1, used_by = $2 WHERE code = $3', [now, user.key, code]);
        return { ok: true as const, value: toUser(rows[0]!) };
      }),
  } satisfies InviteStore;
}
