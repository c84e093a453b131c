import { createAsk, createChat, createKnowledgeHolder, type ChatHandler, type KnowledgeHolder } from '../chat/index.js';
import type { Config } from '../config.js';
import { loadKnowledge } from '../ingest/index.js';
import { logPortOf, type Logger } from '../log.js';
import { planReloadFailedText } from '../messages/index.js';
import { createDigestCommands, type Send } from '../scheduler/index.js';
import {
  createDeliveryRepo,
  createFiguresRepo,
  createInboxRepo,
  createNotificationRepo,
  createSubscriptionRepo,
  openStore,
  type Store,
} from '../store/index.js';
import { createAdminNotice } from './admin-notice.js';
import { createPlanReloader, type PlanReloader } from './plan-reload.js';

/** The process's core: the plans in a swappable holder, the opened database with every repository, and the chat handler. */
export type Core = {
  /** The plans and search index in use; a reload swaps them. */
  knowledge: KnowledgeHolder;
  store: Store;
  subscriptions: ReturnType<typeof createSubscriptionRepo>;
  figures: ReturnType<typeof createFiguresRepo>;
  notifications: ReturnType<typeof createNotificationRepo>;
  /** Which platform messages were answered (each answered once however often it is delivered). */
  deliveries: ReturnType<typeof createDeliveryRepo>;
  /** The updates received and not yet handled (handled after a restart when the process died holding them). */
  inbox: ReturnType<typeof createInboxRepo>;
  chat: ChatHandler;
  /** Reads the plans folder again and swaps the plans in (on file changes once `watch()` runs). */
  reloader: PlanReloader;
};

/** Options of {@link buildCore}. */
export type CoreOptions = {
  /** The clock; default the system's. */
  now?: () => Date;
  /**
   * How to reach people outside a conversation, read when needed (the channels start after the core): admins are
   * told when a changed plan file reads badly. Without it, only the log says so.
   */
  send?: () => Send | undefined;
};

/**
 * Reads the plans (each unreadable part a warning, never a stop), opens and migrates the database, builds the search
 * index once and the chat core with the digest commands plugged in.
 */
export async function buildCore(config: Config, logger: Logger, options: CoreOptions = {}): Promise<Core> {
  const { now = () => new Date(), send = () => undefined } = options;
  const { plans, warnings } = await loadKnowledge(config.KNOWLEDGE_DIR);
  for (const w of warnings) logger.warn({ file: w.file, line: w.line }, `knowledge: ${w.message}`);
  if (plans.length === 0)
    logger.warn(
      { dir: config.KNOWLEDGE_DIR },
      'knowledge: no plan was read; every question will be answered "not covered"',
    );
  logger.info(
    { plans: plans.map((p) => p.id), tasks: plans.reduce((n, p) => n + p.tasks.length, 0) },
    'knowledge: plans read',
  );

  const store = openStore(config.DATABASE_PATH);
  const repos = {
    subscriptions: createSubscriptionRepo(store.db),
    figures: createFiguresRepo(store.db),
    notifications: createNotificationRepo(store.db),
  };
  // A message claimed by a process that was killed is answered by the next one once this lease has passed: longer than
  // any answer takes (a report: seconds), short enough that the person is not left waiting long after a restart.
  const deliveries = createDeliveryRepo(store.db);
  const knowledge = createKnowledgeHolder(plans);
  const commands = createDigestCommands({ progress: store.progress, ...repos, digestCron: config.DIGEST_CRON });
  const chat = createChat({
    knowledge,
    ask: createAsk(store.progress),
    progress: store.progress,
    users: store.users,
    invites: store.invites,
    clock: { now },
    log: logPortOf(logger),
    commands,
  });
  const notifyAdmins = createAdminNotice(store.users, send, logPortOf(logger));
  const reloader = createPlanReloader({
    dir: config.KNOWLEDGE_DIR,
    knowledge,
    log: logPortOf(logger),
    report: (p) => notifyAdmins(planReloadFailedText(p.fileName, p.reasons, p.keptOld)),
  });
  return { knowledge, store, ...repos, deliveries, inbox: createInboxRepo(store.db), chat, reloader };
}
