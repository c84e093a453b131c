import { createHash, randomBytes } from 'node:crypto';
import type { Bot } from 'grammy';
import {
  createTelegramBot,
  createTelegramWebhook,
  initTelegramBot,
  registerTelegramCommands,
  registerTelegramWebhook,
  sendTelegramReplies,
  type TelegramContext,
  type TelegramWebhook,
} from '../channels/telegram/index.js';
import { createZaloWebhookBot, type PublicUrlFor } from '../channels/zalo/index.js';
import type { WebhookHandler, WebhookHeaders, WebhookResponse } from '../channels/index.js';
import type { ChatHandler } from '../chat/index.js';
import type { Config } from '../config.js';
import { logPortOf, type Logger } from '../log.js';
import { createFileStore, createHealthCheck, startHttpServer, type PageHandler } from '../server/index.js';
import type { PublishedFileStore, UpdateInbox } from '../tasks/index.js';
import type { ChannelKit } from './channel-kit.js';
import { keepStarting, type StartRetry } from './keep-starting.js';
import { createSharedFiles, type SharedFiles } from './shared-files.js';
import type { RunningChannels } from './polling-mode.js';
import type { ChannelSender } from './send-router.js';

/** The configuration of webhook mode (BOT_MODE=webhook: PORT and PUBLIC_URL set). */
export type WebhookConfig = Extract<Config, { BOT_MODE: 'webhook' }>;

export type WebhookModeOptions = {
  config: WebhookConfig;
  logger: Logger;
  /** The chat core (behind the flood control: `createChannelKit(...).handle`). */
  handle: ChatHandler;
  /** Keeps every update before the 200 until it is handled, so one a killed process held is handled at the next start. */
  inbox?: UpdateInbox;
  /** Keeps the files published by URL (Zalo's charts) where every instance serves them; default this process only. */
  publishedFiles?: PublishedFileStore;
  /** Each channel's extra options (its outbox), from `createChannelKit`; default none. */
  extras?: Partial<Pick<ChannelKit, 'telegram' | 'zalo'>>;
  /** Rejects (or resolves to false) when the database cannot be used (`() => store.check(new Date())`). */
  checkDatabase: () => Promise<unknown>;
  /** A bot from createTelegramBot; default one is built from the config when TELEGRAM_BOT_TOKEN is set. */
  telegramBot?: Bot<TelegramContext>;
  /** The interface to listen on; default all of them. */
  host?: string;
  /** Clock in milliseconds for file expiry and uptime; default Date.now. */
  now?: () => number;
  /** The dashboard's pages, served beside the webhooks; default none. */
  pages?: PageHandler;
  /** How a channel that cannot reach its platform is tried again; default: each attempt cut after 10 s, waits from 1 s doubling to 60 s. */
  retry?: Partial<StartRetry>;
};

/** The channels as in polling mode, plus what webhook mode adds. */
export type WebhookChannels = RunningChannels & {
  /** The port listened on. */
  port: number;
  /** Closes the server (requests in flight finish), then waits until every accepted update is answered. */
  stop(): Promise<void>;
};

/** One channel mounted on the server, started (and retried) on its own. */
type WebhookChannel = {
  name: 'telegram' | 'zalo';
  handleRequest: WebhookHandler;
  /** One attempt to bring the channel up: whatever it needs from the platform, then setWebhook at `url`. */
  start(url: string, signal: AbortSignal): Promise<void>;
  send: ChannelSender;
  settled(): Promise<void>;
  /** Answers what another instance kept before then and never finished. */
  takeLeftOver(receivedBefore: Date): Promise<void>;
};

/** What a webhook answers before its channel is up: the platform sends the update again later. */
const NOT_READY: WebhookResponse = { status: 503, body: '{"ok":false,"description":"Service Unavailable"}' };

/**
 * Runs the channels by webhook: one HTTP server on PORT takes `POST /telegram/<segment>` and `POST /zalo/<segment>`
 * (the segment derives from the secret, so the address is not guessable), `GET /healthz` and `GET /files/<token>`.
 * The secret is WEBHOOK_SECRET or, when absent, generated at each start (never logged); so each start registers the
 * webhooks again with setWebhook. The server listens first; then each channel starts on its own, and this resolves
 * once each first attempt is over. A channel that cannot reach its platform is tried again in the background
 * ('retrying' on /healthz; its webhook answers 503 meanwhile); one refused (bad token) is logged and left out ('failed').
 */
export async function startWebhookMode(options: WebhookModeOptions): Promise<WebhookChannels> {
  const { config, logger } = options;
  const secret = config.WEBHOOK_SECRET ?? randomBytes(32).toString('base64url');
  const base = config.PUBLIC_URL.replace(/\/+$/, '');
  const files = createSharedFiles(
    createFileStore({ publicUrl: base, now: options.now }),
    options.publishedFiles,
    logger,
  );
  const publicUrlFor = photoPublisher(files, logger);
  const running: RunningChannels = { senders: {}, states: { telegram: 'off', zalo: 'off' }, stopSteps: [] };

  const channels = [telegramChannel(options, secret), zaloChannel(options, secret, publicUrlFor)].filter(
    (c): c is WebhookChannel => c !== undefined,
  );
  const webhooks = Object.fromEntries(channels.map((c) => [pathFor(c.name, secret), c.handleRequest]));
  const health = createHealthCheck({
    database: options.checkDatabase,
    channels: () => ({ ...running.states }),
    now: options.now,
  });
  const server = await startHttpServer({
    port: config.PORT,
    host: options.host,
    webhooks,
    health,
    files,
    pages: options.pages,
    log: logPortOf(logger),
  });
  logger.info({ port: server.port, publicUrl: base }, 'webhook: server listening');

  const startups = channels.map((channel) =>
    keepStarting({
      name: channel.name,
      states: running.states,
      logger,
      retry: options.retry,
      attempt: (signal) => channel.start(`${base}${pathFor(channel.name, secret)}`, signal),
      started: () => {
        running.senders[channel.name] = channel.send;
        logger.info({ channel: channel.name }, 'webhook: registered');
        return { state: 'webhook', stop: async () => undefined };
      },
    }),
  );
  await Promise.all(startups.map((s) => s.firstAttempt));
  const looking = lookForLeftOvers(channels, config.INBOX_TAKEOVER_SECONDS * 1000, options.now ?? Date.now);
  const stop = async () => {
    clearInterval(looking);
    await Promise.all(startups.map((s) => s.stop()));
    await server.close();
    await Promise.all(channels.map((c) => c.settled()));
  };
  running.stopSteps.push(['webhook server and updates in flight', stop]);
  return { ...running, port: server.port, stop };
}

/**
 * Instances behind one address share the store's inbox: an update one of them acknowledged and did not finish (it was
 * killed, and may never come back to replay it) is taken by another once it is `afterMs` old, looked for as often.
 */
function lookForLeftOvers(channels: WebhookChannel[], afterMs: number, now: () => number): NodeJS.Timeout {
  const timer = setInterval(() => {
    const receivedBefore = new Date(now() - afterMs);
    for (const channel of channels) void channel.takeLeftOver(receivedBefore);
  }, afterMs);
  return timer.unref();
}

/** The webhook path of a channel: `/<channel>/<22 characters derived from the secret>`. */
function pathFor(channel: string, secret: string): string {
  return `/${channel}/${createHash('sha256').update(`${channel}:${secret}`).digest('base64url').slice(0, 22)}`;
}

/** The Telegram bot over the webhook: its endpoint answers 503 until getMe has told who the bot is. */
function telegramChannel(options: WebhookModeOptions, secret: string): WebhookChannel | undefined {
  const { config, logger, handle } = options;
  const token = config.TELEGRAM_BOT_TOKEN;
  const bot =
    options.telegramBot ??
    (token
      ? createTelegramBot({
          token,
          apiRoot: config.TELEGRAM_API_ROOT,
          handle,
          log: logPortOf(logger),
          ...options.extras?.telegram,
        })
      : undefined);
  if (!bot) return undefined;
  let webhook: TelegramWebhook | undefined;
  const handleRequest: WebhookHandler = Object.assign(
    (headers: WebhookHeaders, body: string | Buffer) => webhook?.handleRequest(headers, body) ?? NOT_READY,
    {
      refuseHeaders: (headers: WebhookHeaders) =>
        webhook ? webhook.handleRequest.refuseHeaders?.(headers) : NOT_READY,
    },
  );
  return {
    name: 'telegram',
    handleRequest,
    start: async (url, signal) => {
      await initTelegramBot(bot, signal);
      // Made once: it hands the updates a killed process kept to the bot, which needs to know who it is.
      webhook ??= createTelegramWebhook({ bot, secretToken: secret, log: logPortOf(logger), inbox: options.inbox });
      await registerTelegramWebhook(bot.api, url, secret, signal);
      // Failures are logged by the API transformer; the menu is a convenience.
      registerTelegramCommands(bot).catch(() => undefined);
    },
    send: (chatId, replies) => sendTelegramReplies(bot, chatId, replies),
    settled: () => webhook?.settled() ?? Promise.resolve(),
    takeLeftOver: (receivedBefore) => webhook?.takeLeftOver(receivedBefore) ?? Promise.resolve(),
  };
}

function zaloChannel(
  options: WebhookModeOptions,
  secret: string,
  publicUrlFor: PublicUrlFor,
): WebhookChannel | undefined {
  const { config, handle, logger } = options;
  if (!config.ZALO_BOT_TOKEN) return undefined;
  const zalo = createZaloWebhookBot({
    token: config.ZALO_BOT_TOKEN,
    apiRoot: config.ZALO_API_ROOT,
    handle,
    log: logPortOf(logger),
    publicUrlFor,
    secretToken: secret,
    inbox: options.inbox,
    ...options.extras?.zalo,
  });
  return {
    name: 'zalo',
    handleRequest: zalo.handleRequest,
    start: (url) => zalo.register(url),
    send: (chatId, replies) => zalo.send(chatId, replies),
    settled: zalo.settled,
    takeLeftOver: zalo.takeLeftOver,
  };
}

/** Photos (charts) only: reports stay off the public address. A file too large for the store is left out. */
function photoPublisher(files: SharedFiles, logger: Logger): PublicUrlFor {
  return async (file) => {
    if (file.kind !== 'photo') return undefined;
    try {
      return await files.publish(file.content, file.mimeType);
    } catch (err) {
      logger.warn({ err, fileName: file.fileName }, 'webhook: a photo could not be published');
      return undefined;
    }
  };
}
