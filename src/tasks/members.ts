import { agencyKey, findAgencies, normalizeAgency, type Plan, type Task } from '../knowledge/index.js';
import { expandTokens, foldCase, tokenize } from '../text/index.js';
import { COLLECTIVE_WORDS, GROUP_LEVELS } from './lexicon.js';
import type { MemberUnit, UserRecord } from './ports.js';
import { fail, ok, type Result } from './result.js';

/** The declared members of a plan's groups: group canonical name → member canonical names, in the order declared. */
export type UnitMembers = ReadonlyMap<string, readonly string[]>;

/** No group has declared members: every group is one unit. */
export const NO_MEMBERS: UnitMembers = new Map();

const GROUP_LEVEL = new RegExp(`(?:^| )cap (?:${GROUP_LEVELS.join('|')})(?: |$)`);

/** Whether an agency name is a group of units: "Các phòng, đơn vị", "UBND các xã, phường", "UBND cấp xã". */
export function isGroupName(name: string): boolean {
  const folded = foldCase(name);
  return folded.split(/[\s,]+/).some((w) => COLLECTIVE_WORDS.includes(w)) || GROUP_LEVEL.test(folded);
}

/** The groups a plan names, in the order of its agencies. */
export const planGroups = (plan: Pick<Plan, 'agencies'>): string[] => plan.agencies.filter(isGroupName);

/** The members of one plan's groups from the stored rows (rows of other plans are left out). */
export function membersByGroup(rows: readonly MemberUnit[], plan: string): UnitMembers {
  const out = new Map<string, string[]>();
  for (const r of rows) if (r.plan === plan) out.set(r.group, [...(out.get(r.group) ?? []), r.name]);
  return out;
}

/** Why a typed group or unit names none of the plan's. */
export type UnitLookupError = { code: 'unknown_group' | 'unknown_unit'; typed: string; closest: string[] };

const CLOSEST = 3;

/**
 * The name of `names` that `typed` spells, as agencies are matched (any case, diacritics, abbreviations:
 * "ubnd xa tan chi" is "UBND xã Tân Chi"), or an error with the closest ones.
 */
export function findName(
  names: readonly string[],
  typed: string,
  code: UnitLookupError['code'],
): Result<string, UnitLookupError> {
  if (names.includes(typed)) return ok(typed);
  // The spelling as typed too: "… các xã phường" must not lose its last word to the locality rule.
  const keys = [agencyKey(typed), expandTokens(tokenize(typed)).join(' ')];
  const found = names.find((n) => keys.includes(agencyKey(n)));
  if (found !== undefined) return ok(found);
  return fail({ code, typed, closest: findAgencies({ agencies: names }, typed).slice(0, CLOSEST) });
}

/** The group of `plan` a typed name means: `findGroup(hue, "ubnd cac xa phuong")` → "UBND các xã, phường". */
export const findGroup = (plan: Pick<Plan, 'agencies'>, typed: string): Result<string, UnitLookupError> =>
  findName(planGroups(plan), typed, 'unknown_group');

/**
 * The unit of `plan` a typed name means, for registering an officer: an agency the plan names, or a declared member
 * of one of its groups (`findUnit(hue, members, "ubnd xa tan chi")` → "UBND xã Tân Chi").
 */
export function findUnit(
  plan: Pick<Plan, 'agencies'>,
  members: UnitMembers,
  typed: string,
): Result<string, UnitLookupError> {
  const declared = planGroups(plan).flatMap((g) => members.get(g) ?? []);
  return findName([...new Set([...plan.agencies, ...declared])], typed, 'unknown_unit');
}

/** Canonical member names from what an admin typed, blanks and repeats (in any spelling) dropped. */
export function memberNames(typed: readonly string[]): string[] {
  const byKey = new Map<string, string>();
  for (const t of typed) {
    const name = normalizeAgency(t.trim());
    if (name && !byKey.has(agencyKey(name))) byKey.set(agencyKey(name), name);
  }
  return [...byKey.values()];
}

/**
 * The units that each report their own share of a task: its lead agencies, a group with declared members spelt out
 * into them. Null when no lead group has members: the task is then tracked as one, as before member units existed.
 */
export function sharesOf(task: Task, members: UnitMembers): string[] | null {
  if (!task.lead.some((a) => (members.get(a.name)?.length ?? 0) > 0)) return null;
  return [...new Set(task.lead.flatMap((a) => members.get(a.name) ?? [a.name]))];
}

/** Whether `unit` belongs to the agency `name`: it is that agency, a declared member of it, or it is an undeclared group. */
export function belongsTo(unit: string, name: string, members: UnitMembers): 'named' | 'member' | 'group' | null {
  if (unit === name) return 'named';
  const declared = members.get(name);
  if (declared && declared.length > 0) return declared.includes(unit) ? 'member' : null;
  return isGroupName(name) ? 'group' : null;
}

/**
 * Whose share of `task` an update by `user` reports: the officer's own unit when it is one of the task's shares,
 * else the undeclared group of its lead the officer belongs to; null for a task tracked as one, and for leaders and
 * admins (their update speaks for the whole task).
 */
export function shareOf(user: UserRecord, task: Task, members: UnitMembers): string | null {
  const shares = sharesOf(task, members);
  if (shares === null || user.role !== 'officer' || user.unit === null) return null;
  if (shares.includes(user.unit)) return user.unit;
  const unit = user.unit;
  return task.lead.find((a) => belongsTo(unit, a.name, members) === 'group')?.name ?? null;
}
