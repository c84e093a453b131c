/**
 * SQLite storage (better-sqlite3): WAL, foreign keys, numbered migrations in `migrations/`, and the
 * repositories implementing the ports of `tasks/ports.ts` and `tasks/message-ports.ts`.
 */

/**
 * `openStore(config.DATABASE_PATH)`: opens, migrates, and returns every repository typed by its port
 * (`{ progress, users, invites, members, deliveries, inbox, notifications, subscriptions, figures, questions }`); app code
 * takes them there.
 */
export { openStore, type Repositories, type Store, type StoreOptions } from './open-store.js';
/** The database file cannot be opened or written at start (read-only, not a database, damaged, disk full). */
export { StoreOpenError } from './store-open-error.js';
/** Opens a SQLite file (folder created) with WAL, foreign keys and full sync. */
export { openDatabase, type Db } from './sqlite.js';
/** For /healthz: a committed write of one scratch row; throws when the database cannot be written. */
export { probeWrite } from './health-probe.js';
/** Numbered migrations; `MigrationError` when a step fails or the database is newer than the code. */
export { migrate, readMigrations, MigrationError, type Migration } from './migrate.js';
/** Append-only progress history (`satisfies ProgressStore`). */
export { createProgressRepo } from './progress-repo.js';
/** Registered users (`satisfies UserStore`). */
export { createUserRepo } from './user-repo.js';
/** Member units of the groups plans name (`satisfies MemberStore`). */
export { createMemberRepo } from './member-repo.js';
/** One-time invites; redeeming registers the user in the same transaction (`satisfies InviteStore`). */
export { createInviteRepo } from './invite-repo.js';
/**
 * Incoming messages claimed for answering (`satisfies DeliveryLog`) on the inbox's rows: a message delivered again is
 * answered once; a claim left by a process that died is taken again after the lease (30 s); rows go with the inbox's.
 */
export { createDeliveryRepo, DELIVERY_LEASE_MS, type DeliveryRepoOptions } from './delivery-repo.js';
/**
 * Updates received from the platforms, kept before the platform counts them delivered (`satisfies UpdateInbox`): what
 * a process died holding is handed out again at the next start (3 times at most); rows go after a day, 100,000 kept.
 */
export {
  createInboxRepo,
  INBOX_KEEP_MS,
  INBOX_MAX_ROWS,
  INBOX_MAX_REPLAYS,
  type InboxRepoOptions,
} from './inbox-repo.js';
/** Questions asked and the votes on their answers (`satisfies QuestionLog`); askers kept as HMAC-SHA256 of their key. */
export { createQuestionRepo, type QuestionRepoOptions } from './question-repo.js';
/** Uploaded plan files with tombstones and rising versions (`satisfies PlanFileStore`). */
export { createPlanFileRepo } from './plan-file-repo.js';
/** Dashboard sign-in links (used once) and sessions, kept by the hash of their secret (`satisfies DashboardAuthStore`). */
export { createDashboardRepo } from './dashboard-repo.js';
/** Each chat's conversation memory, one row per chat (`satisfies ConversationLog`). */
export { createConversationRepo } from './conversation-repo.js';
/** Files published by URL, one row per file (`satisfies PublishedFileStore`). */
export { createPublishedFileRepo } from './published-file-repo.js';
