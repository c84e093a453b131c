import { foldCase } from '../text/index.js';
import { parseDeadline } from './deadline.js';
import type { BodyDuty, Plan, TrackedItem } from './schema.js';

/**
 * The key a reference is matched by: case and diacritics folded, leading zeros of numbers dropped, the reader's
 * duplicate marks ("'") and spaces left out: `refKey("IV.2.đ")` = `refKey("iv.02.d")` = "iv.2.d".
 */
export function refKey(ref: string): string {
  return foldCase(ref)
    .replace(/[\s']/g, '')
    .split('.')
    .map((part) => part.replace(/^0+(?=\d)/, ''))
    .join('.');
}

/** The reference a duty is typed by before collisions are settled: its section path, a paragraph number when its section holds several. */
function candidateRefs(duties: readonly BodyDuty[]): string[] {
  const perSection = new Map<string, number>();
  for (const d of duties) perSection.set(d.section, (perSection.get(d.section) ?? 0) + 1);
  const seen = new Map<string, number>();
  return duties.map((d) => {
    const path = d.section.replace(/'/g, '');
    if (perSection.get(d.section)! === 1) return path;
    const n = (seen.get(d.section) ?? 0) + 1;
    seen.set(d.section, n);
    return `${path}.p${n}`;
  });
}

function dutyItem(plan: string, d: BodyDuty, no: string): TrackedItem {
  return {
    plan,
    no,
    content: d.text.replace(/\s*\n\s*/g, ' '),
    leadRaw: d.agencyRaw,
    lead: d.agency,
    coordinatorsRaw: d.coordinatorsRaw,
    coordinators: d.coordinators,
    product: '',
    deadline: d.deadline ?? parseDeadline(''),
    line: d.line,
    source: 'body',
    section: d.section,
  };
}

function buildItems(plan: Plan): TrackedItem[] {
  const items: TrackedItem[] = plan.tasks.map((t) => ({ ...t, source: 'appendix', section: null }));
  const taken = new Set(items.map((t) => refKey(t.no)));
  const candidates = candidateRefs(plan.duties);
  plan.duties.forEach((d, i) => {
    const base = candidates[i]!;
    let no = base;
    for (let n = 2; taken.has(refKey(no)); n++) no = `${base}-${n}`;
    taken.add(refKey(no));
    items.push(dutyItem(plan.id, d, no));
  });
  return items;
}

type Items = { list: readonly TrackedItem[]; byKey: ReadonlyMap<string, TrackedItem> };
/** Items are derived once per plan read (a plan object is never changed once read). */
const ITEMS = new WeakMap<Plan, Items>();

function itemsOf(plan: Plan): Items {
  let items = ITEMS.get(plan);
  if (!items) {
    const list = buildItems(plan);
    items = { list, byKey: new Map(list.map((t) => [refKey(t.no), t])) };
    ITEMS.set(plan, items);
  }
  return items;
}

/**
 * Everything of a plan that progress is tracked on: its appendix tasks under their numbers ("4"), then every duty its
 * body assigns under the section path the plan numbers it by ("IV.2.b"; "IV.2.b.1" for the first dash item). Rules,
 * applied in this order, so a reference stays the same each time the file is read:
 * - a section holding several duties (paragraphs under a heading, each opening with an agency) numbers them
 *   `<path>.p1`, `<path>.p2`, in order;
 * - a reference already taken (an appendix number, an earlier duty, compared by `refKey`) gets `-2`, `-3`, ... in
 *   document order; appendix numbers are never changed.
 */
export function trackedItems(plan: Plan): readonly TrackedItem[] {
  return itemsOf(plan).list;
}

/** The item a typed reference names, case and diacritics aside: `findTrackedItem(plan, "iv.2.b")`. */
export function findTrackedItem(plan: Plan, ref: string): TrackedItem | undefined {
  return itemsOf(plan).byKey.get(refKey(ref));
}
