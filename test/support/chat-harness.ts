import {
  createAsk,
  createChat,
  createKnowledgeHolder,
  type ChatHandler,
  type DashboardLinks,
  type KnowledgeHolder,
  type Channel,
  type Log,
  type Reply,
  type ReportCommands,
} from '../../src/chat/index.js';
import type { Plan } from '../../src/knowledge/index.js';
import { createReportCommands } from '../../src/report-commands/index.js';
import { buildSearch } from '../../src/search/index.js';
import type { Store } from '../../src/store/index.js';
import type { PlanIntake, Role } from '../../src/tasks/index.js';
import { shippedPlans, shippedSearch } from './shipped.js';
import { createTmpDb, type TmpDb } from './tmp-db.js';

/** Who sends: a platform user id on a channel (default telegram), with a display name. */
export type Sender = { id: string; name?: string; channel?: Channel };

export type HarnessOptions = {
  /** Start time (default 2026-06-01 09:00 Hanoi). */
  now?: Date;
  /** Handlers replacing the real digest and report commands (built over the harness's store, as main.ts does). */
  reportCommands?: Partial<ReportCommands>;
  /** Plans folder (default the real `knowledge/`). */
  knowledgeDir?: string;
  /** Plans already read (any format, by `loadKnowledge`), instead of the text plans of `knowledgeDir`. */
  plans?: Plan[];
  /** Takes plan files admins send (built over the harness's knowledge holder); default none. */
  planIntake?: (knowledge: KnowledgeHolder) => PlanIntake;
  /** Where the chat core logs; default silent. */
  log?: Log;
  /** Log questions in the store and offer 👍/👎 under answers (as main.ts does); default off, replies are text only. */
  questionLog?: boolean;
  /** Dashboard sign-in links for /bangdieukhien; default none (as in the terminal). */
  dashboard?: DashboardLinks;
};

/**
 * A real chat core on a SQLite file in a temp folder with the real plans and search: drive it like
 * people do (`say`, `press`), move the clock, restart the process (`restart`), read raw rows (`db.rows`).
 */
export type ChatHarness = {
  plans: Plan[];
  /** The holder the chat core reads its plans and search index from; swap it to act as a reload. */
  knowledge: KnowledgeHolder;
  db: TmpDb;
  store(): Store;
  chat(): ChatHandler;
  now(): Date;
  /** Moves the clock forward. */
  advance(ms: number): void;
  /** Creates an invite code (valid 7 days from now unless `expiresAt`). */
  invite(opts: {
    plan: string | null;
    unit?: string | null;
    role: Role;
    code?: string;
    expiresAt?: Date;
  }): Promise<string>;
  /** Sends text; returns every reply. `messageId` defaults to a fresh one (give one to replay a delivery). */
  send(
    from: Sender,
    text: string,
    opts?: { isChoice?: boolean; messageId?: string; inGroup?: boolean },
  ): Promise<Reply[]>;
  /** Sends text; returns the replies' text joined by blank lines. */
  say(from: Sender, text: string, messageId?: string): Promise<string>;
  /** Presses a button (`data` of a choice). */
  press(from: Sender, data: string): Promise<Reply[]>;
  /** Invites then registers `from` with `/start CODE`. */
  register(from: Sender, opts: { plan: string | null; unit?: string | null; role: Role }): Promise<string>;
  /** Closes the database and opens it again with a new chat core (memory state lost), like a restart. */
  restart(): void;
  cleanup(): void;
};

const DEFAULT_NOW = new Date('2026-06-01T02:00:00Z');

/** The digest schedule the harness's /digest reads (DIGEST_CRON's default). */
export const DIGEST_CRON = '30 7 * * 1-5';

export function createChatHarness(options: HarnessOptions = {}): ChatHarness {
  const plans = options.plans ?? shippedPlans(options.knowledgeDir);
  const index = options.plans ? buildSearch(options.plans) : shippedSearch(options.knowledgeDir);
  const knowledge = createKnowledgeHolder({ plans, index });
  const db = createTmpDb();
  let now = options.now ?? DEFAULT_NOW;
  let seq = 0;
  let store = db.open();
  const clock = { now: () => now };
  const reportCommandsOver = (s: Store): ReportCommands => ({
    ...createReportCommands({
      progress: s.progress,
      subscriptions: s.subscriptions,
      figures: s.figures,
      members: s.members,
      digestCron: DIGEST_CRON,
    }),
    ...options.reportCommands,
  });
  const build = () =>
    createChat({
      knowledge,
      ask: createAsk(store.progress, options.questionLog ? { questions: store.questions } : {}),
      progress: store.progress,
      users: store.users,
      invites: store.invites,
      members: store.members,
      clock,
      reportCommands: reportCommandsOver(store),
      planIntake: options.planIntake?.(knowledge),
      log: options.log,
      ...(options.questionLog ? { questions: store.questions } : {}),
      dashboard: options.dashboard,
    });
  let chat = build();

  const send: ChatHarness['send'] = (from, text, opts = {}) =>
    chat({
      channel: from.channel ?? 'telegram',
      senderId: from.id,
      senderName: from.name ?? `User ${from.id}`,
      chatId: from.id,
      messageId: opts.messageId ?? `m${++seq}`,
      text,
      sentAt: now,
      isChoice: opts.isChoice ?? false,
      ...(opts.inGroup ? { inGroup: true, chatId: `group-${from.id}` } : {}),
    });
  const invite: ChatHarness['invite'] = async (o) => {
    const code = o.code ?? `CODE${++seq}`;
    await store.invites.create({
      code,
      plan: o.plan,
      unit: o.unit ?? null,
      role: o.role,
      createdAt: now,
      expiresAt: o.expiresAt ?? new Date(now.getTime() + 7 * 86_400_000),
      usedAt: null,
      usedBy: null,
    });
    return code;
  };
  return {
    plans,
    knowledge,
    db,
    store: () => store,
    chat: () => chat,
    now: () => now,
    advance: (ms) => {
      now = new Date(now.getTime() + ms);
    },
    invite,
    send,
    say: async (from, text, messageId) => (await send(from, text, { messageId })).map((r) => r.text).join('\n\n'),
    press: (from, data) => send(from, data, { isChoice: true }),
    register: async (from, o) => (await send(from, `/start ${await invite(o)}`)).map((r) => r.text).join('\n\n'),
    restart: () => {
      store.close();
      store = db.open();
      chat = build();
    },
    cleanup: () => db.cleanup(),
  };
}
