import type { SoakOptions } from './options.js';

/** Where one bot process finds the fake Telegram, its database, and (webhook mode) how it is reached. */
export type BotPlace = {
  token: string;
  apiRoot: string;
  /** The SQLite file; with `databaseUrl`, only the plans' start-up cache. */
  dbPath: string;
  /** PostgreSQL: the soak's fresh database. */
  databaseUrl?: string;
  /** Webhook mode: the instance's own port, the proxy's address as PUBLIC_URL and the secret every instance shares. */
  webhook?: { port: number; publicUrl: string; secret: string };
  digestCron: string;
};

const HANOI_OFFSET_MS = 7 * 3_600_000;

/**
 * The digest schedule of a run without a digest: once a year, on a day three days past, so none falls due during
 * the run (the scheduler would otherwise catch up a morning digest at each restart).
 */
export function pastDigestCron(now: Date): string {
  const past = new Date(now.getTime() + HANOI_OFFSET_MS - 3 * 86_400_000);
  return `0 3 ${past.getUTCDate()} ${past.getUTCMonth() + 1} *`;
}

/**
 * A digest falling due once, at `at` (to the second), written in Hanoi time as the scheduler reads it: once a year,
 * so the slot before it is beyond the catch-up horizon and no start catches up an older digest.
 * `digestCronAt(2026-12-05T03:40:20Z)` is `"20 40 10 5 12 *"`.
 */
export function digestCronAt(at: Date): string {
  const hanoi = new Date(at.getTime() + HANOI_OFFSET_MS);
  return `${hanoi.getUTCSeconds()} ${hanoi.getUTCMinutes()} ${hanoi.getUTCHours()} ${hanoi.getUTCDate()} ${hanoi.getUTCMonth() + 1} *`;
}

/** The bot's whole environment. */
export function botEnv(place: BotPlace, options: SoakOptions): Record<string, string> {
  return {
    ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    TELEGRAM_BOT_TOKEN: place.token,
    TELEGRAM_API_ROOT: place.apiRoot,
    DATABASE_PATH: place.dbPath,
    ...(place.databaseUrl ? { DATABASE_URL: place.databaseUrl } : {}),
    KNOWLEDGE_DIR: options.knowledgeDir,
    LOG_LEVEL: 'info',
    ...(place.webhook
      ? {
          BOT_MODE: 'webhook',
          PORT: String(place.webhook.port),
          PUBLIC_URL: place.webhook.publicUrl,
          WEBHOOK_SECRET: place.webhook.secret,
        }
      : { BOT_MODE: 'polling', PORT: '0' }),
    // Simulated people send far faster than a person can (flood control would answer most of them "slow down"), and
    // the local server has no sending limits to respect: both are tested on their own (test/chat/rate-limit.test.ts,
    // test/channels/outbox.test.ts), the soak measures the bot itself.
    RATE_LIMIT_PER_MINUTE: '0',
    SEND_PACING: 'off',
    DIGEST_CRON: place.digestCron,
  };
}
