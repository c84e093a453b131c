import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { durably, type Db } from '../../src/store/sqlite.js';
import type { Store } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

const FULL = 2;
const NORMAL = 1;
let tmp: TmpDb;
let store: Store;
beforeEach(() => {
  tmp = createTmpDb();
  store = tmp.open();
});
afterEach(() => tmp.cleanup());

const synchronous = (db: Db) => db.pragma('synchronous', { simple: true });

describe('openDatabase', () => {
  it('opens in WAL mode with synchronous NORMAL', () => {
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(synchronous(store.db)).toBe(NORMAL);
  });
});

describe('durably', () => {
  it('writes with synchronous FULL and goes back to what was set, also when the write throws', () => {
    expect(durably(store.db, () => synchronous(store.db))).toBe(FULL);
    expect(synchronous(store.db)).toBe(NORMAL);
    expect(() =>
      durably(store.db, () => {
        throw new Error('write failed');
      }),
    ).toThrow('write failed');
    expect(synchronous(store.db)).toBe(NORMAL);
  });
});
