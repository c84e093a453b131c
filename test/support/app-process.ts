import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach } from 'vitest';
import { startTelegramServer, type TelegramTestServer } from './telegram-server.js';
import { createTmpDb, type TmpDb } from './tmp-db.js';

/** The project root: the process runs from here, as `npm start` does. */
export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Nothing listens here: an API root no test server was given for fails at once instead of reaching the internet. */
const NOWHERE = 'http://127.0.0.1:9';
const WAIT_LIMIT_MS = 20_000;
const WAIT_STEP_MS = 10;

/** One pino line the process wrote (bot mode logs JSON to stdout). */
export type LogRecord = { level: number; msg: string } & Record<string, unknown>;
export type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** The assistant running as its own process (`node --import tsx src/main.ts`), its output kept for assertions. */
export type AppProcess = {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** The JSON log lines of stdout, parsed; other lines are skipped. */
  logs(): LogRecord[];
  /** Waits until a log line with this message has been written `count` times; returns the last one. */
  waitForLog(msg: string, count?: number): Promise<LogRecord>;
  /** Waits until stdout holds `text` `count` times (the terminal chat's answers). */
  waitForStdout(text: string, count?: number): Promise<void>;
  /** Types one line into the terminal chat. */
  type(line: string): void;
  /** Settles when the process has ended. */
  exited: Promise<Exit>;
};

/**
 * Starts the assistant with only `env` (plus PATH and HOME): a developer's own bot tokens never leak in, and both
 * API roots point to a closed local port unless the test gives its local servers. `uid`/`gid` run it as another
 * user (a test running as root, to whom file modes mean nothing).
 */
export function startApp(env: Record<string, string>, options: { uid?: number; gid?: number } = {}): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: PROJECT_ROOT,
    ...options,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      TELEGRAM_API_ROOT: NOWHERE,
      ZALO_API_ROOT: NOWHERE,
      // A free port for the dashboard's server: test processes run side by side.
      PORT: '0',
      ...env,
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  let ended = false;
  const exited = new Promise<Exit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal })));
  void exited.then(() => {
    ended = true;
    running.delete(child);
  });
  const logs = () => out.split('\n').flatMap((line) => (line.startsWith('{') ? [JSON.parse(line) as LogRecord] : []));
  const occurrences = (text: string) => out.split(text).length - 1;
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    logs,
    waitForLog: (msg, count = 1) =>
      waitFor(
        `log "${msg}" x${count}`,
        () => ended,
        () => logs().filter((l) => l.msg === msg)[count - 1],
      ),
    waitForStdout: (text, count = 1) =>
      waitFor(
        `"${text}" x${count} on stdout`,
        () => ended,
        () => (occurrences(text) >= count ? true : undefined),
      ).then(() => undefined),
    type: (line) => void child.stdin!.write(`${line}\n`),
    exited,
  };
}

const running = new Set<ChildProcess>();

/** A daily cron (DIGEST_CRON) whose slot fell due `minutes` ago, Hanoi time (UTC+7): the catch-up at start owes it. */
export function dailyCronDueMinutesAgo(minutes: number): string {
  const hanoi = new Date(Date.now() - minutes * 60_000 + 7 * 3600_000);
  return `${hanoi.getUTCMinutes()} ${hanoi.getUTCHours()} * * *`;
}

/**
 * Registers hooks giving each test of the file a fresh temp database (not created yet: the process creates it, or
 * the test seeds it); after the test, the processes it left running are killed, then the folder is removed.
 */
export function useAppDb(): () => TmpDb {
  let db: TmpDb;
  beforeEach(() => {
    db = createTmpDb();
  });
  afterEach(async () => {
    await killLeftovers();
    db.cleanup();
  });
  return () => db;
}

/**
 * Registers hooks giving each test a local Telegram Bot API (test/support/telegram-server.ts); `start(env)` runs the
 * assistant polling it on `db` (LOG_LEVEL info) and resolves once it logged 'start: ready'.
 */
export function useTelegramApp(db: () => TmpDb): {
  server(): TelegramTestServer;
  start(env?: Record<string, string>): Promise<AppProcess>;
} {
  let server: TelegramTestServer;
  beforeEach(async () => {
    server = await startTelegramServer();
  });
  afterEach(async () => {
    await killLeftovers();
    await server.stop();
  });
  return {
    server: () => server,
    start: async (env = {}) => {
      const app = startApp({
        DATABASE_PATH: db().path,
        TELEGRAM_BOT_TOKEN: server.token,
        TELEGRAM_API_ROOT: server.apiRoot,
        LOG_LEVEL: 'info',
        ...env,
      });
      await app.waitForLog('start: ready');
      return app;
    },
  };
}

/** Kills what a test left running (a failed assertion before the stop): call in afterEach. */
export async function killLeftovers(): Promise<void> {
  await Promise.all(
    [...running].map(async (child) => {
      const closed = new Promise((resolve) => child.once('close', resolve));
      child.kill('SIGKILL');
      await closed;
    }),
  );
}

async function waitFor<T>(what: string, ended: () => boolean, probe: () => T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_LIMIT_MS;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (ended()) throw new Error(`app process: ended while waiting for ${what}`);
    if (Date.now() > deadline) throw new Error(`app process: gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, WAIT_STEP_MS));
  }
}
