import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createPlanIntake, isPlanId } from '../app/index.js';
import { planPreviewText, planUploadErrorText } from '../messages/index.js';
import { knowledgeDir, parseOptions } from './options.js';

const USAGE = 'usage: npm run cli -- plans add FILE [--id ID] [--replace] [--dry-run] [--knowledge DIR]';

/**
 * `plans add FILE [--id ID] [--replace] [--dry-run]`: reads the file, prints what was read (the preview an admin sees
 * on Telegram), then stores it in the plans folder as `ID.<ext>` (default id: the file stem as a slug). A file that
 * gives no plan is not stored; a plan id already there is replaced only with `--replace`. A running assistant notices
 * the new file and reloads.
 */
export async function addPlan(args: string[]): Promise<number> {
  const parsed = parseOptions('plans add', USAGE, {
    args,
    allowPositionals: true,
    options: {
      id: { type: 'string' },
      replace: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      knowledge: { type: 'string' },
    },
  });
  if (typeof parsed === 'number') return parsed;
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) {
    console.error(USAGE);
    return 1;
  }
  const { id, replace = false, knowledge } = parsed.values;
  if (id !== undefined && !isPlanId(id)) {
    console.error(`plans add: --id must be lower-case letters, digits and dashes (like "nhi-chieu"), not "${id}"`);
    return 1;
  }
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (err) {
    console.error(`plans add: cannot read ${file}: ${(err as Error).message}`);
    return 1;
  }
  const dir = knowledgeDir(knowledge);
  const intake = createPlanIntake({ dir });
  const read = await intake.read(basename(file), content, id);
  if (!read.ok) {
    console.error(planUploadErrorText(read.error));
    return 1;
  }
  console.log(planPreviewText(read.value));
  if (parsed.values['dry-run']) return 0;
  if (read.value.replaces && !replace) {
    console.error(
      `plans add: plan "${read.value.id}" is in ${dir} already; add --replace to store this as its new version`,
    );
    return 1;
  }
  const stored = await intake.store(read.value, { replace });
  if (!stored.ok) {
    console.error(planUploadErrorText(stored.error));
    return 1;
  }
  console.log(`stored as ${resolve(stored.value.file)}`);
  return 0;
}
