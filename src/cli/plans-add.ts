import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { createPlanIntake, createPlanShare, isPlanId } from '../app/index.js';
import type { PlanUpload } from '../tasks/index.js';
import { planPreviewText, planUploadErrorText } from '../messages/index.js';
import { openPgStore, redactUrl, type PgStore } from '../store/pg/index.js';
import { databaseUrl, knowledgeDir, parseOptions } from './options.js';

const USAGE = 'usage: npm run cli -- plans add FILE [--id ID] [--replace] [--dry-run] [--knowledge DIR]';

/**
 * `plans add FILE [--id ID] [--replace] [--dry-run]`: reads the file, prints what was read (the preview an admin sees
 * on Telegram), then stores it in the plans folder as `ID.<ext>` (default id: the file stem as a slug). A file that
 * gives no plan is not stored; a plan id already there is replaced only with `--replace`. A running assistant notices
 * the new file and reloads. With `DATABASE_URL` set, the file is also written to the shared database, from which every
 * instance writes it into its own plans folder.
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
  const url = databaseUrl();
  let shared: PgStore | undefined;
  try {
    shared = url ? await openPgStore({ url }) : undefined;
  } catch (err) {
    console.error(`plans add: cannot open the database ${redactUrl(url!)}: ${(err as Error).message}; nothing stored`);
    return 1;
  }
  try {
    return await storeAndShare(dir, read.value, replace, shared);
  } finally {
    await shared?.close();
  }
}

/** Stores the file in the folder and, with a shared database, writes it (and the files it removed) there too; the exit code. */
async function storeAndShare(dir: string, upload: PlanUpload, replace: boolean, shared?: PgStore): Promise<number> {
  const share = shared && createPlanShare({ dir, files: shared.planFiles, log: () => undefined });
  const notShared: string[] = [];
  const intake = createPlanIntake({
    dir,
    afterStore: async (path, removed) => {
      if (share) notShared.push(...(await share.publish([basename(path), ...removed])));
    },
  });
  const stored = await intake.store(upload, { replace });
  if (!stored.ok) {
    console.error(planUploadErrorText(stored.error));
    return 1;
  }
  console.log(`stored as ${resolve(stored.value.file)}`);
  if (notShared.length === 0) return 0;
  console.error(
    `plans add: ${notShared.join(', ')} could not be written to the shared database; the assistant writes it there at its next start`,
  );
  return 1;
}
