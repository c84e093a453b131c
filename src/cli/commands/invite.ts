import { randomInt } from 'node:crypto';
import type { Plan } from '../../knowledge/index.js';
import { existsSync } from 'node:fs';
import { findUnit, membersByGroup, NO_MEMBERS, roleSchema, type Role, type UnitMembers } from '../../tasks/index.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir, parseOptions, PLACE_OPTIONS } from '../options.js';
import { dataSourceOf, withRepositories } from '../with-store.js';

export const summary =
  'create a one-time registration code  --plan ID --unit "NAME" --role officer|leader|admin [--expires 7d]';

const USAGE =
  'usage: npm run cli -- invite --plan ID [--unit "NAME"] --role officer|leader|admin [--expires 7d|12h] [--db FILE] [--knowledge DIR]';
const OPTIONS = {
  plan: { type: 'string' },
  unit: { type: 'string' },
  role: { type: 'string' },
  expires: { type: 'string', default: '7d' },
  ...PLACE_OPTIONS,
} as const;
// No 0/O, 1/I/L: codes are read off a screen and typed on a phone.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

const newCode = () => Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');

/** "7d" → 7 days, "12h" → 12 hours, in milliseconds; null when unreadable or zero (a code born expired). */
function parseDuration(text: string): number | null {
  const m = /^0*([1-9]\d{0,3})([dh])$/.exec(text.trim());
  return m ? Number(m[1]) * (m[2] === 'd' ? 86_400_000 : 3_600_000) : null;
}

/**
 * The plan's canonical unit for what the admin typed (an agency the plan names, or a declared member of one of its
 * groups), or an error naming the closest ones.
 */
function resolveUnit(plan: Plan, members: UnitMembers, typed: string): { unit: string } | { error: string } {
  const found = findUnit(plan, members, typed);
  if (found.ok) return { unit: found.value };
  const close = found.error.closest;
  const hint =
    close.length > 0
      ? `closest: ${close.map((c) => `"${c}"`).join(', ')}`
      : `units of this plan: ${plan.agencies.map((c) => `"${c}"`).join(', ')}`;
  return { error: `invite: unknown unit "${typed}" in plan ${plan.id}; ${hint}` };
}

type Target = { plan: string | null; unit: string | null; role: Role };

function checkTarget(
  plans: Plan[],
  members: (plan: string) => UnitMembers,
  v: { plan?: string; unit?: string; role?: string },
): Target | { error: string } {
  const role = roleSchema.safeParse(v.role);
  if (!role.success)
    return {
      error: `invite: --role must be officer, leader or admin${v.role === undefined ? '' : `, got '${v.role}'`}\n${USAGE}`,
    };
  if (!v.plan && role.data !== 'admin') return { error: `invite: --plan is required for ${role.data}\n${USAGE}` };
  const plan = v.plan ? plans.find((p) => p.id === v.plan) : undefined;
  if (v.plan && !plan)
    return { error: `invite: unknown plan "${v.plan}"; plans: ${plans.map((p) => p.id).join(', ')}` };
  if (role.data !== 'officer') {
    if (v.unit !== undefined)
      return {
        error: `invite: --unit is only for an officer; leader and admin codes are not tied to a unit\n${USAGE}`,
      };
    return { plan: plan?.id ?? null, unit: null, role: role.data };
  }
  if (!v.unit) return { error: `invite: --unit is required for an officer\n${USAGE}` };
  const unit = resolveUnit(plan!, members(plan!.id), v.unit);
  return 'error' in unit ? unit : { plan: plan!.id, unit: unit.unit, role: role.data };
}

/** `invite --plan nhi-chieu --unit "Phòng Văn hóa - Xã hội" --role officer [--expires 7d]`: prints the code. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('invite', USAGE, { args, options: OPTIONS });
  if (typeof parsed === 'number') return parsed;
  const { values } = parsed;
  const ttl = parseDuration(values.expires);
  if (ttl === null) {
    console.error(`invite: --expires must look like 7d or 12h (at least 1h), got '${values.expires}'\n${USAGE}`);
    return 1;
  }
  const { plans } = await loadPlansReporting(knowledgeDir(values.knowledge));
  const source = dataSourceOf(values.db);
  // Declared member units live in the database; without one, only the plan's own agencies are units (and a refusal
  // must not create it).
  const first = checkTarget(plans, () => NO_MEMBERS, values);
  if ('error' in first && 'path' in source && !existsSync(source.path)) {
    console.error(first.error);
    return 1;
  }
  return withRepositories('invite', source, async (store) => {
    // Only the named plan's members are needed: a target naming no plan never asks.
    const declared = values.plan
      ? membersByGroup(await store.members.listForPlan(values.plan), values.plan)
      : NO_MEMBERS;
    const target = 'error' in first ? checkTarget(plans, () => declared, values) : first;
    if ('error' in target) {
      console.error(target.error);
      return 1;
    }
    const now = new Date();
    const code = newCode();
    const expiresAt = new Date(now.getTime() + ttl);
    await store.invites.create({ code, ...target, createdAt: now, expiresAt, usedAt: null, usedBy: null });
    console.log(
      `code ${code} (${target.role}${target.unit ? `, ${target.unit}` : ''}${target.plan ? `, ${target.plan}` : ''}), valid until ${expiresAt.toISOString()}`,
    );
    console.log(`the person sends to the bot: /start ${code}`);
    return 0;
  });
}
