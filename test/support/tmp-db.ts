import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openStore, type Store, type StoreOptions } from '../../src/store/index.js';

/** A SQLite file in a fresh temp folder; `open()` may be called again after `close()` (a restart). */
export type TmpDb = {
  dir: string;
  path: string;
  open(options?: StoreOptions): Store;
  /** Every row of `table` read with a separate connection, ordered by rowid: for "nothing changed" checks. */
  rows(table: string): unknown[];
  /** Every row of every table, read with one separate connection: "nothing changed" across the whole database. */
  snapshot(): Record<string, unknown[]>;
  /** Closes what `open()` returned and removes the folder. */
  cleanup(): void;
};

/** Creates a temp folder holding `sub/troly.db` (the sub-folder is created by the store, as on first run). */
export function createTmpDb(): TmpDb {
  const dir = mkdtempSync(join(tmpdir(), 'troly-db-'));
  const path = join(dir, 'data', 'troly.db');
  const opened: Store[] = [];
  return {
    dir,
    path,
    open: (options) => {
      const store = openStore(path, options);
      opened.push(store);
      return store;
    },
    rows: (table) => {
      const db = new Database(path, { readonly: true });
      try {
        return db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all();
      } finally {
        db.close();
      }
    },
    snapshot: () => {
      const db = new Database(path, { readonly: true });
      try {
        const tables = db
          .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
          .pluck()
          .all() as string[];
        return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).all()]));
      } finally {
        db.close();
      }
    },
    cleanup: () => {
      for (const s of opened) if (s.db.open) s.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
