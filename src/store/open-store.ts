import type { InviteStore, ProgressStore, UserStore } from '../tasks/index.js';
import { createInviteRepo } from './invite-repo.js';
import { migrate } from './migrate.js';
import { createProgressRepo } from './progress-repo.js';
import { openDatabase, type Db } from './sqlite.js';
import { createUserRepo } from './user-repo.js';

/** The opened database with the repositories the core's ports need. */
export type Store = {
  db: Db;
  progress: ProgressStore;
  users: UserStore;
  invites: InviteStore;
  /** Online backup to `file` (consistent while others write). */
  backup(file: string): Promise<void>;
  close(): void;
};

/** Opens the database at `path` (created with its folder if missing) and migrates it to the latest schema. */
export function openStore(path: string): Store {
  const db = openDatabase(path);
  try {
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return {
    db,
    progress: createProgressRepo(db),
    users: createUserRepo(db),
    invites: createInviteRepo(db),
    backup: async (file) => {
      await db.backup(file);
    },
    close: () => db.close(),
  };
}
