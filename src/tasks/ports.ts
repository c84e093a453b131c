/**
 * What the progress domain needs from the outside world. Declared here, implemented in `store/`
 * (checked there with `satisfies`), faked nowhere: tests use the real SQLite store in a temp folder.
 */
import { z } from 'zod';
import { progressStatusSchema, roleSchema } from './status.js';
import type { Result } from './result.js';

/** One appended row of a task's history. A reversal has `reverts` set and no status or note. */
export const updateRecordSchema = z.object({
  id: z.number().int().positive(),
  plan: z.string(),
  /** Task number as the plan writes it ("4"). */
  task: z.string(),
  /** The tracking year: "" for one-off tasks; the year ("2026") for recurring ones (stored as column `period`). */
  trackingYear: z.string(),
  status: progressStatusSchema.nullable(),
  percent: z.number().int().min(0).max(100).nullable(),
  note: z.string(),
  userKey: z.string(),
  userName: z.string(),
  channel: z.string(),
  messageId: z.string(),
  createdAt: z.date(),
  /** Id of the update this row reverses (from `/hoantac`). */
  reverts: z.number().int().positive().nullable(),
  /**
   * The member unit whose share of a group's task this row reports ("UBND xã Tân Chi"); null for the task as a whole
   * (every row written before member units existed, and every task not tracked per member).
   */
  unit: z.string().nullable(),
});
export type UpdateRecord = z.infer<typeof updateRecordSchema>;
/** A row to append; `unit` defaults to null (the task as a whole). */
export type NewUpdate = Omit<UpdateRecord, 'id' | 'unit'> & { unit?: string | null };

export const userRecordSchema = z.object({
  /** Channel-qualified id: `tg:<id>`, `zl:<id>`, `cli:<id>`. */
  key: z.string(),
  name: z.string(),
  role: roleSchema,
  /** Plan id the user works on (null only for an admin invited without one). */
  plan: z.string().nullable(),
  /** Canonical unit name (officers only). */
  unit: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.date(),
});
export type UserRecord = z.infer<typeof userRecordSchema>;

export const inviteRecordSchema = z.object({
  code: z.string(),
  plan: z.string().nullable(),
  unit: z.string().nullable(),
  role: roleSchema,
  createdAt: z.date(),
  expiresAt: z.date(),
  usedAt: z.date().nullable(),
  usedBy: z.string().nullable(),
});
export type InviteRecord = z.infer<typeof inviteRecordSchema>;

/** Append-only progress history. */
export type ProgressStore = {
  /** Appends in one committed transaction; the same (channel, messageId) is refused as a duplicate. */
  append(update: NewUpdate): Promise<Result<UpdateRecord, { code: 'duplicate_delivery'; existing: UpdateRecord }>>;
  /** The row a delivery produced, if any. */
  findByDelivery(channel: string, messageId: string): Promise<UpdateRecord | undefined>;
  /** Every row of one task (all tracking years), oldest first. */
  listForTask(plan: string, task: string): Promise<UpdateRecord[]>;
  /** Every row of a plan, oldest first. */
  listForPlan(plan: string): Promise<UpdateRecord[]>;
  /** Every row created at or after `since`, oldest first. */
  listSince(since: Date): Promise<UpdateRecord[]>;
  /** Every row written by one user, newest first. */
  listByUser(userKey: string, limit: number): Promise<UpdateRecord[]>;
};

export type UserStore = {
  get(key: string): Promise<UserRecord | undefined>;
  list(): Promise<UserRecord[]>;
  /** Sets `active` to false; false when no such user. */
  deactivate(key: string): Promise<boolean>;
};

/** Why an invite code cannot be used. */
export type InviteError =
  { code: 'invite_unknown' } | { code: 'invite_used' } | { code: 'invite_expired'; expiresAt: Date };

export type InviteStore = {
  create(invite: InviteRecord): Promise<void>;
  get(code: string): Promise<InviteRecord | undefined>;
  /** Marks the invite used and registers (or re-registers) the user, in one transaction. */
  redeem(code: string, user: { key: string; name: string }, now: Date): Promise<Result<UserRecord, InviteError>>;
};

/** Explicit digest choices (`/nhandigest`, `/tatdigest`); leaders get the digest unless they opted out. */
export type SubscriptionStore = {
  set(userKey: string, subscribed: boolean, now: Date): Promise<void>;
  /** true/false when the user chose, null when they never did. */
  get(userKey: string): Promise<boolean | null>;
  /** Every choice made, by user key (a digest run reads them once, not once per recipient). */
  all(): Promise<Map<string, boolean>>;
};

/** The metrics units report numbers for (`/solieu`). */
export type Metric = 'conferences' | 'documents' | 'procedures';

/** One reported figure: e.g. conferences of 2026, field `online`, value 26, reported by one unit. */
export type Figure = {
  plan: string;
  unit: string;
  metric: Metric;
  year: number;
  field: 'total' | 'online';
  value: number;
  reportedAt: Date;
};

/** Figures units report for the targets (`/solieu`), appended; readers keep each unit's latest value. */
export type FiguresStore = {
  add(figures: Figure[], userKey: string): Promise<void>;
  listForPlan(plan: string): Promise<Figure[]>;
};

/** One declared member of a group a plan names: "UBND xã Tân Chi" in "UBND các xã, phường" of plan `hue`. */
export const memberUnitSchema = z.object({
  plan: z.string(),
  /** The group's canonical name, as in the plan's agencies. */
  group: z.string(),
  /** The member's canonical name (what its officers are registered to). */
  name: z.string(),
  addedAt: z.date(),
});
export type MemberUnit = z.infer<typeof memberUnitSchema>;

/** Member units of the groups plans name (`units add|remove`); a group with members is tracked per member. */
export type MemberStore = {
  /** Adds the names not yet members of the group, in one transaction; returns those added, in order. */
  add(plan: string, group: string, names: string[], now: Date): Promise<string[]>;
  /** Removes those of the names that are members; returns those removed. Their progress rows stay. */
  remove(plan: string, group: string, names: string[]): Promise<string[]>;
  /** Every member of every group of a plan, in the order declared. */
  listForPlan(plan: string): Promise<MemberUnit[]>;
};

/** The time, injected so tests choose it. */
export type Clock = { now: () => Date };

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/**
 * The one logging port, `log(level, msg, data)`, as MiniSearch's `logger` option: the core, the channels, the server
 * and the scheduler take it, never pino. `log.ts` adapts the process's pino logger to it (`logPortOf`).
 */
export type Log = (level: LogLevel, msg: string, data?: Record<string, unknown>) => void;
