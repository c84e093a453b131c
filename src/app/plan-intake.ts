import { mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import type { PlanIntake, PlanUpload } from '../tasks/index.js';
import { fail, ok } from '../tasks/index.js';
import { foldCase } from '../text/index.js';
import type { Plan, ReadWarning } from '../knowledge/index.js';
import {
  findAppendixPlan,
  isAppendixFile,
  PLAN_FILE_EXTENSIONS,
  planProblem,
  readPlanFile,
  readPlanFolder,
  type PlanFileResult,
} from './plan-source.js';

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

/** The warnings of a reading, naming files by their names only, and the private copy `path` by the name it was sent as. */
const named = (warnings: readonly ReadWarning[], path: string, fileName: string): ReadWarning[] =>
  warnings.map((w) => ({ ...w, file: w.file === path ? basename(fileName) : basename(w.file) }));

/** Runs `read` on bytes that are not in a file yet, through a private copy named as sent. */
async function withCopy<T>(fileName: string, content: Buffer, read: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'upload-'));
  try {
    const path = join(dir, basename(fileName));
    writeFileSync(path, content);
    return await read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A plan file as sent, or an appendix read with the plan of the folder it belongs to (`unmatched` when none). */
async function readUpload(
  path: string,
  fileName: string,
  id: string,
  dir: string,
): Promise<{ id: string; result: PlanFileResult; unmatched?: Plan[] }> {
  if (!isAppendixFile(fileName)) return { id, result: await readPlanFile(path, id) };
  const { plans } = await readPlanFolder(dir);
  const { plan, warnings } = await findAppendixPlan(path, plans);
  if (!plan) return { id, result: { warnings }, unmatched: plans };
  return { id: plan.id, result: await readPlanFile(plan.file, plan.id, [path]) };
}

/** Writes a file into the folder under `name`: written aside, then renamed, so a reload never sees half of it. */
function writeAside(dir: string, name: string, content: Buffer): string {
  mkdirSync(dir, { recursive: true });
  const part = join(dir, `.${name}.part`);
  writeFileSync(part, content);
  renameSync(part, join(dir, name));
  return join(dir, name);
}

/** Writes the file under its plan id and removes the plan's file in another format; the path and the names removed. */
function writePlanFile(dir: string, upload: PlanUpload): { path: string; removed: string[] } {
  const name = `${upload.id}${extensionOf(upload.fileName)}`;
  const path = writeAside(dir, name, upload.content);
  const removed = filesOf(dir, upload.id).filter((other) => other !== name);
  for (const other of removed) unlinkSync(join(dir, other));
  return { path, removed };
}

/** An appendix is stored as `<plan id>-phu-luc.xlsx`, so that its name alone ties it to its plan (and replaces the last one sent). */
const appendixName = (id: string) => `${id}-phu-luc.xlsx`;

/** Options of {@link createPlanIntake}. */
export type PlanIntakeOptions = {
  /** The plans folder (KNOWLEDGE_DIR). */
  dir: string;
  /**
   * Called with the stored file's path and the names of the plan's files in another format it removed; the store
   * resolves after it (the running assistant reloads here, and writes them to the store several instances share).
   */
  afterStore?: (path: string, removed: readonly string[]) => Promise<void>;
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
      const read = await withCopy(fileName, content, async (path) => {
        const got = await readUpload(path, fileName, id, dir);
        return { ...got, result: { ...got.result, warnings: named(got.result.warnings, path, fileName) } };
      });
      const { result } = read;
      if (read.unmatched && result.warnings.length === 0) {
        const plans = read.unmatched.map((p) => ({ id: p.id, number: p.meta.number }));
        return fail({ code: 'appendix_unmatched', fileName, plans });
      }
      const problem = planProblem(basename(fileName), result);
      if (problem || !result.plan) {
        const reasons = result.warnings.length > 0 ? result.warnings : problem ? [problem] : [];
        return fail({ code: 'unreadable', fileName, reasons });
      }
      const appendix = isAppendixFile(fileName);
      const replaces = appendix || filesOf(dir, read.id).length > 0;
      const upload = { id: read.id, fileName, content, plan: result.plan, warnings: result.warnings, replaces };
      return ok(appendix ? { ...upload, appendix } : upload);
    },
    async store(upload, { replace }) {
      if (!upload.appendix && !replace && filesOf(dir, upload.id).length > 0)
        return fail({ code: 'exists', fileName: upload.fileName, id: upload.id });
      let written: { path: string; removed: string[] };
      try {
        written = upload.appendix
          ? { path: writeAside(dir, appendixName(upload.id), upload.content), removed: [] }
          : writePlanFile(dir, upload);
      } catch {
        return fail({ code: 'write_failed', fileName: upload.fileName });
      }
      const { path } = written;
      await options.afterStore?.(path, written.removed);
      return ok(upload.appendix ? upload.plan : { ...upload.plan, file: path });
    },
  } satisfies PlanIntake;
}
