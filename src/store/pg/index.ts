/**
 * PostgreSQL storage (node-postgres, a pool): the same repositories as the SQLite store, implementing the ports of
 * `tasks/` with Promises, for several instances sharing one database. Numbered migrations in `migrations/` with the
 * same versions and names as SQLite's, applied under an advisory lock.
 */

/**
 * `await openPgStore({ url: config.DATABASE_URL, poolSize, statementTimeoutMs })`: connects, migrates and returns
 * every repository typed by its port (`{ progress, users, invites, deliveries, inbox, notifications, … }`).
 */
export { openPgStore, type PgStore } from './open-pg-store.js';
/** The connection settings; `createPool` for the tools that copy into a database; `redactUrl` blanks its password. */
export { createPool, inTransaction, redactUrl, type PgOptions } from './pool.js';
/** The delivery log and the inbox with options (lease, pruning), as the SQLite store's `createDeliveryRepo`/`createInboxRepo`. */
export { createPgDeliveryRepo } from './delivery-repo.js';
export { createPgInboxRepo } from './inbox-repo.js';
/**
 * Uploaded plan files (`satisfies PlanFileStore`), each change announced by NOTIFY on `PLAN_FILES_CHANNEL`; the
 * `PlanFileSignal` that LISTENs for them on a connection of its own.
 */
export { createPgPlanFileRepo, createPgPlanFileSignal, PLAN_FILES_CHANNEL } from './plan-file-repo.js';
/** A port of `tasks/` whose methods answer through Promises. */
/** Numbered migrations under `pg_advisory_lock`; `MigrationError` (from the SQLite store) when a step fails or the database is newer. */
export { migratePg, PG_MIGRATIONS_DIR, MIGRATION_LOCK_KEY } from './migrate.js';
/** Every row of a SQLite store copied into an empty PostgreSQL database, in one transaction, counts verified. */
export { copySqliteToPg, type CopyProblem, type CopyReport } from './copy-from-sqlite.js';
