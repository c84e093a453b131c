import { Cron } from 'croner';
import { z } from 'zod';

const optionalToken = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9:_-]{10,}$/, 'must look like a bot token (letters, digits, ":", "_", "-")')
  .optional()
  .or(z.literal('').transform(() => undefined));

const logLevel = z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']);

/** Where the database and the plans are when the environment does not say (the CLI uses them too). */
export const DEFAULT_DATABASE_PATH = 'data/troly.db';
export const DEFAULT_KNOWLEDGE_DIR = 'knowledge';

/** A whole number from `min` to `max` (an empty value: the default), refused with `problem`. */
const wholeNumber = (min: number, max: number, fallback: number, problem: string) =>
  z.preprocess(
    (v) => (v === '' ? undefined : v),
    z.coerce.number(problem).int(problem).min(min, problem).max(max, problem).default(fallback),
  );

/** `postgres://user:password@host:5432/database` (also `postgresql://`); empty: none (SQLite at DATABASE_PATH). */
const databaseUrl = z
  .string()
  .trim()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a PostgreSQL address such as postgres://user:password@host:5432/troly')
  .optional()
  .or(z.literal('').transform(() => undefined));

const common = z.object({
  TELEGRAM_BOT_TOKEN: optionalToken,
  TELEGRAM_API_ROOT: z.url().default('https://api.telegram.org'),
  ZALO_BOT_TOKEN: optionalToken,
  ZALO_API_ROOT: z.url().default('https://bot-api.zaloplatforms.com'),
  DATABASE_PATH: z.string().min(1).default(DEFAULT_DATABASE_PATH),
  DATABASE_URL: databaseUrl,
  DATABASE_POOL_SIZE: wholeNumber(1, 100, 10, 'must be a whole number from 1 to 100'),
  DATABASE_STATEMENT_TIMEOUT_MS: wholeNumber(0, 600_000, 10_000, 'must be a whole number of ms from 0 (off) to 600000'),
  KNOWLEDGE_DIR: z.string().min(1).default(DEFAULT_KNOWLEDGE_DIR),
  LOG_LEVEL: logLevel.default('info'),
  DIGEST_CRON: z
    .string()
    .default('30 7 * * 1-5')
    .refine(isCron, 'must be a cron expression such as "30 7 * * 1-5" (07:30 on weekdays)'),
  RATE_LIMIT_PER_MINUTE: wholeNumber(0, 10_000, 20, 'must be a whole number from 0 (off) to 10000'),
  SEND_PACING: z.enum(['on', 'off'], 'must be "on" or "off"').default('on'),
  QUESTION_LOG_SECRET: z
    .string()
    .min(16, 'must be at least 16 characters (e.g. `openssl rand -hex 32`)')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  QUESTION_LOG_DAYS: wholeNumber(1, 3650, 90, 'must be a whole number of days from 1 to 3650'),
  QUESTION_REPORT_CRON: z
    .string()
    .default('0 8 * * 1')
    .refine(isCron, 'must be a cron expression such as "0 8 * * 1" (08:00 on Mondays)'),
  /** The HTTP server (dashboard, /healthz, webhooks) listens here whenever a bot token is set; 0 takes a free port. */
  PORT: wholeNumber(0, 65535, 8080, 'must be a port number from 0 (any free port) to 65535'),
  /** Where people reach the server: the base of dashboard links; default http://127.0.0.1:PORT. */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

const polling = common.extend({ BOT_MODE: z.literal('polling').default('polling') });
const webhook = common.extend({
  BOT_MODE: z.literal('webhook'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  WEBHOOK_SECRET: z
    .string()
    .regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16-256 letters, digits, "_" or "-"')
    .optional(),
  /** An update an instance acknowledged and left unanswered this long is answered by another (several instances). */
  INBOX_TAKEOVER_SECONDS: wholeNumber(1, 3600, 60, 'must be a whole number of seconds from 1 to 3600'),
});

/** Environment variables the assistant reads, with their defaults (documented in .env.example). */
export const configSchema = z.discriminatedUnion('BOT_MODE', [polling, webhook]);
export type Config = z.infer<typeof configSchema>;

/** A malformed environment: names the variable so start-up can stop with one clear line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Config: ${variable} ${problem}`);
  }
}

/** Reads and validates the environment once; throws ConfigError naming the first bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = { ...env, BOT_MODE: env.BOT_MODE === '' ? undefined : (env.BOT_MODE ?? 'polling') };
  const result = configSchema.safeParse(input);
  if (result.success) {
    return result.data;
  }
  const issue = result.error.issues[0]!;
  const variable = issue.path.length > 0 ? String(issue.path[0]) : 'BOT_MODE';
  const problem = variable === 'BOT_MODE' && issue.path.length === 0 ? 'must be "polling" or "webhook"' : issue.message;
  throw new ConfigError(variable, problem.startsWith('must') ? problem : `is invalid: ${problem}`);
}

/** The base of the links people open (PUBLIC_URL without a trailing slash), or `http://127.0.0.1:<port>` without it. */
export function publicUrlOf(config: Config, port: number = config.PORT): string {
  return (config.PUBLIC_URL ?? `http://127.0.0.1:${port}`).replace(/\/+$/, '');
}

function isCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}
