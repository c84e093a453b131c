/**
 * Plan files as offices send them (.md/.txt today; .docx, .pdf, .xlsx appendices and scans as their readers land):
 * each format is extracted to the plan text the knowledge reader parses, so every format shares one reading path.
 * Outer layer: it uses the file system, libraries and child processes; the core never imports it.
 */

export type { PlanFileResult, ReadPlanOptions } from './read-plan-file.js';

/**
 * Reads one plan file of any supported format: `await readPlanFile("knowledge/KH-158.pdf")` → `{ plan, warnings }`;
 * no plan (and a warning naming the file and what to do) when the file cannot be read.
 */
export { readPlanFile } from './read-plan-file.js';

/**
 * The plan an appendix (.xlsx) belongs to: the one whose number its title names ("Kèm theo Kế hoạch số 158/KH-UBND"),
 * else the one whose file stem begins its name; `await findAppendixPlan("nhi-chieu-phu-luc.xlsx", plans)`.
 */
export { findAppendixPlan } from './appendix-match.js';

/** File name endings read as plans: `PLAN_FILE_EXTENSIONS.includes(".pdf")`. */
export { PLAN_FILE_EXTENSIONS } from './formats.js';

/** Whether a file is an appendix of a plan, not a plan (an Excel sheet): `isAppendixFile("phu-luc.xlsx")`. */
export { isAppendixFile } from './formats.js';

/** The plan id a file gets: its stem (`planIdOf("knowledge/hue.docx")` → "hue"). */
export { planIdOf } from './read-plan-file.js';

/**
 * Reads every plan file of a folder: `await loadKnowledge("knowledge", { cache })` → `{ plans, warnings, keys }`; one
 * bad file only adds warnings; with a cache only the files that changed are read.
 */
export { loadKnowledge, type FolderReading, type LoadKnowledgeOptions } from './read-folder.js';

/**
 * What plan files read as, kept on disk between starts under keys of their bytes and the reader's version:
 * `createReadCache("data/troly.db-cache/plans", { log })`; `keyOf(["index", ...])` makes a key of other parts.
 */
export { createReadCache, keyOf, type ReadCache, type ReadCacheLog } from './read-cache.js';
