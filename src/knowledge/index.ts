/**
 * The plan reader: turns plan documents into structured `Plan`s (tasks, body duties, agencies,
 * deadlines, targets, meeting rules, reporting dates) and answers simple questions about deadlines and agencies.
 */

export * from './schema.js';

/** A reading warning from what it is about: `readWarning("kh.md", 12, { code: "no_lead", subject: "3" })`. */
export { readWarning, type WarningAbout } from './read-warning.js';


/** Reads one plan's text (Markdown, text, or what `ingest` extracts from .docx/.pdf/.xlsx) into a `Plan` plus warnings naming file and line. */
export { parsePlan } from './parse-plan.js';

/** The reader's version: bumped whenever a change can change what a plan file reads as (start-up cache key). */
export { READER_VERSION } from './reader-version.js';

/** Normalizes a deadline: `parseDeadline("Quý IV/2026")` → kind quarter, 2026-10-01..2026-12-31. */
export { parseDeadline } from './deadline.js';

/** Whether a day lies in the deadline's window (`isDeadlineWithin(parseDeadline("Tháng 5/2026"), "2026-05-02")` → true). */
export { isDeadlineWithin } from './deadline.js';

/** Whether the deadline has a due day before `day`: `isDeadlinePast(parseDeadline("Quý II/2026"), "2026-11-28")` → true. */
export { isDeadlinePast } from './deadline.js';

/** Whether the due day lies between two days, both included (what falls due this month or quarter). */
export { isDeadlineDueBetween } from './deadline.js';

/** Canonical agency name: `normalizeAgency("Phòng VHXXH")` → "Phòng Văn hóa - Xã hội". */
export { normalizeAgency } from './agency.js';

/** Matching key of an agency (folded, abbreviations spelt out): same key ⇔ same agency. */
export { agencyKey } from './agency.js';

/** Agencies named in a cell: `splitAgencies("UBND phường; Các phòng, cơ quan, đơn vị")` → 2 refs. */
export { splitAgencies } from './agency.js';

/** A plan's canonical agencies closest to a user's spelling, best first: `findAgencies(plan, "vhxh")`. */
export { findAgencies } from './agency.js';

/** The target subject a question names: `targetSubjectAsked("chi tieu giam hop")` → "conference_reduction". */
export { targetSubjectAsked } from './targets.js';

/** Matches the tasks of two versions of a plan by content and lead (renumbering happens): kept, added, removed, changed. */
export { compareRevisions, type PlanRevision, type TaskMatch } from './revision.js';

/**
 * What progress is tracked on: the appendix tasks, then every body duty under its section reference ("IV.2.b"),
 * unique within the plan and the same at every reading; derived once per plan.
 */
export { trackedItems, findTrackedItem, refKey } from './tracked-items.js';

/** Counts written as words in the names of lists: `NUMBER_WORDS["sáu"]` → 6 (search reads "sau ro" as "6 rõ"). */
export { NUMBER_WORDS } from './lexicon.js';
