import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

/** What one soak run does; every field has a default (the full run of issue 7). */
export type SoakOptions = {
  /** Simulated people; default 200. */
  users: number;
  /** Messages in all (registrations and duplicates included); default 10,000. */
  messages: number;
  /** When to SIGKILL the bot, as shares of the messages sent; default [0.3, 0.65]. */
  killAt: number[];
  /** The whole run stops (and fails) after this long; default 10 minutes. */
  timeLimitMs: number;
  /**
   * A message with no end this long after its last delivery counts as unanswered; default 45 s: longer than the
   * delivery log's lease (30 s) and its 5 s retry, after which a claim of a process not known to be gone is taken (the
   * killed process's claims are taken at once: same host, its pid gone).
   */
  answerTimeoutMs: number;
  /** Share of the bot's sending calls answered 429 (retry after 1 s); default 0.002. */
  floodRate: number;
  /** Share of messages that deliver the previous update again under its update_id; default 0.03. */
  dupRate: number;
  /** Seed of the messages and of the 429s; default 226. */
  seed: number;
  /** Pause between a kill and the restart; default 250 ms. */
  restartDelayMs: number;
  /** NODE_OPTIONS of the bot process (e.g. `--max-old-space-size=160`); default none. */
  nodeOptions: string;
  /** Keep the temp folder (database, log) and print where it is; default false. */
  keep: boolean;
  /** The plans; default `knowledge` in the project. */
  knowledgeDir: string;
  /** The project folder the bot is started from; default the current folder. */
  cwd: string;
  /**
   * The bot's store: `sqlite` (a temp file) or `postgres` (a fresh database on the local server, dropped at the end);
   * default sqlite. On PostgreSQL a digest falls due during the run (checked: each sent once).
   */
  store: SoakStore;
  /**
   * Bot processes: 1 polls Telegram; 2 or more (PostgreSQL only) run in webhook mode behind a round-robin proxy, and
   * the kills hit the first one; default 1.
   */
  instances: number;
};

export type SoakStore = 'sqlite' | 'postgres';

export const DEFAULT_OPTIONS: SoakOptions = {
  users: 200,
  messages: 10_000,
  killAt: [0.3, 0.65],
  timeLimitMs: 600_000,
  answerTimeoutMs: 45_000,
  floodRate: 0.002,
  dupRate: 0.03,
  seed: 226,
  restartDelayMs: 250,
  nodeOptions: '',
  keep: false,
  knowledgeDir: resolve('knowledge'),
  cwd: resolve('.'),
  store: 'sqlite',
  instances: 1,
};

const FLAGS = {
  users: { type: 'string' },
  messages: { type: 'string' },
  'kill-at': { type: 'string' },
  'time-limit': { type: 'string' },
  'answer-timeout': { type: 'string' },
  flood: { type: 'string' },
  dup: { type: 'string' },
  seed: { type: 'string' },
  'restart-delay': { type: 'string' },
  'node-options': { type: 'string' },
  keep: { type: 'boolean' },
  store: { type: 'string' },
  instances: { type: 'string' },
} as const;

/** `npm run soak -- --users 20 --messages 500 --kill-at 0.5 --time-limit 120`; SOAK_USERS, SOAK_MESSAGES... work too. */
export const USAGE =
  'usage: npm run soak -- [--users 200] [--messages 10000] [--kill-at 0.3,0.65] [--time-limit 600 (s)] [--answer-timeout 45 (s)]\n' +
  '       [--flood 0.002] [--dup 0.03] [--seed 226] [--restart-delay 250 (ms)] [--node-options ""] [--keep]\n' +
  '       [--store sqlite|postgres] [--instances 1 (2+ needs postgres: webhook mode behind a round-robin proxy)]\n' +
  '       (or SOAK_USERS, SOAK_MESSAGES, SOAK_KILL_AT, SOAK_STORE, SOAK_INSTANCES, ...)';

/** Reads flags, then SOAK_* variables, then defaults; throws with the usage on a bad value. */
export function parseSoakOptions(argv: string[], env: Record<string, string | undefined> = process.env): SoakOptions {
  const { values } = parseArgs({ args: argv, options: FLAGS, strict: true });
  const raw = (flag: keyof typeof FLAGS) => {
    const value = values[flag];
    return typeof value === 'string' ? value : env[`SOAK_${flag.toUpperCase().replaceAll('-', '_')}`];
  };
  const num = (flag: keyof typeof FLAGS, fallback: number, scale = 1) => {
    const text = raw(flag);
    if (text === undefined || text === '') return fallback;
    const value = Number(text);
    if (!Number.isFinite(value) || value < 0)
      throw new Error(`soak: --${flag} must be a number >= 0, not "${text}"\n${USAGE}`);
    return value * scale;
  };
  const killAt = raw('kill-at');
  const options: SoakOptions = {
    ...DEFAULT_OPTIONS,
    users: num('users', DEFAULT_OPTIONS.users),
    messages: num('messages', DEFAULT_OPTIONS.messages),
    killAt:
      killAt === undefined
        ? DEFAULT_OPTIONS.killAt
        : killAt
            .split(',')
            .filter((s) => s.trim() !== '')
            .map(Number),
    timeLimitMs: num('time-limit', DEFAULT_OPTIONS.timeLimitMs, 1000),
    answerTimeoutMs: num('answer-timeout', DEFAULT_OPTIONS.answerTimeoutMs, 1000),
    floodRate: num('flood', DEFAULT_OPTIONS.floodRate),
    dupRate: num('dup', DEFAULT_OPTIONS.dupRate),
    seed: num('seed', DEFAULT_OPTIONS.seed),
    restartDelayMs: num('restart-delay', DEFAULT_OPTIONS.restartDelayMs),
    nodeOptions: raw('node-options') ?? '',
    keep: values.keep === true || env.SOAK_KEEP === '1',
    store: storeOf(raw('store')),
    instances: num('instances', DEFAULT_OPTIONS.instances),
  };
  if (
    options.users < 1 ||
    options.messages < options.users ||
    !Number.isInteger(options.users) ||
    !Number.isInteger(options.messages)
  ) {
    throw new Error(`soak: need whole numbers with at least one message per user\n${USAGE}`);
  }
  if (options.killAt.some((k) => !(k > 0 && k < 1)))
    throw new Error(`soak: --kill-at takes shares between 0 and 1, e.g. 0.3,0.65\n${USAGE}`);
  if (options.instances < 1 || !Number.isInteger(options.instances))
    throw new Error(`soak: --instances takes a whole number from 1\n${USAGE}`);
  if (options.instances > 1 && options.store !== 'postgres')
    throw new Error(
      `soak: --instances ${options.instances} needs --store postgres (instances share one database; SQLite is one process's file)\n${USAGE}`,
    );
  return options;
}

function storeOf(text: string | undefined): SoakStore {
  if (text === undefined || text === '') return DEFAULT_OPTIONS.store;
  if (text === 'sqlite' || text === 'postgres') return text;
  throw new Error(`soak: --store takes sqlite or postgres, not "${text}"\n${USAGE}`);
}
