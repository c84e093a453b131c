import { pino, type Logger, type DestinationStream } from 'pino';
import type { Config } from './config.js';
import type { Log } from './tasks/index.js';

/** Paths pino blanks in every line: tokens and secrets wherever they appear in logged objects. */
export const REDACT_PATHS = [
  'token',
  '*.token',
  'config.TELEGRAM_BOT_TOKEN',
  'config.ZALO_BOT_TOKEN',
  'config.WEBHOOK_SECRET',
  'TELEGRAM_BOT_TOKEN',
  'ZALO_BOT_TOKEN',
  'WEBHOOK_SECRET',
  'secretToken',
  '*.secretToken',
  'headers["x-telegram-bot-api-secret-token"]',
  'headers["x-bot-api-secret-token"]',
  // A failed Bot API call carries its payload (secret_token of setWebhook, the text of a message).
  'err.payload',
  '*.payload',
];

/** The one logger of the process; everything else receives it (or a child) as a dependency. */
export function createLogger(
  config: Pick<Config, 'LOG_LEVEL'> & Partial<Config>,
  destination?: DestinationStream,
): Logger {
  const secrets = [
    config.TELEGRAM_BOT_TOKEN,
    config.ZALO_BOT_TOKEN,
    'WEBHOOK_SECRET' in config ? config.WEBHOOK_SECRET : undefined,
  ].filter((s): s is string => typeof s === 'string' && s.length > 0);
  return pino(
    {
      level: config.LOG_LEVEL,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      // A token can also hide inside a message or an error's text (a URL in an HTTP error): blank it there too.
      hooks: {
        streamWrite: (line) => secrets.reduce((out, secret) => out.split(secret).join('[redacted]'), line),
      },
    },
    destination,
  );
}

/**
 * The logging port the core, the channels, the server and the scheduler take, over the process's pino logger;
 * `logPortOf(logger)('warn', 'zalo: send failed', { err })` writes `logger.warn({ err }, 'zalo: send failed')`.
 */
export function logPortOf(logger: Logger): Log {
  return (level, msg, data) => logger[level](data ?? {}, msg);
}

export type { Logger, Log };
