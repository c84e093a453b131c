import type { Config } from '../config.js';
import type { Log, PlanFileSignal } from '../tasks/index.js';
import { openStore, probeWrite, type Repositories } from '../store/index.js';
import { createPgPlanFileSignal, openPgStore } from '../store/pg/index.js';

/** The pool's figures on /healthz: saturated when every connection is busy and queries wait for one. */
export type PoolFigures = { size: number; max: number; idle: number; waiting: number; saturated: boolean };

/**
 * The database the assistant runs on: SQLite at DATABASE_PATH (one machine, the default), or PostgreSQL at
 * DATABASE_URL (several instances share it). Everything above takes the repositories and never asks which.
 */
export type AppStore = Repositories & {
  kind: 'sqlite' | 'postgres';
  /**
   * For /healthz: commits a write (rejects when the database cannot be written); with PostgreSQL, resolves to the
   * pool's figures.
   */
  check(now: Date): Promise<PoolFigures | undefined>;
  /** With PostgreSQL: told when another instance changed the shared plan files (LISTEN). */
  planFileSignal?: PlanFileSignal;
  close(): Promise<void>;
};

/** Opens (and migrates) the store the settings choose. Rejects with MigrationError or StoreOpenError as the stores do. */
export async function openAppStore(config: Config, log: Log): Promise<AppStore> {
  const options = { questionSecret: config.QUESTION_LOG_SECRET };
  if (!config.DATABASE_URL) {
    const { db, backup: _backup, close, ...repositories } = openStore(config.DATABASE_PATH, options);
    return {
      ...repositories,
      kind: 'sqlite',
      check: async (now) => {
        probeWrite(db, now);
        return undefined;
      },
      close: async () => close(),
    };
  }
  const {
    pool,
    probeWrite: probe,
    close,
    ...repositories
  } = await openPgStore({
    ...options,
    url: config.DATABASE_URL,
    poolSize: config.DATABASE_POOL_SIZE,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
    log,
  });
  return {
    ...repositories,
    kind: 'postgres',
    planFileSignal: createPgPlanFileSignal(pool),
    check: async (now) => {
      await probe(now);
      const max = config.DATABASE_POOL_SIZE;
      const { totalCount: size, idleCount: idle, waitingCount: waiting } = pool;
      return { size, max, idle, waiting, saturated: waiting > 0 && size >= max };
    },
    close,
  };
}
