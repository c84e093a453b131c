import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { PlanIntake, PlanUpload } from '../tasks/index.js';
import { fail, ok } from '../tasks/index.js';
import { foldCase } from '../text/index.js';
import { PLAN_FILE_EXTENSIONS, planProblem, readPlanFile } from './plan-source.js';

/** Telegram lets a bot download files up to 20 MB; no plan is near that. */
export const MAX_PLAN_FILE_BYTES = 20 * 1024 * 1024;

/** A plan id from a file name: its stem as a slug (`planIdFor("KH 158 Nhị Chiểu.docx")` → "kh-158-nhi-chieu"). */
export function planIdFor(fileName: string): string {
  const slug = foldCase(basename(fileName, extname(fileName)))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug || 'ke-hoach';
}

/** Whether `id` is a slug a plan may be stored under ("nhi-chieu", "kh-158"). */
export const isPlanId = (id: string): boolean => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id);

const extensionOf = (fileName: string) => extname(fileName).toLowerCase();

/** The plan files of `dir` stored under `id` (any format). */
function filesOf(dir: string, id: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter(
    (n) => PLAN_FILE_EXTENSIONS.includes(extensionOf(n)) && basename(n, extname(n)).toLowerCase() === id,
  );
}

/** Reads bytes that are not in a file yet through a private copy named as sent. */
async function readBytes(fileName: string, content: Buffer, id: string) {
  const dir = mkdtempSync(join(tmpdir(), 'upload-'));
  try {
    const path = join(dir, basename(fileName));
    writeFileSync(path, content);
    const result = await readPlanFile(path, id);
    const named = result.warnings.map((w) => ({ ...w, file: basename(fileName) }));
    return { ...result, warnings: named };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the file under its plan id (written aside, then renamed) and removes the plan's file in another format. */
function writePlanFile(dir: string, upload: PlanUpload): string {
  mkdirSync(dir, { recursive: true });
  const name = `${upload.id}${extensionOf(upload.fileName)}`;
  const part = join(dir, `.${name}.part`);
  writeFileSync(part, upload.content);
  renameSync(part, join(dir, name));
  for (const other of filesOf(dir, upload.id)) if (other !== name) unlinkSync(join(dir, other));
  return join(dir, name);
}

/** Options of {@link createPlanIntake}. */
export type PlanIntakeOptions = {
  /** The plans folder (KNOWLEDGE_DIR). */
  dir: string;
  /** Called with the stored file's path; the store resolves after it (the running assistant reloads here). */
  afterStore?: (path: string) => Promise<void>;
};

/** Reading and storing plan files in the plans folder, for the CLI and the chat (`PlanIntake`). */
export function createPlanIntake(options: PlanIntakeOptions): PlanIntake {
  const { dir } = options;
  const check: PlanIntake['check'] = (fileName, size) => {
    if (!PLAN_FILE_EXTENSIONS.includes(extensionOf(fileName)))
      return { code: 'unknown_type', fileName, extensions: PLAN_FILE_EXTENSIONS };
    return size > MAX_PLAN_FILE_BYTES ? { code: 'too_large', fileName, maxBytes: MAX_PLAN_FILE_BYTES } : null;
  };
  return {
    check,
    async read(fileName, content, id = planIdFor(fileName)) {
      const refused = check(fileName, content.length);
      if (refused) return fail(refused);
      const result = await readBytes(fileName, content, id);
      const { warnings } = result;
      const problem = planProblem(basename(fileName), result);
      if (problem || !result.plan)
        return fail({
          code: 'unreadable',
          fileName,
          reasons: warnings.length > 0 ? warnings : problem ? [problem] : [],
        });
      return ok({ id, fileName, content, plan: result.plan, warnings, replaces: filesOf(dir, id).length > 0 });
    },
    async store(upload, { replace }) {
      if (!replace && filesOf(dir, upload.id).length > 0)
        return fail({ code: 'exists', fileName: upload.fileName, id: upload.id });
      let path: string;
      try {
        path = writePlanFile(dir, upload);
      } catch {
        return fail({ code: 'write_failed', fileName: upload.fileName });
      }
      await options.afterStore?.(path);
      return ok({ ...upload.plan, file: path });
    },
  } satisfies PlanIntake;
}
