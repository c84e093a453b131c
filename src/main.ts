/**
 * Composition root: loadConfig → createLogger → buildCore (plans, database, search, chat) → channels (polling or
 * webhook; the terminal chat when no bot token is set) → scheduler (digests, reminders) → graceful stop on signals.
 */
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import {
  buildCore,
  createChannelKit,
  createSendRouter,
  dashboardOf,
  linksOf,
  runLocalChat,
  startDashboardServer,
  startPollingChannels,
  startWebhookMode,
  stopOnSignals,
  type Core,
  type RunningChannels,
} from './app/index.js';
import { PROCESS_OWNER } from './channels/index.js';
import type { DashboardLinks } from './chat/index.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { Dashboard } from './dashboard/index.js';
import { createLogger, logPortOf, type Logger } from './log.js';
import { createScheduler, DEFAULT_REMINDER_CRON, type Send } from './scheduler/index.js';
import { MigrationError, StoreOpenError } from './store/index.js';

/** Telegram allows about 30 broadcast messages a second; a digest round stays well under it. */
const BROADCAST_PACE_MS = 40;
/** A digest claimed by a process that died mid-send is taken again after this long. */
const NOTIFICATION_LEASE_MS = 5 * 60_000;

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    console.error(err.message);
    process.exit(1);
  }
}

/** The local chat shares the terminal with the log: the log goes to stderr and only warnings unless asked. */
function loggerFor(config: Config, terminal: boolean): Logger {
  if (!terminal) return createLogger(config);
  const level = process.env.LOG_LEVEL ? config.LOG_LEVEL : 'warn';
  return createLogger({ ...config, LOG_LEVEL: level }, pino.destination(2));
}

/**
 * The channels, and the HTTP server on PORT with the dashboard: in webhook mode the webhooks' server serves it too,
 * in polling mode a server of its own (with /healthz) does. `setDashboard` makes `/bangdieukhien` work once it listens.
 */
async function startChannels(
  config: Config,
  logger: Logger,
  core: Core,
  setDashboard: (d: Dashboard) => void,
): Promise<RunningChannels> {
  const kit = createChannelKit(config, core.chat, core.store.deliveries);
  const checkDatabase = () => core.store.check(new Date());
  if (config.BOT_MODE === 'polling') {
    const running = await startPollingChannels(config, logger, kit, core.store.inbox);
    const served = await startDashboardServer({ config, logger, core, checkDatabase, channels: () => running.states });
    if (served) {
      setDashboard(served.dashboard);
      running.stopSteps.unshift(['dashboard server', served.server.close]);
    }
    return running;
  }
  try {
    const dashboard = dashboardOf(config, core, config.PORT);
    setDashboard(dashboard);
    return await startWebhookMode({
      config,
      logger,
      handle: kit.handle,
      extras: kit,
      inbox: core.store.inbox,
      publishedFiles: core.store.publishedFiles,
      checkDatabase,
      pages: dashboard.pages,
    });
  } catch (err) {
    logger.fatal({ err, port: config.PORT }, 'start: the webhook server could not listen');
    await core.store.close();
    logger.flush();
    process.exit(1);
  }
}

/** The scheduler as the stop steps see it: cron jobs end at once; what the catch-up at start still sends is waited for. */
type RunningScheduler = { stop(): void; settled(): Promise<void> };

function startScheduler(config: Config, logger: Logger, core: Core, channels: RunningChannels): RunningScheduler {
  const scheduler = createScheduler({
    get plans() {
      return core.knowledge.current().plans;
    },
    progress: core.store.progress,
    users: core.store.users,
    subscriptions: core.store.subscriptions,
    figures: core.store.figures,
    members: core.store.members,
    notifications: core.store.notifications,
    send: createSendRouter(channels.senders),
    now: () => new Date(),
    // The delivery log's owner (host:pid:id): a digest claimed by a process of this host that is gone is taken at once.
    owner: PROCESS_OWNER,
    leaseMs: NOTIFICATION_LEASE_MS,
    digestCron: config.DIGEST_CRON,
    reminderCron: DEFAULT_REMINDER_CRON,
    questions: core.store.questions,
    questionReportCron: config.QUESTION_REPORT_CRON,
    questionLogDays: config.QUESTION_LOG_DAYS,
    log: logPortOf(logger),
    pace: () => sleep(BROADCAST_PACE_MS),
  });
  const caughtUp = scheduler.start().then(
    () => undefined,
    (err: unknown) => logger.error({ err }, 'scheduler: catch-up at start failed'),
  );
  return { stop: scheduler.stop, settled: () => caughtUp };
}

/**
 * The core, or exit 1 with one line (on stderr and in the log) when the database cannot be used: newer than this
 * program, read-only, not a database. Anything else is a bug and keeps its stack.
 */
async function openCore(
  config: Config,
  logger: Logger,
  send: () => Send | undefined,
  dashboard: () => DashboardLinks | undefined,
): Promise<Core> {
  try {
    return await buildCore(config, logger, { send, dashboard });
  } catch (err) {
    if (!(err instanceof MigrationError || err instanceof StoreOpenError)) throw err;
    logger.fatal({ err }, `start: ${err.message}`);
    logger.flush();
    console.error(err.message);
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const config = readConfig();
  const terminal = !config.TELEGRAM_BOT_TOKEN && !config.ZALO_BOT_TOKEN;
  const logger = loggerFor(config, terminal);
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
  let send: Send | undefined;
  let dashboard: Dashboard | undefined;
  const core = await openCore(
    config,
    logger,
    () => send,
    () => (dashboard ? linksOf(dashboard) : undefined),
  );
  const stopWatching = core.reloader.watch();

  if (terminal) {
    await runLocalChat(core.store, core.chat, logger, join(dirname(config.DATABASE_PATH), 'files'));
    stopWatching();
    await core.share?.stop();
    await core.store.close();
    return;
  }
  const channels = await startChannels(config, logger, core, (d) => (dashboard = d));
  send = createSendRouter(channels.senders);
  // A channel still being retried may come up later (the network back); one refused (bad token) will not.
  if (!Object.values(channels.states).some((state) => state !== 'failed' && state !== 'off')) {
    logger.fatal(channels.states, 'start: no channel could start');
    await core.store.close();
    logger.flush();
    process.exit(1);
  }
  const scheduler = startScheduler(config, logger, core, channels);
  logger.info({ channels: channels.states, mode: config.BOT_MODE }, 'start: ready');
  // The catch-up at start may still be sending (a digest held up by a 429): each message it sends must be marked sent
  // before the database closes, or it would be sent again once its claim expires.
  stopOnSignals(logger, () => [
    ['plans folder watch', stopWatching],
    ['plan files shared', async () => core.share?.stop()],
    ['scheduler', scheduler.stop],
    ...channels.stopSteps,
    ['scheduler sends in flight', scheduler.settled],
    ['database', core.store.close],
  ]);
}

await main();
