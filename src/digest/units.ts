import type { TaskState } from '../tasks/index.js';
import { BUCKETS, bucketOf, type Bucket } from './buckets.js';

/** One unit's tasks per bucket: a line of the digest's and the report's per-unit view, and a bar of the chart. */
export type UnitCounts = { unit: string; counts: Record<Bucket, number> };

const leadsOf = (s: TaskState): string[] =>
  s.task.lead.length > 0 ? s.task.lead.map((a) => a.name) : [s.task.leadRaw || '?'];

/** The parts a group names, folded ("Các phòng, cơ quan, đơn vị" → phòng, cơ quan, đơn vị); null for one unit. */
const groupParts = (name: string): Set<string> | null =>
  /^các\s/iu.test(name)
    ? new Set(
        name
          .replace(/^các\s+/iu, '')
          .split(/\s*(?:,|\svà\s)\s*/u)
          .map((p) => p.trim().toLowerCase())
          .filter(Boolean),
      )
    : null;

/**
 * One name per group however a plan spells it: a group whose parts all belong to a wider group of the same plan
 * ("Các phòng, đơn vị" within "Các phòng, cơ quan, đơn vị") is counted under the wider one.
 */
function groupNames(names: Iterable<string>): (name: string) => string {
  const groups = [...new Set(names)].flatMap((n) => {
    const parts = groupParts(n);
    return parts ? [{ name: n, parts }] : [];
  });
  return (name: string) => {
    const parts = groupParts(name);
    if (!parts) return name;
    const wider = groups.filter((g) => g.parts.size > parts.size && [...parts].every((p) => g.parts.has(p)));
    return wider.sort((a, b) => b.parts.size - a.parts.size)[0]?.name ?? name;
  };
}

/** Units needing a push first: most overdue, then most without a report, then least done, least in progress. */
function pushFirst(a: UnitCounts, b: UnitCounts): number {
  const [x, y] = [a.counts, b.counts];
  return (
    y.overdue - x.overdue ||
    y.no_report - x.no_report ||
    x.done - y.done ||
    x.in_progress - y.in_progress ||
    a.unit.localeCompare(b.unit, 'vi')
  );
}

/** Each unit's part of a task: the state of its share for a task tracked per member, else the task's state. */
function unitStates(s: TaskState, nameOf: (name: string) => string): [string, TaskState][] {
  if (s.shares !== null) return s.shares.map((sh) => [sh.unit, sh.state]);
  return [...new Set(leadsOf(s).map(nameOf))].map((unit) => [unit, s]);
}

/**
 * Tasks per unit and bucket, the units that need a push first: a task with two lead units counts for each; a task
 * led by a group with declared members counts for each member by the state of its own share; a group without
 * members is one unit. The one per-unit derivation the digest, the report, the chart and the dashboard show.
 */
export function countByUnit(states: TaskState[]): UnitCounts[] {
  const byUnit = new Map<string, Record<Bucket, number>>();
  const nameOf = groupNames(states.flatMap(leadsOf));
  for (const s of states) {
    for (const [unit, state] of unitStates(s, nameOf)) {
      const counts = byUnit.get(unit) ?? (Object.fromEntries(BUCKETS.map((b) => [b, 0])) as Record<Bucket, number>);
      counts[bucketOf(state)] += 1;
      byUnit.set(unit, counts);
    }
  }
  return [...byUnit].map(([unit, counts]) => ({ unit, counts })).sort(pushFirst);
}
