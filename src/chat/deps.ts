import type { Plan } from '../knowledge/index.js';
import type {
  Clock,
  InviteStore,
  Log,
  MemberStore,
  ProgressStore,
  QuestionLog,
  UnitMembers,
  UserRecord,
  UserStore,
} from '../tasks/index.js';
import type { Knowledge, KnowledgeHolder } from './knowledge.js';
import type { PlanIntake } from '../tasks/index.js';
import type { IncomingMessage, Reply } from './types.js';

/** What a command handler is given. */
export type CommandContext = {
  /** The registered, active sender; undefined for anyone else. */
  user: UserRecord | undefined;
  /** The sender's plan, when registered with one. */
  plan: Plan | undefined;
  /** The declared member units of the groups of the sender's plan (none without a plan). */
  members: UnitMembers;
  message: IncomingMessage;
  /** The plans and search index this message is answered from (taken once when it arrived). */
  knowledge: Knowledge;
  /** The text after the command name, trimmed ("4 xong" for "/capnhat 4 xong"). */
  args: string;
  now: Date;
};

export type CommandHandler = (ctx: CommandContext) => Reply[] | Promise<Reply[]>;

/** The commands of the digest and reports (`/digest`, `/nhandigest`, `/tatdigest`, `/baocao`, `/solieu`), by id. */
export type ReportCommandId = 'digest' | 'subscribe' | 'unsubscribe' | 'report' | 'figures';

/**
 * The handlers of the digest and report commands, given by the composition root (they render files and read the
 * digest schedule, which the core does not). Their words and help come from the command list in `messages`.
 */
export type ReportCommands = Record<ReportCommandId, CommandHandler>;

/** Everything the chat core needs, injected by main.ts (or a test). */
export type ChatDeps = {
  /** The plans and search index in use; swapped when a plan file changes (each message keeps the one it started with). */
  knowledge: KnowledgeHolder;
  /** Answers a question that is not an update (wraps search's answerQuestion). */
  ask: (question: string, ctx: CommandContext) => Reply[] | Promise<Reply[]>;
  progress: ProgressStore;
  users: UserStore;
  invites: InviteStore;
  /** Member units of the plans' groups: a task led by a group with members is tracked per member. */
  members: MemberStore;
  clock: Clock;
  /** Where failures are told (pino is plugged in by main.ts); default silent. */
  log?: Log;
  /** Reading and storing plan files an admin sends (Telegram documents); without it, files are not taken here. */
  planIntake?: PlanIntake;
  /** Where the votes on answers go (the same log `createAsk` records questions in); without it, votes are not kept. */
  questions?: QuestionLog;
  /** What runs the digest and report commands of the command list. */
  reportCommands: ReportCommands;
  /** Makes dashboard sign-in links (`/bangdieukhien`); without it (no HTTP server: the terminal), there is no dashboard. */
  dashboard?: DashboardLinks;
};

/** One-time dashboard sign-in links for registered users, made by the composition root. */
export type DashboardLinks = {
  /** A link for `userKey`, valid `minutes`. */
  issue(userKey: string, now: Date): Promise<{ url: string }>;
  minutes: number;
  /** The dashboard's address as a Telegram Mini App (https only), if any. */
  miniAppUrl?: string;
};
