import { findAgencies, type Task } from '../../knowledge/index.js';
import { expandTokens, tokenize } from '../../text/index.js';
import type { Context } from './context.js';

/** Whether the question holds enough of the agency's words to name it ("UBND" does not name "Văn phòng UBND"). */
function named(agency: string, asked: ReadonlySet<string>, cover: number): boolean {
  const words = expandTokens(tokenize(agency));
  return words.filter((w) => asked.has(w)).length >= cover * words.length;
}

/**
 * The canonical agencies the question's words name, best first: matched once against every agency
 * any plan names (`holders` then tells which plans name each).
 */
export function agenciesNamed(ctx: Context): string[] {
  if (ctx.q.topic.length === 0) return [];
  // Every word of the question, stop words too: "Sở Tài chính" holds "tài", which is also "tại".
  const asked = new Set(expandTokens(ctx.q.words));
  return findAgencies({ agencies: [...ctx.index.agencies.keys()] }, ctx.q.words.join(' ')).filter((name) =>
    named(name, asked, ctx.index.options.agencyCover),
  );
}

/** The first of `names` that plan `id` names, if any. */
export function agencyIn(ctx: Context, names: readonly string[], id: string): string | undefined {
  return names.find((name) => ctx.index.agencies.get(name)!.has(id));
}

/** Whether the task is the agency's: it leads it, or coordinates it when the question asks about coordinating. */
export function isAgencyTask(task: Task, agency: string, role: 'lead' | 'coordinator' | 'any'): boolean {
  const side = role === 'coordinator' ? task.coordinators : task.lead;
  return side.some((a) => a.name === agency);
}
