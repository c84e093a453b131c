import { foldCase } from '../text/index.js';
import { agencyHead, splitAgencies } from './agency.js';
import { LEAD_IN } from './agency-extent.js';
import { findDeadlineInText } from './deadline.js';
import { GOAL_OPENING } from './lexicon.js';
import type { AgencyRef, BodyDuty, Section } from './schema.js';

type Owner = { raw: string; refs: AgencyRef[] };

function ownerOf(text: string, isTitle: boolean): Owner | null {
  const raw = agencyHead(text, isTitle);
  const refs = raw ? splitAgencies(raw) : [];
  return raw && refs.length ? { raw, refs } : null;
}

const ownAgency = (s: Section): Owner | null =>
  ownerOf(s.title, true) ?? (s.title ? null : ownerOf(s.text.split('\n')[0] ?? '', false));

/**
 * Whether a text only states a goal or a target ("Mục tiêu: 100% cơ quan có kế hoạch", "Tỷ lệ ... đạt 60%"), after the
 * agency it may open with: that is no duty, even under an agency's heading.
 */
function isGoalOnly(text: string, who: Owner): boolean {
  const opening = text.trimStart().replace(LEAD_IN, '');
  const rest = opening.startsWith(who.raw) ? opening.slice(who.raw.length) : opening;
  return GOAL_OPENING.test(foldCase(rest.replace(/^[\s,:;.\-–]+/u, '')));
}

/** "phối hợp với Sở Tư pháp, Văn phòng UBND tỉnh ..." in a duty's text: the agencies after it. */
const COORDINATE = /(?:^|[\s,;(])phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+/giu;

/** The agencies a duty's text asks to take part ("phối hợp với ..."), other than its own. */
function coordinatorsOf(text: string, own: readonly AgencyRef[]): { raw: string; refs: AgencyRef[] } {
  const raws = [...text.matchAll(COORDINATE)].flatMap((m) => agencyHead(text.slice(m.index + m[0].length), false) ?? []);
  const refs = raws
    .flatMap((raw) => splitAgencies(raw))
    .filter((a, i, all) => !own.some((o) => o.name === a.name) && all.findIndex((b) => b.name === a.name) === i);
  return { raw: raws.join('; '), refs };
}

/** Paragraphs straight under a top heading ("IV.") that open with an agency ("UBND xã chủ động bố trí kinh phí ..."). */
const topParagraphs = (s: Section) =>
  s.text.split('\n').flatMap((text) => {
    const who = ownerOf(text, false);
    return who ? [{ who, text }] : [];
  });

/**
 * Work the body assigns: every section under (or opening with) an agency, e.g. "b) Sở Tư pháp:" and its text,
 * "1. Phòng Văn hóa - Xã hội" and each bullet under it, "2. Văn phòng HĐND&UBND xã phối hợp với ...", but not a
 * text that only states a goal (`isGoalOnly`). Also returns the agency in charge of each section path (for reporting
 * dates).
 */
export function readDuties(plan: string, sections: readonly Section[], year?: number): { duties: BodyDuty[]; owners: Map<string, AgencyRef[]> } {
  const owner = new Map<string, Owner>();
  const duties: BodyDuty[] = [];
  const add = (who: Owner, text: string, s: Section) => {
    if (isGoalOnly(text, who)) return;
    const coordinators = coordinatorsOf(text, who.refs);
    duties.push({
      plan,
      agency: who.refs,
      agencyRaw: who.raw,
      coordinators: coordinators.refs,
      coordinatorsRaw: coordinators.raw,
      text,
      section: s.path,
      deadline: findDeadlineInText(text, year),
      line: s.line,
    });
  };
  for (const s of sections) {
    // A top heading is a part of the plan ("IV. TỔ CHỨC THỰC HIỆN"), unless it names an agency ("2.1. Văn phòng ...").
    const who = ownAgency(s) ?? (s.parent === null ? undefined : owner.get(s.parent));
    if (s.parent === null && !(who && s.title)) {
      for (const p of topParagraphs(s)) add(p.who, p.text, s);
      continue;
    }
    if (!who) continue;
    owner.set(s.path, who);
    if (s.text) add(who, s.text, s);
  }
  return { duties, owners: new Map([...owner].map(([path, o]) => [path, o.refs])) };
}
