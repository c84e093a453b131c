import type {
  ConversationLog,
  PublishedFileStore,
  DashboardAuthStore,
  DeliveryLog,
  FiguresStore,
  InviteStore,
  MemberStore,
  NotificationLog,
  PlanFileStore,
  ProgressStore,
  QuestionLog,
  RevisionStore,
  SubscriptionStore,
  UpdateInbox,
  UserStore,
} from '../tasks/index.js';
import { createConversationRepo } from './conversation-repo.js';
import { createPublishedFileRepo } from './published-file-repo.js';
import { createDashboardRepo } from './dashboard-repo.js';
import { createDeliveryRepo } from './delivery-repo.js';
import { createFiguresRepo } from './figures-repo.js';
import { createInboxRepo } from './inbox-repo.js';
import { createInviteRepo } from './invite-repo.js';
import { createMemberRepo } from './member-repo.js';
import { migrate } from './migrate.js';
import { createNotificationRepo } from './notification-repo.js';
import { createPlanFileRepo } from './plan-file-repo.js';
import { createProgressRepo } from './progress-repo.js';
import { createQuestionRepo } from './question-repo.js';
import { createRevisionRepo } from './revision-repo.js';
import { openDatabase, type Db } from './sqlite.js';
import { storeOpenErrorOf } from './store-open-error.js';
import { createSubscriptionRepo } from './subscription-repo.js';
import { createUserRepo } from './user-repo.js';
import { randomBytes } from 'node:crypto';

/** The opened database with every repository, each typed by the port it implements. */
export type Store = {
  db: Db;
  progress: ProgressStore;
  users: UserStore;
  invites: InviteStore;
  /** Which platform messages were answered (each answered once however often it is delivered). */
  deliveries: DeliveryLog;
  /** The updates received and not yet handled (handled after a restart when the process died holding them). */
  inbox: UpdateInbox;
  /** The digests and reminders sent (each sent once). */
  notifications: NotificationLog;
  /** Digest choices made with /nhandigest and /tatdigest. */
  subscriptions: SubscriptionStore;
  /** Figures reported with /solieu. */
  figures: FiguresStore;
  /** Member units of the groups plans name (`units add`). */
  members: MemberStore;
  /** Versions of amended plans; the history of renumbered and retired tasks. */
  revisions: RevisionStore;
  /** Questions asked (askers hashed) and the 👍/👎 on their answers. */
  questions: QuestionLog;
  /** The dashboard's one-time sign-in links and sessions. */
  dashboard: DashboardAuthStore;
  /** Uploaded plan files, shared by the instances of one store (none read them on SQLite: one instance). */
  planFiles: PlanFileStore;
  /** Each chat's conversation memory, for follow-ups whichever instance they reach. */
  conversations: ConversationLog;
  /** Files published by URL (charts for Zalo), found by every instance. */
  publishedFiles: PublishedFileStore;
  /** Online backup to `file` (consistent while others write). */
  backup(file: string): Promise<void>;
  close(): void;
};

/** Every repository, whichever database holds them: what the app works with (SQLite's or PostgreSQL's store). */
export type Repositories = Omit<Store, 'db' | 'backup' | 'close'>;

/** Options of {@link openStore}. */
export type StoreOptions = {
  /**
   * The secret askers' ids are hashed with in the question log (QUESTION_LOG_SECRET). Default: a random one for this
   * process, so hashes of one person differ across restarts (reading the log needs none).
   */
  questionSecret?: string;
};

/** Opens the database at `path` (created with its folder if missing), migrates it to the latest schema and opens every repository. */
export function openStore(path: string, options: StoreOptions = {}): Store {
  let db: Db | undefined;
  try {
    db = openDatabase(path);
    migrate(db);
  } catch (err) {
    db?.close();
    throw storeOpenErrorOf(err, path) ?? err;
  }
  return {
    db,
    progress: createProgressRepo(db),
    users: createUserRepo(db),
    invites: createInviteRepo(db),
    deliveries: createDeliveryRepo(db),
    inbox: createInboxRepo(db),
    notifications: createNotificationRepo(db),
    subscriptions: createSubscriptionRepo(db),
    figures: createFiguresRepo(db),
    revisions: createRevisionRepo(db),
    members: createMemberRepo(db),
    questions: createQuestionRepo(db, { secret: options.questionSecret ?? randomBytes(32).toString('hex') }),
    dashboard: createDashboardRepo(db),
    planFiles: createPlanFileRepo(db),
    conversations: createConversationRepo(db),
    publishedFiles: createPublishedFileRepo(db),
    backup: async (file) => {
      await db.backup(file);
    },
    close: () => db.close(),
  };
}
