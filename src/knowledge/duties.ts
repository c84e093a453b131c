import { agencyHead, splitAgencies } from './agency.js';
import { findDeadlineInText } from './deadline.js';
import type { AgencyRef, BodyDuty, Section } from './schema.js';

type Owner = { raw: string; refs: AgencyRef[] };

function ownerOf(text: string, isTitle: boolean): Owner | null {
  const raw = agencyHead(text, isTitle);
  const refs = raw ? splitAgencies(raw) : [];
  return raw && refs.length ? { raw, refs } : null;
}

const ownAgency = (s: Section): Owner | null =>
  ownerOf(s.title, true) ?? (s.title ? null : ownerOf(s.text.split('\n')[0] ?? '', false));

/** Paragraphs straight under a Roman heading that open with an agency ("UBND xã chủ động bố trí kinh phí ..."). */
const romanParagraphs = (s: Section) =>
  s.text.split('\n').flatMap((text) => {
    const who = ownerOf(text, false);
    return who ? [{ who, text }] : [];
  });

/**
 * Work the body assigns: every section under (or opening with) an agency, e.g. "b) Sở Tư pháp:" and its text,
 * "1. Phòng Văn hóa - Xã hội" and each bullet under it, "2. Văn phòng HĐND&UBND xã phối hợp với ...".
 * Also returns the agency in charge of each section path (for reporting dates).
 */
export function readDuties(plan: string, sections: readonly Section[], year?: number): { duties: BodyDuty[]; owners: Map<string, AgencyRef[]> } {
  const owner = new Map<string, Owner>();
  const duties: BodyDuty[] = [];
  const add = (who: Owner, text: string, s: Section) =>
    duties.push({ plan, agency: who.refs, agencyRaw: who.raw, text, section: s.path, deadline: findDeadlineInText(text, year), line: s.line });
  for (const s of sections) {
    if (s.kind === 'roman') {
      for (const p of romanParagraphs(s)) add(p.who, p.text, s);
      continue;
    }
    const who = ownAgency(s) ?? (s.parent === null ? undefined : owner.get(s.parent));
    if (!who) continue;
    owner.set(s.path, who);
    if (s.text) add(who, s.text, s);
  }
  return { duties, owners: new Map([...owner].map(([path, o]) => [path, o.refs])) };
}
