import { readFileSync } from 'node:fs';
import type { Plan } from '../../knowledge/index.js';
import { UNDECLARED_GROUP } from '../../messages/index.js';
import {
  findGroup,
  findName,
  memberNames,
  membersByGroup,
  planGroups,
  type MemberStore,
  type UnitLookupError,
} from '../../tasks/index.js';
import { loadPlansReporting } from '../load-knowledge.js';
import { knowledgeDir, parseOptions, PLACE_OPTIONS } from '../options.js';
import { dataSourceOf, withRepositories } from '../with-store.js';

export const summary =
  'member units of the groups a plan names  --plan ID | add|remove --plan ID --group "GROUP" NAME... [--file F]';

const USAGE = [
  'usage: npm run cli -- units --plan ID                                      the groups of a plan and their members',
  '       npm run cli -- units add --plan ID --group "GROUP" NAME... [--file members.txt]   (one name a line)',
  '       npm run cli -- units remove --plan ID --group "GROUP" NAME... [--file members.txt]',
  '       [--db FILE] [--knowledge DIR]',
].join('\n');
const OPTIONS = {
  plan: { type: 'string' },
  group: { type: 'string' },
  file: { type: 'string' },
  ...PLACE_OPTIONS,
} as const;

const quoted = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** One line naming what was typed and the closest names, or every name there is to choose from. */
function lookupError(e: UnitLookupError, plan: string, among: readonly string[]): string {
  const what = e.code === 'unknown_group' ? 'group' : 'member';
  const hint = e.closest.length > 0 ? `closest: ${quoted(e.closest)}` : `${what}s: ${quoted(among) || 'none'}`;
  return `units: unknown ${what} "${e.typed}" in plan ${plan}; ${hint}`;
}

/** The names on the command line and in `--file` (one a line; blank lines and lines starting with # skipped). */
function typedNames(positionals: string[], file: string | undefined): string[] | { error: string } {
  if (file === undefined) return positionals;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return { error: `units: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.trim());
  return [...positionals, ...lines.filter((l) => l !== '' && !l.startsWith('#'))];
}

async function list(plan: Plan, members: MemberStore): Promise<number> {
  const byGroup = membersByGroup(await members.listForPlan(plan.id), plan.id);
  const groups = planGroups(plan);
  if (groups.length === 0) console.log(`plan ${plan.id} names no group of units`);
  for (const g of groups) {
    const names = byGroup.get(g) ?? [];
    if (names.length === 0) console.log(`${g}: ${UNDECLARED_GROUP}`);
    else console.log([`${g} (${names.length})`, ...names.map((n) => `  ${n}`)].join('\n'));
  }
  return 0;
}

async function add(plan: Plan, group: string, typed: string[], members: MemberStore): Promise<number> {
  // A member already declared in another spelling is that member, not a second one.
  const current = membersByGroup(await members.listForPlan(plan.id), plan.id).get(group) ?? [];
  const names = typed.map((n) => {
    const found = findName(current, n, 'unknown_unit');
    return found.ok ? found.value : n;
  });
  const added = await members.add(plan.id, group, names, new Date());
  const already = names.filter((n) => !added.includes(n));
  console.log(`added ${added.length} to "${group}" (${plan.id})${added.length > 0 ? `: ${added.join(', ')}` : ''}`);
  if (already.length > 0) console.log(`already members: ${already.join(', ')}`);
  return 0;
}

async function remove(plan: Plan, group: string, names: string[], members: MemberStore): Promise<number> {
  const current = membersByGroup(await members.listForPlan(plan.id), plan.id).get(group) ?? [];
  const found = names.map((n) => findName(current, n, 'unknown_unit'));
  const removed = await members.remove(
    plan.id,
    group,
    found.flatMap((f) => (f.ok ? [f.value] : [])),
  );
  console.log(
    `removed ${removed.length} from "${group}" (${plan.id})${removed.length > 0 ? `: ${removed.join(', ')}` : ''}`,
  );
  const misses = found.flatMap((f) => (f.ok ? [] : [f.error]));
  const left = current.filter((n) => !removed.includes(n));
  for (const m of misses)
    console.error(lookupError({ ...m, closest: m.closest.filter((c) => left.includes(c)) }, plan.id, left));
  return misses.length > 0 ? 1 : 0;
}

/** `units --plan ID`, `units add|remove --plan ID --group "GROUP" NAME... [--file F]`. */
export async function run(args: string[]): Promise<number> {
  const parsed = parseOptions('units', USAGE, { args, options: OPTIONS, allowPositionals: true });
  if (typeof parsed === 'number') return parsed;
  const { values, positionals } = parsed;
  const [action, ...rest] = positionals;
  if (action !== undefined && action !== 'add' && action !== 'remove') {
    console.error(`units: unknown action '${action}' (add or remove)\n${USAGE}`);
    return 1;
  }
  if (!values.plan) {
    console.error(`units: --plan is required\n${USAGE}`);
    return 1;
  }
  if (action !== undefined && !values.group) {
    console.error(`units: --group is required for ${action}\n${USAGE}`);
    return 1;
  }
  const typed = action === undefined ? [] : typedNames(rest, values.file);
  if ('error' in typed) {
    console.error(typed.error);
    return 1;
  }
  const names = memberNames(typed);
  if (action !== undefined && names.length === 0) {
    console.error(`units: no unit named; give names or --file with one name a line\n${USAGE}`);
    return 1;
  }
  const { plans } = await loadPlansReporting(knowledgeDir(values.knowledge));
  const plan = plans.find((p) => p.id === values.plan);
  if (!plan) {
    console.error(`units: unknown plan "${values.plan}"; plans: ${plans.map((p) => p.id).join(', ') || 'none'}`);
    return 1;
  }
  const group = action === undefined ? null : findGroup(plan, values.group!);
  if (group && !group.ok) {
    console.error(lookupError(group.error, plan.id, planGroups(plan)));
    return 1;
  }
  return withRepositories('units', dataSourceOf(values.db), ({ members }) => {
    if (!group) return list(plan, members);
    return action === 'add' ? add(plan, group.value, names, members) : remove(plan, group.value, names, members);
  });
}
