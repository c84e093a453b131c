import { normalizeText } from '../text/index.js';
import { readAppendixTable } from './appendix-table.js';
import type { Plan, ReadWarning } from './schema.js';

/**
 * Reads one plan document (Markdown or text converted from PDF) into a `Plan`, with the problems met.
 */
export function parsePlan(id: string, file: string, text: string): { plan: Plan; warnings: ReadWarning[] } {
  const lines = normalizeText(text).split('\n');
  const table = readAppendixTable(id, file, lines);
  const agencies = [...new Set(table.tasks.flatMap((t) => [...t.lead, ...t.coordinators].map((a) => a.name)))].sort();
  const plan: Plan = {
    id,
    file,
    meta: { number: null, issuer: null, locality: null, date: null, title: '', signer: null, basis: [], recipients: [] },
    sections: [],
    tasks: table.tasks,
    duties: [],
    targets: [],
    meetingRules: [],
    reporting: [],
    agencies,
  };
  return { plan, warnings: table.warnings };
}
