import {
  createAsk,
  createChat,
  createKnowledgeHolder,
  createStoredConversations,
  type ChatHandler,
  type DashboardLinks,
  type KnowledgeHolder,
} from '../chat/index.js';
import { basename, dirname, join } from 'node:path';
import type { Config } from '../config.js';
import { loadKnowledge } from '../ingest/index.js';
import { logPortOf, type Logger } from '../log.js';
import { planReloadFailedText } from '../messages/index.js';
import { createReportCommands } from '../report-commands/index.js';
import type { Send } from '../scheduler/index.js';
import { createNotice, isAdmin } from './admin-notice.js';
import { openAppStore, type AppStore } from './app-store.js';
import { cacheDirOf, createKnowledgeCache } from './knowledge-cache.js';
import { createPlanIntake } from './plan-intake.js';
import { createPlanReloader, type PlanReloader } from './plan-reload.js';
import { createPlanShare, type PlanShare } from './plan-share.js';
import { createPlanVersions } from './plan-versions.js';

/** The process's core: the plans in a swappable holder, the opened database with every repository, and the chat handler. */
export type Core = {
  /** The plans and search index in use; a reload swaps them. */
  knowledge: KnowledgeHolder;
  store: AppStore;
  chat: ChatHandler;
  /** Reads the plans folder again and swaps the plans in (on file changes once `watch()` runs). */
  reloader: PlanReloader;
  /** With PostgreSQL: the plan files kept alike between the plans folder and the store other instances share. */
  share?: PlanShare;
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
  /** The dashboard's sign-in links, read when `/bangdieukhien` is sent (the HTTP server starts after the core). */
  dashboard?: () => DashboardLinks | undefined;
};

/**
 * Reads the plans (each unreadable part a warning, never a stop), opens and migrates the database, builds the search
 * index once and the chat core with the digest and report commands.
 */
export async function buildCore(config: Config, logger: Logger, options: CoreOptions = {}): Promise<Core> {
  const { now = () => new Date(), send = () => undefined } = options;
  // With PostgreSQL the start-up cache stays on this machine, in DATABASE_PATH's folder (each instance reads its own
  // plans folder); nothing is written to a SQLite file.
  const cacheDir = config.DATABASE_URL
    ? join(dirname(config.DATABASE_PATH), 'knowledge-cache')
    : cacheDirOf(config.DATABASE_PATH);
  const cache = cacheDir ? createKnowledgeCache(cacheDir, logPortOf(logger)) : undefined;
  if (!config.QUESTION_LOG_SECRET)
    logger.info('questions: QUESTION_LOG_SECRET is not set; askers are hashed with a key that changes at each start');
  const store = await openAppStore(config, logPortOf(logger));
  // Several instances share PostgreSQL: the plans folder is brought up to date with the store's files before it is read.
  const share =
    store.kind === 'postgres'
      ? createPlanShare({
          dir: config.KNOWLEDGE_DIR,
          files: store.planFiles,
          signal: store.planFileSignal,
          log: logPortOf(logger),
          now,
          onChange: (names) => reloader.reload(names),
        })
      : undefined;
  await share?.start();
  const { plans, warnings, keys } = await loadKnowledge(config.KNOWLEDGE_DIR, { cache: cache?.plans });
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

  const notify = createNotice(store.users, send, logPortOf(logger));
  const versions = createPlanVersions({ revisions: store.revisions, now, log: logPortOf(logger), notify });
  const stamped = await versions.stamp(plans);
  const knowledge = createKnowledgeHolder(cache ? await cache.knowledgeOf(stamped, keys) : stamped);
  const reportCommands = createReportCommands({
    progress: store.progress,
    subscriptions: store.subscriptions,
    figures: store.figures,
    members: store.members,
    digestCron: config.DIGEST_CRON,
  });
  const reloader = createPlanReloader({
    dir: config.KNOWLEDGE_DIR,
    knowledge,
    log: logPortOf(logger),
    report: (p) => notify(planReloadFailedText(p.fileName, p.reasons, p.keptOld), isAdmin),
    revise: versions.revise,
    cache,
    keys,
  });
  const planIntake = createPlanIntake({
    dir: config.KNOWLEDGE_DIR,
    // Reloaded (a new version recorded) before the other instances hear of it, so they find that version recorded.
    afterStore: async (path, removed) => {
      await reloader.reload([basename(path)]);
      await share?.publish([basename(path), ...removed]);
    },
  });
  const chat = createChat({
    knowledge,
    ask: createAsk(store.progress, {
      questions: store.questions,
      // Several instances share PostgreSQL: a follow-up may reach another instance than its question.
      ...(store.kind === 'postgres' ? { conversations: createStoredConversations(store.conversations) } : {}),
    }),
    progress: store.progress,
    users: store.users,
    invites: store.invites,
    members: store.members,
    clock: { now },
    log: logPortOf(logger),
    reportCommands,
    planIntake,
    questions: store.questions,
    get dashboard() {
      return options.dashboard?.();
    },
  });
  await share?.follow();
  return { knowledge, store, chat, reloader, share };
}
