import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import type { Log, PlanFileChange, PlanFileSignal, PlanFileStore } from '../tasks/index.js';
import { isAppendixFile, PLAN_FILE_EXTENSIONS, planProblem, readPlanFile } from './plan-source.js';

/** How often the store is asked for changes while LISTEN works (a notification sent while reconnecting is lost). */
export const SHARE_POLL_LISTENING_MS = 30_000;
/** How often the store is asked for changes when there is no signal, or the listening connection was lost. */
export const SHARE_POLL_MS = 5_000;

/** Options of {@link createPlanShare}. */
export type PlanShareOptions = {
  /** The plans folder (KNOWLEDGE_DIR). */
  dir: string;
  /** The shared store's plan files. */
  files: PlanFileStore;
  /** Told when another instance changed the files (PostgreSQL's LISTEN); default none (polling only). */
  signal?: PlanFileSignal;
  log: Log;
  /** The clock; default the system's. */
  now?: () => Date;
  /** Told the names of the files written into or removed from the folder (the running assistant reloads them). */
  onChange?: (names: string[]) => Promise<void>;
  /**
   * Whether a file found only in this folder at start (or changed here since the store's version) may be written into
   * the store; default: it reads as a plan (an appendix is read with its plan, so it is taken as it is).
   */
  accept?: (path: string) => Promise<boolean>;
  /** Polling periods (ms); defaults {@link SHARE_POLL_MS} and {@link SHARE_POLL_LISTENING_MS}. */
  pollMs?: number;
  pollListeningMs?: number;
};

/** Plan files kept alike in this instance's plans folder and the store every instance shares. */
export type PlanShare = {
  /**
   * Brings folder and store together, before the folder is read (`onChange` is not told): a file only here (or changed
   * here after the store's last change to it) goes to the store when `accept` takes it; the store's other files that
   * differ are written here, its removals done here. A failure is logged; polling catches up once `follow` runs.
   */
  start(): Promise<void>;
  /** Listens (or polls) for other instances' changes from now on, each written here and told to `onChange`. */
  follow(): Promise<void>;
  /**
   * Writes the folder's files `names` into the store (one no longer in the folder as removed); the names that could not
   * be written, tried again at each poll while the share runs.
   */
  publish(names: readonly string[]): Promise<string[]>;
  /** Writes the store's changes since the last seen into the folder now; the names changed. */
  pull(): Promise<string[]>;
  /** Stops listening and polling (a pull under way finishes). */
  stop(): Promise<void>;
};

const sha256Of = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** A file name the share may write in the folder: a plan file's, no folder, not hidden or temporary ("~$x.docx"). */
export const isShareableName = (name: string): boolean =>
  name === basename(name) &&
  !/[\\/]/.test(name) &&
  !/^(\.|~\$)/.test(name) &&
  PLAN_FILE_EXTENSIONS.includes(extname(name).toLowerCase());

/** The file's hash and modification time, or null when it is not there. */
async function localFile(path: string): Promise<{ sha256: string; mtime: Date } | null> {
  try {
    const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
    return { sha256: sha256Of(bytes), mtime: info.mtime };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Whether a local file reads as a plan worth sharing (an appendix is read with its plan: taken as it is). */
async function readsAsPlan(path: string): Promise<boolean> {
  if (isAppendixFile(basename(path))) return true;
  return planProblem(basename(path), await readPlanFile(path)) === null;
}

/** Keeps this instance's plans folder and the shared store's plan files alike. */
export function createPlanShare(options: PlanShareOptions): PlanShare {
  const { dir, files, signal, log, now = () => new Date(), accept = readsAsPlan } = options;
  let seen = 0;
  let queue: Promise<unknown> = Promise.resolve();
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  let unlisten: (() => Promise<void>) | undefined;
  let stopped = false;
  let pullWaiting = false;

  /** Runs `work` after the share's earlier work: pulls and publishes never overlap. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  async function put(name: string): Promise<void> {
    const path = join(dir, name);
    let bytes: Buffer | undefined;
    try {
      bytes = await readFile(path);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
    if (bytes) await files.put(name, bytes, sha256Of(bytes), now());
    else await files.remove(name, now());
  }

  async function publishNow(names: readonly string[]): Promise<string[]> {
    for (const name of names) {
      try {
        await put(name);
        pending.delete(name);
        log('info', 'plan share: file written to the store', { file: name });
      } catch (err) {
        pending.add(name);
        log('error', 'plan share: writing a file to the store failed; tried again later', { file: name, err });
      }
    }
    return names.filter((n) => pending.has(n));
  }

  /** Writes the stored file as `name`, aside then renamed, dated as the change so it is not taken for a newer local one. */
  async function writeFromStore(change: PlanFileChange): Promise<boolean> {
    const got = await files.read(change.name);
    if (!got) return false; // removed since: its tombstone comes next
    if (sha256Of(got.content) !== got.sha256) {
      log('error', 'plan share: a stored file does not match its hash; not written', { file: change.name });
      return false;
    }
    const part = join(dir, `.${change.name}.part`);
    await writeFile(part, got.content);
    await utimes(part, change.changedAt, change.changedAt);
    await rename(part, join(dir, change.name));
    return true;
  }

  async function pullNow(tell = true): Promise<string[]> {
    const changed: string[] = [];
    for (const change of await files.changesSince(seen)) {
      if (!isShareableName(change.name)) {
        log('warn', 'plan share: a stored file name is not a plan file name; skipped', { file: change.name });
      } else {
        const path = join(dir, change.name);
        const local = await localFile(path);
        if (change.sha256 === null && local) {
          await rm(path, { force: true });
          changed.push(change.name);
        } else if (change.sha256 !== null && local?.sha256 !== change.sha256 && (await writeFromStore(change))) {
          changed.push(change.name);
        }
      }
      seen = Math.max(seen, change.version);
    }
    if (changed.length > 0) {
      log('info', 'plan share: files from the store written to the plans folder', { files: changed });
      if (tell) await options.onChange?.(changed);
    }
    return changed;
  }

  /** The folder's files the store lacks, or changed here after the store's last change to them. */
  async function newerHere(): Promise<string[]> {
    const stored = new Map((await files.changesSince(0)).map((c) => [c.name, c]));
    const names = (await readdir(dir, { withFileTypes: true }))
      .filter((e) => e.isFile() && isShareableName(e.name))
      .map((e) => e.name);
    const newer: string[] = [];
    for (const name of names.sort()) {
      const change = stored.get(name);
      const local = change && (await localFile(join(dir, name)));
      if (!change || (local && local.sha256 !== change.sha256 && local.mtime > change.changedAt)) newer.push(name);
    }
    return newer;
  }

  /** Writes to the store the folder's files it lacks or that were edited here since, when `accept` takes them. */
  async function seed(): Promise<void> {
    await mkdir(dir, { recursive: true });
    const taken: string[] = [];
    for (const name of await newerHere()) {
      if (await accept(join(dir, name))) taken.push(name);
      else log('warn', 'plan share: a file of the folder reads as no plan; not written to the store', { file: name });
    }
    await publishNow(taken);
  }

  async function tick(): Promise<void> {
    if (pending.size > 0) await serial(() => publishNow([...pending]));
    if (signal && !unlisten) await listen();
    await serial(pullNow);
  }

  function schedule(): void {
    if (stopped) return;
    const ms = unlisten ? (options.pollListeningMs ?? SHARE_POLL_LISTENING_MS) : (options.pollMs ?? SHARE_POLL_MS);
    timer = setTimeout(() => {
      tick()
        .catch((err: unknown) => log('error', 'plan share: reading the store failed', { err }))
        .finally(schedule);
    }, ms);
  }

  async function listen(): Promise<void> {
    try {
      const stop = await signal!.listen(
        () => {
          // A burst of notifications is one pull: one waiting to run reads every change anyway.
          if (pullWaiting) return;
          pullWaiting = true;
          void serial(() => {
            pullWaiting = false;
            return pullNow();
          }).catch((err: unknown) => log('error', 'plan share: reading the store failed', { err }));
        },
        (err) => {
          unlisten = undefined;
          log('warn', 'plan share: the store connection listening for changes was lost; polling', { err });
        },
      );
      if (stopped) await stop();
      else unlisten = stop;
    } catch (err) {
      log('warn', 'plan share: listening for changes failed; polling', { err });
    }
  }

  return {
    start: () =>
      serial(async () => {
        try {
          await seed();
          seen = 0;
          await pullNow(false);
        } catch (err) {
          log('error', 'plan share: bringing the folder and the store together failed; tried again at the next poll', {
            err,
          });
        }
      }),
    follow: async () => {
      // Listening before reading the changes: none committed in between is missed.
      if (signal) await listen();
      await serial(pullNow).catch((err: unknown) => log('error', 'plan share: reading the store failed', { err }));
      schedule();
    },
    publish: (names) => serial(() => publishNow(names)),
    pull: () => serial(pullNow),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await unlisten?.();
      unlisten = undefined;
      await queue;
    },
  };
}
