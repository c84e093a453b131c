import { parseArgs, type ParseArgsConfig } from 'node:util';
import { DEFAULT_DATABASE_PATH, DEFAULT_KNOWLEDGE_DIR } from '../config.js';
import { atHanoiTime, toIsoDay } from '../calendar/index.js';

/** `--db` and `--knowledge`, shared by the commands that read the database or the plans. */
export const PLACE_OPTIONS = { db: { type: 'string' }, knowledge: { type: 'string' } } as const;

/** The database file: `--db`, else `DATABASE_PATH`, else `data/troly.db`. */
export const databasePath = (flag: string | undefined): string =>
  flag ?? (process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH);

/** The PostgreSQL database the assistant uses (`DATABASE_URL`), or undefined when it uses a SQLite file. */
export const databaseUrl = (): string | undefined => process.env.DATABASE_URL || undefined;

/** The plans folder: `--knowledge`, else `KNOWLEDGE_DIR`, else `knowledge`. */
export const knowledgeDir = (flag: string | undefined): string =>
  flag ?? (process.env.KNOWLEDGE_DIR || DEFAULT_KNOWLEDGE_DIR);

const isParseArgsError = (err: unknown): err is Error =>
  err instanceof TypeError && String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS_');

/**
 * `parseArgs` of `node:util` (strict) for a command, or the exit code to return at once: `--help` prints the usage
 * (0); an unknown option, a missing value or a stray argument prints `command: <what is wrong>` and the usage to
 * stderr (1) instead of a stack trace.
 */
export function parseOptions<T extends ParseArgsConfig>(
  command: string,
  usage: string,
  config: T,
): ReturnType<typeof parseArgs<T>> | number {
  if (config.args?.includes('--help')) {
    console.log(usage);
    return 0;
  }
  try {
    return parseArgs(config);
  } catch (err) {
    if (!isParseArgsError(err)) throw err;
    console.error(`${command}: ${err.message}\n${usage}`);
    return 1;
  }
}

/** `--today 2026-06-01` → noon of that day in Hanoi; null for anything but a real calendar day as YYYY-MM-DD. */
export function parseToday(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const noon = atHanoiTime(text, '12:00');
  return Number.isNaN(noon.getTime()) || toIsoDay(noon) !== text ? null : noon;
}

/** What is wrong with a `--today` option, or null when it is absent or a real day. */
export const todayProblem = (today: string | undefined): string | null =>
  today !== undefined && !parseToday(today) ? `--today must be a day as YYYY-MM-DD, got '${today}'` : null;
