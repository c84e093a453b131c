import type { Plan, ReadWarning } from '../knowledge/index.js';
import type { Result } from './result.js';

/** A plan file read and not yet stored: what the admin is shown before confirming. */
export type PlanUpload = {
  /** The plan id it will be stored under (its file stem made a slug: "KH 158 Nhị Chiểu.docx" → "kh-158-nhi-chieu"). */
  id: string;
  fileName: string;
  content: Buffer;
  plan: Plan;
  /** Every warning met while reading, naming the file as sent. */
  warnings: ReadWarning[];
  /** True when a plan with this id is in the folder already: storing replaces it (a new version). */
  replaces: boolean;
  /** Set when the file is an appendix (.xlsx) of plan `id` of the folder, stored beside it (`plan` is read with it). */
  appendix?: boolean;
};

/** Why a plan file is not taken. */
export type PlanUploadError =
  | { code: 'unknown_type'; fileName: string; extensions: readonly string[] }
  | { code: 'too_large'; fileName: string; maxBytes: number }
  | { code: 'download_failed'; fileName: string }
  | { code: 'unreadable'; fileName: string; reasons: ReadWarning[] }
  | { code: 'exists'; fileName: string; id: string }
  | { code: 'appendix_unmatched'; fileName: string; plans: Array<{ id: string; number: string | null }> }
  | { code: 'write_failed'; fileName: string };

/** Reading and storing plan files, implemented outside the core (files, the reader of every format, the reload). */
export type PlanIntake = {
  /** Whether a file of this name and size may be a plan, before it is fetched (`unknown_type`, `too_large`), or null. */
  check(fileName: string, size: number): PlanUploadError | null;
  /** Reads a file without storing it (checked first); `unreadable` with the reasons when it gives no plan to serve. */
  read(fileName: string, content: Buffer, id?: string): Promise<Result<PlanUpload, PlanUploadError>>;
  /** Stores a read file in the plans folder (replacing only when `replace`) and resolves once it is live. */
  store(upload: PlanUpload, options: { replace: boolean }): Promise<Result<Plan, PlanUploadError>>;
};
