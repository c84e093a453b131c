import { afterEach, beforeEach, vi } from 'vitest';
import type { Store } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from './tmp-db.js';

/** What a CLI command run in-process printed: one entry per console.log / console.error call. */
export type CliOutput = { out: string[]; err: string[] };

/** Captures console.log and console.error (call in beforeEach; `vi.restoreAllMocks()` in afterEach puts them back). */
export function captureConsole(): CliOutput {
  const captured: CliOutput = { out: [], err: [] };
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void captured.out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void captured.err.push(a.join(' ')));
  return captured;
}

/**
 * Registers hooks giving each test of the file captured console output and a fresh temp database, written by
 * `seed` when given (else not created yet); both are put back after the test. Read `io` and `db` inside tests.
 */
export function useCliOnTmpDb(seed?: (store: Store) => void | Promise<void>): {
  readonly io: CliOutput;
  readonly db: TmpDb;
} {
  let io: CliOutput;
  let db: TmpDb;
  beforeEach(async () => {
    io = captureConsole();
    db = createTmpDb();
    if (seed) {
      const store = db.open();
      await seed(store);
      store.close();
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    db.cleanup();
  });
  return {
    get io() {
      return io;
    },
    get db() {
      return db;
    },
  };
}
