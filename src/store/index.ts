/**
 * SQLite storage (better-sqlite3): WAL, foreign keys, numbered migrations in `migrations/`, and the
 * repositories implementing the ports of `tasks/ports.ts`.
 */
export { openStore, type Store } from './open-store.js';
export { openDatabase, type Db } from './sqlite.js';
export { migrate, readMigrations, MigrationError, type Migration } from './migrate.js';
export { createProgressRepo } from './progress-repo.js';
export { createUserRepo } from './user-repo.js';
export { createInviteRepo } from './invite-repo.js';
export { createNotificationRepo, MAX_ATTEMPTS } from './notification-repo.js';
export { createSubscriptionRepo } from './subscription-repo.js';
export { createFiguresRepo } from './figures-repo.js';
