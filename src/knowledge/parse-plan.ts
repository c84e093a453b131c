import { foldCase, normalizeText } from '../text/index.js';
import { readAppendixTable } from './appendix-table.js';
import { taskBlocks, type Block } from './blocks.js';
import { stripMarkup, toDocLines, type DocLine } from './doc-lines.js';
import { readDuties } from './duties.js';
import { htmlTablesToRows } from './html-table.js';
import { readLegalBasis } from './legal-basis.js';
import { readMeetingRules } from './meeting-rules.js';
import { readIssuer, readNumberAndDate, readTitle } from './metadata.js';
import { readReporting } from './reporting.js';
import type { Plan, PlanMeta, ReadWarning } from './schema.js';
import { parseSections } from './sections.js';
import { readRecipients, readSigner } from './signature.js';
import { readNamedLists } from './named-lists.js';
import { readTargets } from './targets.js';

/** Where the body ends: the recipients list or the appendix heading, whichever comes first. */
function bodyEnd(lines: readonly DocLine[]): number {
  const end = lines.findIndex((l) => /^(n|p)/iu.test(l.text) && /^(noi nhan|phu luc)\b/.test(foldCase(l.text)));
  return end < 0 ? lines.length : end;
}

/** Header blocks converted as tables ("ỦY BAN NHÂN DÂN<tab>CỘNG HÒA ...") are read cell by cell. */
const byCell = (lines: readonly DocLine[]) =>
  lines.flatMap((l) =>
    l.text.includes('\t') ? l.text.split('\t').map((c) => ({ text: stripMarkup(c), line: l.line })).filter((c) => c.text) : [l],
  );

function readMeta(docLines: readonly DocLine[]): { meta: PlanMeta; year: number | null } {
  const lines = byCell(docLines);
  const { number, date, year } = readNumberAndDate(lines);
  const { issuer, locality } = readIssuer(lines);
  const meta = {
    number, issuer, locality, date, title: readTitle(lines), signer: readSigner(lines),
    basis: readLegalBasis(lines, number), recipients: readRecipients(lines),
  };
  return { meta, year };
}

/**
 * Reads one plan document (Markdown or text converted from PDF) into a `Plan`, with the problems met.
 */
export function parsePlan(id: string, file: string, text: string): { plan: Plan; warnings: ReadWarning[] } {
  const raw = htmlTablesToRows(normalizeText(text).split('\n'));
  const lines = toDocLines(raw);
  const { meta, year } = readMeta(lines);
  const table = readAppendixTable(id, file, raw, year ?? undefined);
  // A task table may also sit inside the body; its rows are not body text.
  const body = lines.slice(0, bodyEnd(lines)).filter((l) => !table.rowLines.has(l.line) && !l.text.includes('\t'));
  const { sections, blocks } = parseSections(body);
  const { duties, owners } = readDuties(id, sections, year ?? undefined);
  const leads = new Map(table.tasks.map((t) => [t.no, t.lead]));
  const ownersOf = (b: Block) => (b.task !== null ? leads.get(b.task) : b.section !== null ? owners.get(b.section) : undefined) ?? [];
  const all = [...blocks, ...taskBlocks(table.tasks)];
  const named = [...table.tasks.flatMap((t) => [...t.lead, ...t.coordinators]), ...duties.flatMap((d) => [...d.agency, ...d.coordinators])];
  const plan: Plan = {
    id,
    file,
    meta,
    sections,
    tasks: table.tasks,
    duties,
    targets: readTargets(id, all),
    meetingRules: readMeetingRules(id, all),
    reporting: readReporting(id, all, ownersOf),
    namedLists: readNamedLists(id, all, sections),
    agencies: [...new Set(named.map((a) => a.name))].sort((a, b) => a.localeCompare(b, 'vi')),
  };
  return { plan, warnings: table.warnings };
}
