import type { InviteError, InviteRecord, InviteStore, Result, UserRecord } from '../tasks/index.js';
import type { Db } from './sqlite.js';
import { toUser, type UserRow } from './user-repo.js';
import { promised } from './promised.js';

/** An `invites` row as either store reads it (times as ISO text in SQLite, Dates in PostgreSQL). */
export type InviteRow = {
  code: string;
  plan: string | null;
  unit: string | null;
  role: InviteRecord['role'];
  created_at: string | Date;
  expires_at: string | Date;
  used_at: string | Date | null;
  used_by: string | null;
};

/** Maps an `invites` row (of either store) to the domain record. */
export const toInvite = (r: InviteRow): InviteRecord => ({
  code: r.code,
  plan: r.plan,
  unit: r.unit,
  role: r.role,
  createdAt: new Date(r.created_at),
  expiresAt: new Date(r.expires_at),
  usedAt: r.used_at === null ? null : new Date(r.used_at),
  usedBy: r.used_by,
});

/** The invite when it may be redeemed at `now`, else why not (shared by both stores). */
export function checkInvite(invite: InviteRecord | undefined, now: Date): Result<InviteRecord, InviteError> {
  if (!invite) return { ok: false, error: { code: 'invite_unknown' } };
  if (invite.usedAt) return { ok: false, error: { code: 'invite_used' } };
  if (invite.expiresAt <= now) return { ok: false, error: { code: 'invite_expired', expiresAt: invite.expiresAt } };
  return { ok: true, value: invite };
}

/** One-time invite codes; redeeming one registers its user in the same transaction. */
export function createInviteRepo(db: Db) {
  const insert = db.prepare(
    `INSERT INTO invites (code, plan, unit, role, created_at, expires_at, used_at, used_by)
     VALUES (@code, @plan, @unit, @role, @createdAt, @expiresAt, NULL, NULL)`,
  );
  const byCode = db.prepare<[string], InviteRow>('SELECT * FROM invites WHERE code = ?');
  const upsertUser = db.prepare(
    `INSERT INTO users (key, name, role, plan, unit, active, created_at) VALUES (@key, @name, @role, @plan, @unit, 1, @now)
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, role = excluded.role, plan = excluded.plan, unit = excluded.unit, active = 1`,
  );
  const markUsed = db.prepare('UPDATE invites SET used_at = ?, used_by = ? WHERE code = ? AND used_at IS NULL');
  const userByKey = db.prepare<[string], UserRow>('SELECT * FROM users WHERE key = ?');

  const get = (code: string) => {
    const row = byCode.get(code);
    return row && toInvite(row);
  };

  const redeem = db.transaction(
    (code: string, user: { key: string; name: string }, now: Date): Result<UserRecord, InviteError> => {
      const checked = checkInvite(get(code), now);
      if (!checked.ok) return checked;
      const invite = checked.value;
      upsertUser.run({ ...user, role: invite.role, plan: invite.plan, unit: invite.unit, now: now.toISOString() });
      markUsed.run(now.toISOString(), user.key, code);
      return { ok: true, value: toUser(userByKey.get(user.key)!) };
    },
  );

  return promised<InviteStore>({
    create: (i) => {
      insert.run({ ...i, createdAt: i.createdAt.toISOString(), expiresAt: i.expiresAt.toISOString() });
    },
    get,
    redeem: (code, user, now) => redeem.immediate(code, user, now),
  });
}
