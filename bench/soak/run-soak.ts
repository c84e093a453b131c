import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadKnowledge } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import { random } from '../corpus.js';
import { killAllBots } from './bot-process.js';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram.js';
import { openInboxReader, type InboxReader } from './inbox-reader.js';
import { tailLog, type LogTail } from './log-tail.js';
import type { SoakOptions } from './options.js';
import { buildReport, type SoakReport } from './report.js';
import { buildScripts, type UserScript } from './script.js';
import { createSupervisor, type Supervisor } from './supervisor.js';
import { createUsers, type Users } from './users.js';

const TOKEN = '123456789:SOAK-token_for-telegram';
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
/** After the last message settles: time for answers to updates delivered again after a kill. */
const DRAIN_MS = 500;

/**
 * The soak: a fake Telegram on 127.0.0.1, the real bot process (`src/main.ts`) against it with a temp database, the
 * simulated people, SIGKILL and restart at the given shares of the messages, a graceful stop, then the checks.
 * The temp folder and every process are cleaned up whatever happens (the folder is kept with `keep`).
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport & { dir?: string }> {
  const deadline = Date.now() + options.timeLimitMs;
  const dir = mkdtempSync(join(tmpdir(), 'troly-soak-'));
  const dbPath = join(dir, 'data', 'troly.db');
  const logFile = join(dir, 'bot.log');
  writeFileSync(logFile, '');
  // Also on an interrupt: the entry point exits on SIGINT/SIGTERM, and 'exit' listeners still run.
  const removeDir = () => {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeDir);
  const runTag = randomBytes(3).toString('hex');
  const scripts = buildScripts((await loadKnowledge(options.knowledgeDir)).plans, { ...options, runTag });
  createInvites(dbPath, scripts);
  const server = await startFakeTelegram({ token: TOKEN, floodRate: options.floodRate, rnd: random(options.seed + 1) });
  let tail: LogTail | undefined;
  const inbox = openInboxReader(dbPath);
  try {
    for (const s of scripts) server.addUser(s.user);
    const errors: string[] = [];
    const parts = wire(options, server, { dbPath, logFile, inbox }, scripts, errors);
    tail = parts.tail;
    await parts.supervisor.start();
    const stopAt = setTimeout(() => parts.abort(), Math.max(0, deadline - Date.now()));
    const startedAt = Date.now();
    const conversations = await parts.users.run();
    const endedAt = Date.now();
    clearTimeout(stopAt);
    await sleep(DRAIN_MS);
    await parts.supervisor.stop(STOP_GRACE_MS);
    tail.stop();
    const log = tail.summary();
    tail = undefined;
    const input = {
      options,
      conversations,
      server,
      dbPath,
      supervisor: parts.supervisor,
      log,
      sent: parts.users.sent,
      startedAt,
      endedAt,
      timedOut: parts.timedOut(),
      errors,
    };
    return { ...buildReport(input), ...(options.keep ? { dir } : {}) };
  } finally {
    killAllBots();
    tail?.stop();
    inbox.close();
    await server.stop();
    removeDir();
    process.off('exit', removeDir);
  }
}

/** Connects the people, the log, the bot processes and the kill schedule. */
function wire(
  options: SoakOptions,
  server: FakeTelegram,
  files: { dbPath: string; logFile: string; inbox: InboxReader },
  scripts: UserScript[],
  errors: string[],
) {
  const { dbPath, logFile } = files;
  const thresholds = options.killAt.map((share) => Math.ceil(share * options.messages)).sort((a, b) => a - b);
  let timedOut = false;
  let supervisor: Supervisor | undefined;
  const users: Users = createUsers({
    server,
    scripts,
    answerTimeoutMs: options.answerTimeoutMs,
    kills: () => supervisor?.kills ?? 0,
    botUp: () => supervisor?.up ?? false,
    isDone: (updateId) => files.inbox.isDone(updateId),
    onSent: (count) => {
      while (thresholds.length > 0 && count >= thresholds[0]!) {
        thresholds.shift();
        supervisor!.crash().catch((err: unknown) => {
          errors.push(String(err));
          users.abort();
        });
      }
    },
  });
  const tail = tailLog(logFile, {
    handled: (updateId) => users.handled(updateId),
    replayed: (updateId) => server.replayed(updateId),
  });
  server.on('deliver', (updateId) => users.delivered(updateId));
  supervisor = createSupervisor({
    server,
    process: { cwd: options.cwd, env: botEnv(server.apiRoot, dbPath, options), logFile },
    restartDelayMs: options.restartDelayMs,
    startTimeoutMs: START_TIMEOUT_MS,
    onDead: (gen) => {
      tail.read();
      users.dead(gen);
    },
  });
  const abort = () => {
    timedOut = true;
    users.abort();
  };
  return { users, tail, supervisor, abort, timedOut: () => timedOut };
}

/** One leader invite per person, on their plan, written before the bot starts (as `npm run cli -- invite` does). */
function createInvites(dbPath: string, scripts: UserScript[]): void {
  const store = openStore(dbPath);
  try {
    const now = new Date();
    const expiresAt = new Date(now.getTime() + 86_400_000);
    // One commit: SQLite's repositories write at once (their Promise is already settled), so they run inside it.
    store.db.transaction(() => {
      for (const { invite } of scripts) {
        void store.invites.create({
          code: invite.code,
          plan: invite.plan,
          unit: null,
          role: 'leader',
          createdAt: now,
          expiresAt,
          usedAt: null,
          usedBy: null,
        });
      }
    })();
  } finally {
    store.close();
  }
}

/**
 * The bot's whole environment. The digest is scheduled once a year, on a day three days past, so no digest falls
 * due during the run (the scheduler would otherwise catch up a morning digest at each restart).
 */
function botEnv(apiRoot: string, dbPath: string, options: SoakOptions): Record<string, string> {
  const past = new Date(Date.now() + 7 * 3_600_000 - 3 * 86_400_000);
  return {
    ...(options.nodeOptions ? { NODE_OPTIONS: options.nodeOptions } : {}),
    TELEGRAM_BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_PATH: dbPath,
    KNOWLEDGE_DIR: options.knowledgeDir,
    LOG_LEVEL: 'info',
    BOT_MODE: 'polling',
    PORT: '0',
    // Simulated people send far faster than a person can (flood control would answer most of them "slow down"), and
    // the local server has no sending limits to respect: both are tested on their own (test/chat/rate-limit.test.ts,
    // test/channels/outbox.test.ts), the soak measures the bot itself.
    RATE_LIMIT_PER_MINUTE: '0',
    SEND_PACING: 'off',
    DIGEST_CRON: `0 3 ${past.getUTCDate()} ${past.getUTCMonth() + 1} *`,
  };
}
