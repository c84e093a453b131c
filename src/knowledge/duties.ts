import { foldCase } from '../text/index.js';
import { splitAgencies, startsWithAgency } from './agency.js';
import { findDeadlineInText } from './deadline.js';
import { DUTY_VERBS } from './lexicon.js';
import type { AgencyRef, BodyDuty, Section } from './schema.js';

const VERB = new RegExp(`(?<=\\s)(?<!cac )(?:${[...DUTY_VERBS].sort((a, b) => b.length - a.length).join('|')})(?=[\\s,.;:]|$)`);
const MAX_AGENCY_LENGTH = 220;

/**
 * The agency a heading or paragraph opens with: "Sở Tư pháp:" → "Sở Tư pháp";
 * "Văn phòng HĐND&UBND xã phối hợp với ..." → "Văn phòng HĐND&UBND xã". Null when it opens otherwise.
 */
export function agencyHead(text: string, isTitle: boolean): string | null {
  if (!startsWithAgency(text)) return null;
  const verb = VERB.exec(foldCase(text))?.index ?? -1;
  const ends = [text.indexOf(':'), text.indexOf('('), verb].filter((i) => i > 0);
  const end = ends.length ? Math.min(...ends) : isTitle ? text.length : -1;
  if (end < 0 || end > MAX_AGENCY_LENGTH) return null;
  const head = text.slice(0, end).replace(/[\s,;:.-]+$/u, '').trim();
  return head || null;
}

type Owner = { raw: string; refs: AgencyRef[] };

function ownAgency(section: Section): Owner | null {
  const raw = agencyHead(section.title, true) ?? (section.title ? null : agencyHead(section.text.split('\n')[0] ?? '', false));
  if (!raw) return null;
  const refs = splitAgencies(raw);
  return refs.length ? { raw, refs } : null;
}

/**
 * Work the body assigns: every section under (or opening with) an agency, e.g. "b) Sở Tư pháp:" and its text,
 * "1. Phòng Văn hóa - Xã hội" and each bullet under it, "2. Văn phòng HĐND&UBND xã phối hợp với ...".
 * Also returns the agency in charge of each section path (for reporting dates).
 */
export function readDuties(plan: string, sections: readonly Section[], year?: number): { duties: BodyDuty[]; owners: Map<string, AgencyRef[]> } {
  const owner = new Map<string, Owner>();
  const duties: BodyDuty[] = [];
  for (const s of sections) {
    const inherited = s.kind === 'roman' || s.parent === null ? undefined : owner.get(s.parent);
    const mine = s.kind === 'roman' ? null : ownAgency(s);
    const who = mine ?? inherited;
    if (!who) continue;
    owner.set(s.path, who);
    if (!s.text) continue;
    const deadline = findDeadlineInText(s.text, year);
    duties.push({ plan, agency: who.refs, agencyRaw: who.raw, text: s.text, section: s.path, deadline, line: s.line });
  }
  return { duties, owners: new Map([...owner].map(([path, o]) => [path, o.refs])) };
}
