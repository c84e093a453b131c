import { randomBytes } from 'node:crypto';
import type pg from 'pg';
import { MigrationError } from '../migrate.js';
import type { Repositories, StoreOptions } from '../open-store.js';
import { StoreOpenError } from '../store-open-error.js';
import { createPgConversationRepo } from './conversation-repo.js';
import { createPgPublishedFileRepo } from './published-file-repo.js';
import { createPgDashboardRepo } from './dashboard-repo.js';
import { createPgDeliveryRepo } from './delivery-repo.js';
import { createPgFiguresRepo } from './figures-repo.js';
import { probePgWrite } from './health-probe.js';
import { createPgInboxRepo } from './inbox-repo.js';
import { createPgInviteRepo } from './invite-repo.js';
import { createPgMemberRepo } from './member-repo.js';
import { migratePg } from './migrate.js';
import { createPgNotificationRepo } from './notification-repo.js';
import { createPgPlanFileRepo } from './plan-file-repo.js';
import { createPool, redactUrl, type PgOptions } from './pool.js';
import { createPgProgressRepo } from './progress-repo.js';
import { createPgQuestionRepo } from './question-repo.js';
import { createPgRevisionRepo } from './revision-repo.js';
import { createPgSubscriptionRepo } from './subscription-repo.js';
import { createPgUserRepo } from './user-repo.js';

/** The PostgreSQL store: the pool and every repository, each typed by the port it implements (as SQLite's). */
export type PgStore = Repositories & {
  pool: pg.Pool;
  /** For /healthz: a committed write of one scratch row; rejects when the database cannot be written. */
  probeWrite(now: Date): Promise<void>;
  /** Ends the pool's connections once their queries are done. */
  close(): Promise<void>;
};

/**
 * Connects to `options.url` (`questionSecret` as in the SQLite store's {@link StoreOptions}), migrates the database to the latest schema (one instance at a time) and opens every
 * repository. Rejects with MigrationError (a failed step, a newer database) or StoreOpenError (no server, wrong
 * password, no such database: the error's `code`, the URL with its password blanked).
 */
export async function openPgStore(options: PgOptions & StoreOptions): Promise<PgStore> {
  const pool = createPool(options);
  try {
    await migratePg(pool);
  } catch (err) {
    await pool.end();
    if (err instanceof MigrationError) throw err;
    const code = (err as { code?: unknown }).code;
    throw new StoreOpenError(redactUrl(options.url), typeof code === 'string' ? code : 'no connection', { cause: err });
  }
  return {
    pool,
    progress: createPgProgressRepo(pool),
    users: createPgUserRepo(pool),
    invites: createPgInviteRepo(pool),
    deliveries: createPgDeliveryRepo(pool),
    inbox: createPgInboxRepo(pool),
    notifications: createPgNotificationRepo(pool),
    subscriptions: createPgSubscriptionRepo(pool),
    figures: createPgFiguresRepo(pool),
    revisions: createPgRevisionRepo(pool),
    members: createPgMemberRepo(pool),
    dashboard: createPgDashboardRepo(pool),
    conversations: createPgConversationRepo(pool),
    publishedFiles: createPgPublishedFileRepo(pool),
    planFiles: createPgPlanFileRepo(pool),
    questions: createPgQuestionRepo(pool, { secret: options.questionSecret ?? randomBytes(32).toString('hex') }),
    probeWrite: (now) => probePgWrite(pool, now),
    close: () => pool.end(),
  };
}
