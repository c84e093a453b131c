import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { loadKnowledge } from '../../src/ingest/index.js';
import { openStore } from '../../src/store/index.js';
import { openPgStore } from '../../src/store/pg/index.js';
import type { InviteRecord } from '../../src/tasks/index.js';
import { random } from '../corpus.js';
import { botEnv, digestCronAt, pastDigestCron } from './bot-env.js';
import { killAllBots } from './bot-process.js';
import { startFakeTelegram, type FakeTelegram } from './fake-telegram.js';
import { answeredBy, createFleet, type Fleet } from './fleet.js';
import type { SoakOptions } from './options.js';
import { createSoakDatabase, type SoakDatabase } from './pg-database.js';
import { buildReport, type SoakReport } from './report.js';
import { buildScripts, type UserScript } from './script.js';
import { openPgReader, openSqliteReader, type StoreReader } from './store-reader.js';
import { createUsers, type Users } from './users.js';

const TOKEN = '123456789:SOAK-token_for-telegram';
/** One secret for every instance, as behind a load balancer: each registers the same webhook address. */
const WEBHOOK_SECRET = 'soak-webhook_shared-secret-0123456789';
const START_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 15_000;
/** After the last message settles: time for answers to updates delivered again after a kill. */
const DRAIN_MS = 500;
/** PostgreSQL runs: the digest falls due this long after the first bot process starts. */
const DIGEST_LEAD_MS = 20_000;
/** The digest's sending is over once the notifications looked settled twice this far apart. */
const DIGEST_POLL_MS = 1_000;

/**
 * The soak: a fake Telegram on 127.0.0.1, the real bot (`src/main.ts`) against it with a temp SQLite file or a fresh
 * PostgreSQL database, one process polling or several in webhook mode behind a round-robin proxy, the simulated
 * people, SIGKILL and restart (of the first instance) at the given shares of the messages, a graceful stop, then the
 * checks. The temp folder, the database and every process are cleaned up whatever happens (`keep` keeps the folder).
 */
export async function runSoak(options: SoakOptions): Promise<SoakReport & { dir?: string }> {
  const deadline = Date.now() + options.timeLimitMs;
  const dir = mkdtempSync(join(tmpdir(), 'troly-soak-'));
  // Also on an interrupt: the entry point exits on SIGINT/SIGTERM, and 'exit' listeners still run.
  const removeDir = () => {
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  };
  process.once('exit', removeDir);
  const postgres = options.store === 'postgres';
  const runTag = randomBytes(3).toString('hex');
  const plans = (await loadKnowledge(options.knowledgeDir)).plans;
  const scripts = buildScripts(plans, { ...options, runTag, digestScheduled: postgres });
  const dbPath = join(dir, 'data', 'troly.db');
  let database: SoakDatabase | undefined;
  let reader: StoreReader | undefined;
  let server: FakeTelegram | undefined;
  let fleet: Fleet | undefined;
  try {
    database = postgres ? await createSoakDatabase() : undefined;
    await createInvites(database?.url ?? dbPath, scripts);
    reader = database ? openPgReader(database.url) : openSqliteReader(dbPath);
    server = await startFakeTelegram({
      token: TOKEN,
      floodRate: options.floodRate,
      rnd: random(options.seed + 1),
      ...(options.instances > 1 ? { webhook: { answeredBy: answeredBy(() => fleet) } } : {}),
    });
    for (const s of scripts) server.addUser(s.user);
    const errors: string[] = [];
    const digestAt = postgres ? new Date(Date.now() + DIGEST_LEAD_MS) : undefined;
    const digestCron = digestAt ? digestCronAt(digestAt) : pastDigestCron(new Date());
    const env = (index: number, gen: number, webhook?: { port: number; publicUrl: string }) => {
      const path = options.instances === 1 ? dbPath : join(dir, `data-${index}`, 'troly.db');
      const place = {
        token: TOKEN,
        apiRoot: server!.apiRootOf(gen),
        dbPath: path,
        databaseUrl: database?.url,
        webhook: webhook && { ...webhook, secret: WEBHOOK_SECRET },
        digestCron,
      };
      return botEnv(place, options);
    };
    const parts = await wire(options, server, { dir, env, reader }, scripts, errors);
    fleet = parts.fleet;
    await fleet.start();
    const stopAt = setTimeout(() => parts.abort(), Math.max(0, deadline - Date.now()));
    const startedAt = Date.now();
    const conversations = await parts.users.run();
    const endedAt = Date.now();
    clearTimeout(stopAt);
    if (digestAt) await awaitDigest(reader, digestAt, scripts.length, deadline);
    await sleep(DRAIN_MS);
    await fleet.stop(STOP_GRACE_MS);
    const log = fleet.closeLogs();
    const input = {
      options,
      conversations,
      server,
      stored: await reader.updateRows(),
      notifications: await reader.notificationRows(),
      digestScheduled: digestAt !== undefined && Date.now() > digestAt.getTime(),
      supervisors: fleet.supervisors,
      kills: fleet.kills,
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
    fleet?.closeLogs();
    await fleet?.close();
    await reader?.close();
    await server?.stop();
    await database?.drop();
    removeDir();
    process.off('exit', removeDir);
  }
}

/** Connects the people, the logs, the bot processes and the kill schedule. */
async function wire(
  options: SoakOptions,
  server: FakeTelegram,
  parts: { dir: string; env: Parameters<typeof createFleet>[0]['env']; reader: StoreReader },
  scripts: UserScript[],
  errors: string[],
) {
  const thresholds = options.killAt.map((share) => Math.ceil(share * options.messages)).sort((a, b) => a - b);
  let timedOut = false;
  let fleet: Fleet | undefined;
  const users: Users = createUsers({
    server,
    scripts,
    answerTimeoutMs: options.answerTimeoutMs,
    kills: () => fleet?.kills ?? 0,
    botUp: () => fleet?.up ?? false,
    isDone: (updateId) => parts.reader.isDone(updateId),
    onSent: (count) => {
      while (thresholds.length > 0 && count >= thresholds[0]!) {
        thresholds.shift();
        fleet!.crash().catch((err: unknown) => {
          errors.push(String(err));
          users.abort();
        });
      }
    },
  });
  server.on('deliver', (updateId) => users.delivered(updateId));
  fleet = await createFleet({
    instances: options.instances,
    dir: parts.dir,
    cwd: options.cwd,
    server,
    env: parts.env,
    restartDelayMs: options.restartDelayMs,
    startTimeoutMs: START_TIMEOUT_MS,
    on: {
      handled: (updateId) => users.handled(updateId),
      // An update settled already (its handling logged) is no delivery to count: a process starting while another
      // finished it read it from the inbox just before it was marked done, and drops it (the delivery log says it is
      // answered). Were it answered again, that answer would still show, in the next message's stretch.
      replayed: (updateId, gen) => {
        if (users.waitsFor(updateId)) server.replayed(updateId, gen);
      },
      dead: (gen) => users.dead(gen),
    },
  });
  const abort = () => {
    timedOut = true;
    users.abort();
  };
  return { users, fleet, abort, timedOut: () => timedOut };
}

/**
 * Waits (until `deadline`) for the digest due at `at` to be sent: a `digest` row per person, none still claimed, the
 * same twice in a row (a person's chart is claimed after their text).
 */
async function awaitDigest(reader: StoreReader, at: Date, recipients: number, deadline: number): Promise<void> {
  let settled = 0;
  while (Date.now() < deadline && settled < 2) {
    await sleep(DIGEST_POLL_MS);
    if (Date.now() < at.getTime()) continue;
    const rows = await reader.notificationRows();
    const done =
      rows.filter((r) => r.kind === 'digest').length >= recipients && rows.every((r) => r.state !== 'claimed');
    settled = done ? settled + 1 : 0;
  }
}

/**
 * One leader invite per person, on their plan, written before the bot starts (as `npm run cli -- invite` does):
 * into the SQLite file at `where`, or the PostgreSQL database at that URL (which is migrated first).
 */
async function createInvites(where: string, scripts: UserScript[]): Promise<void> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + 86_400_000);
  const invites: InviteRecord[] = scripts.map(({ invite }) => ({
    code: invite.code,
    plan: invite.plan,
    unit: null,
    role: 'leader',
    createdAt: now,
    expiresAt,
    usedAt: null,
    usedBy: null,
  }));
  if (where.startsWith('postgres')) {
    const store = await openPgStore({ url: where });
    try {
      for (const invite of invites) await store.invites.create(invite);
    } finally {
      await store.close();
    }
    return;
  }
  const store = openStore(where);
  try {
    // One commit: SQLite's repositories write at once (their Promise is already settled), so they run inside it.
    store.db.transaction(() => {
      for (const invite of invites) void store.invites.create(invite);
    })();
  } finally {
    store.close();
  }
}
