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

/** File name endings read as plans: `PLAN_FILE_EXTENSIONS.includes(".pdf")`. */
export { PLAN_FILE_EXTENSIONS } from './formats.js';

/** The plan id a file gets: its stem (`planIdOf("knowledge/hue.docx")` → "hue"). */
export { planIdOf } from './read-plan-file.js';

/** Reads every plan file of a folder: `await loadKnowledge("knowledge")` → `{ plans, warnings }`; one bad file only adds warnings. */
export { loadKnowledge } from './read-folder.js';
