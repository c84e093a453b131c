import { afterAll, afterEach, beforeAll, beforeEach, describe } from 'vitest';
import {
  createDeliveryRepo,
  createInboxRepo,
  type DeliveryRepoOptions,
  type InboxRepoOptions,
  type Store,
  type StoreOptions,
} from '../../src/store/index.js';
import { createPgDeliveryRepo, createPgInboxRepo, type PgStore } from '../../src/store/pg/index.js';
import type { DeliveryLog, UpdateInbox } from '../../src/tasks/index.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from './pg-db.js';
import { createTmpDb, type TmpDb } from './tmp-db.js';

/** Either store: a suite `await`s every call, which works on SQLite's answers as on PostgreSQL's Promises. */
export type AnyStore = Store | PgStore;

/** One store under test, fresh (empty) for each test; the same calls whichever store it is. */
export type StoreUnderTest = {
  kind: 'SQLite' | 'PostgreSQL';
  /** Opens the store; again for a second connection, as another process or instance has. */
  open(options?: StoreOptions): Promise<AnyStore>;
  /** A delivery log of its own on the database (its own prune clock), as a restarted process has. */
  deliveries(options?: DeliveryRepoOptions): Promise<DeliveryLog>;
  /** An inbox of its own on the database (its own prune clock), as a restarted process has. */
  inbox(options?: InboxRepoOptions): Promise<UpdateInbox>;
  /** A statement run beside the store (rejects as the database refuses it). */
  exec(sql: string): Promise<void>;
  /** Every row of `table` read apart from the store, as SQLite holds it (ISO times, 0/1). */
  rows(table: string): Promise<unknown[]>;
  /** Every row of every table: "nothing changed" across the whole database. */
  snapshot(): Promise<Record<string, unknown[]>>;
};

function sqliteStore(): StoreUnderTest {
  let tmp: TmpDb;
  beforeEach(() => {
    tmp = createTmpDb();
  });
  afterEach(() => tmp.cleanup());
  const open = async (options?: StoreOptions) => tmp.open(options);
  return {
    kind: 'SQLite',
    open,
    deliveries: async (options) => createDeliveryRepo((await open()).db, options),
    inbox: async (options) => createInboxRepo((await open()).db, options),
    exec: async (sql) => void (await open()).db.exec(sql),
    rows: async (table) => tmp.rows(table),
    snapshot: async () => tmp.snapshot(),
  };
}

function postgresStore(): StoreUnderTest {
  let db: PgTestDb;
  beforeAll(async () => {
    db = await createPgTestDb();
  });
  afterEach(() => db.reset());
  afterAll(() => db.drop());
  return {
    kind: 'PostgreSQL',
    open: (options) => db.open(options),
    deliveries: async (options) => createPgDeliveryRepo((await db.open()).pool, options),
    inbox: async (options) => createPgInboxRepo((await db.open()).pool, options),
    exec: (sql) => db.exec(sql),
    rows: (table) => db.rows(table),
    snapshot: () => db.snapshot(),
  };
}

/**
 * `describe(title)` once per store: on SQLite (a file in a temp folder per test) and on PostgreSQL (a database per
 * file, emptied after each test). Without a PostgreSQL server the second is skipped, its title saying why.
 */
export function describeStores(title: string, body: (t: StoreUnderTest) => void): void {
  describe(`${title} [SQLite]`, () => body(sqliteStore()));
  describe.skipIf(!pgReachable)(`${title} [PostgreSQL]${pgReachable ? '' : ` ${PG_ABSENT}`}`, () =>
    body(postgresStore()),
  );
}
