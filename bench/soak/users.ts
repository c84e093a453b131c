import type { Window } from './attribute.js';
import type { FakeTelegram } from './fake-telegram.js';
import type { Kind, Step, UserScript } from './script.js';

/**
 * How waiting for a message ended: the bot logged it as handled; it was lost (the process that fetched it died,
 * Telegram will not deliver it again, and no later process took it from its inbox within the answer timeout); no end
 * within the answer timeout after its last delivery; the run was aborted.
 */
export type Outcome = 'handled' | 'lost' | 'timeout' | 'aborted';

/** One fresh message a person sent and how waiting for it ended. */
export type SentMessage = {
  userId: number;
  kind: Exclude<Kind, 'duplicate'>;
  step: Step;
  updateId: number;
  enqueuedAt: number;
  settledAt: number;
  outcome: Outcome;
  /** Whether a kill was asked for between sending and settling (the message was in flight at a kill). */
  acrossKill: boolean;
  /** Whether the bot was down (between a kill and the next start) when it was sent. */
  sentWhileDown: boolean;
  /** How many times the update was delivered again on purpose (same update_id). */
  duplicates: number;
};

/** One person's chat: the windows (one per fresh message, duplicates included in the next one) and what was sent. */
export type Conversation = { chatId: number; windows: Window[]; sent: SentMessage[] };

export type Users = {
  /** Runs every person's script at once, each with one message in flight; resolves when all are done or aborted. */
  run(): Promise<Conversation[]>;
  /** The bot logged the update as handled. */
  handled(updateId: number): void;
  /** The update went out to a bot process: the answer timeout starts again. */
  delivered(updateId: number): void;
  /** Whether its person still waits for the update to be dealt with. */
  waitsFor(updateId: number): boolean;
  /**
   * A process is dead and its last lines read: what it fetched is handled if its inbox says done (Telegram may hand it
   * out again, and the next process drops it as done); else, once confirmed, lost unless the next process takes it
   * from its inbox (a delivery) within the answer timeout.
   */
  dead(gen: number): void;
  /** Stops every person now (time limit). */
  abort(): void;
  /** Messages sent so far, duplicates included. */
  readonly sent: number;
};

export type UsersOptions = {
  server: FakeTelegram;
  scripts: UserScript[];
  answerTimeoutMs: number;
  /** How many kills were asked for so far. */
  kills(): number;
  /** Whether every bot process is up (polling, or its webhook registered). */
  botUp(): boolean;
  /** Called after each message is sent (a kill may be due). */
  onSent(count: number): void;
  /**
   * Whether the bot marked the update done in its inbox (a killed process may have handled it without logging it):
   * at once (SQLite) or later (PostgreSQL; the waiter is settled when the answer comes, if still waiting).
   */
  isDone(updateId: number): boolean | Promise<boolean>;
};

type Waiter = { settle(outcome: Outcome): void; timer?: NodeJS.Timeout; orphaned?: boolean };

export function createUsers(options: UsersOptions): Users {
  const { server } = options;
  const waiting = new Map<number, Waiter>();
  let sent = 0;
  let aborted = false;

  const wait = (updateId: number) =>
    new Promise<Outcome>((resolve) => {
      const waiter: Waiter = {
        settle: (outcome) => {
          clearTimeout(waiter.timer);
          waiting.delete(updateId);
          resolve(outcome);
        },
      };
      waiting.set(updateId, waiter);
    });

  /** The answer timeout starts again; `orphaned`: its process died holding it (lost, if nobody takes it up). */
  const awaitAnswer = (waiter: Waiter, orphaned: boolean) => {
    clearTimeout(waiter.timer);
    waiter.orphaned = orphaned;
    waiter.timer = setTimeout(() => waiter.settle(waiter.orphaned ? 'lost' : 'timeout'), options.answerTimeoutMs);
  };

  const count = () => {
    sent++;
    options.onSent(sent);
  };

  async function converse(script: UserScript): Promise<Conversation> {
    const chatId = script.user.id;
    const conversation: Conversation = { chatId, windows: [], sent: [] };
    let start = 0;
    for (const step of script.steps) {
      if (aborted) break;
      const previous = conversation.sent.at(-1);
      if (step.kind === 'duplicate') {
        server.redeliver(previous!.updateId);
        previous!.duplicates++;
        count();
        continue;
      }
      const updateId = server.sendText(chatId, step.text);
      const outcome = wait(updateId);
      const kills = options.kills();
      const sentWhileDown = !options.botUp();
      const enqueuedAt = Date.now();
      count();
      const message: SentMessage = {
        userId: chatId,
        kind: step.kind,
        step,
        updateId,
        enqueuedAt,
        settledAt: 0,
        outcome: await outcome,
        acrossKill: false,
        sentWhileDown,
        duplicates: 0,
      };
      message.settledAt = Date.now();
      message.acrossKill = options.kills() !== kills;
      const end = server.events(chatId).length;
      conversation.windows.push({ start, end });
      conversation.sent.push(message);
      start = end;
    }
    return conversation;
  }

  return {
    run: () => Promise.all(options.scripts.map(converse)),
    handled: (updateId) => waiting.get(updateId)?.settle('handled'),
    waitsFor: (updateId) => waiting.has(updateId),
    delivered: (updateId) => {
      const waiter = waiting.get(updateId);
      if (waiter) awaitAnswer(waiter, false);
    },
    dead: (gen) => {
      for (const [updateId, waiter] of waiting) {
        if (server.lastDelivery(updateId) !== gen) continue;
        const timer = waiter.timer;
        const decide = (done: boolean) => {
          if (waiting.get(updateId) !== waiter) return;
          // Done in the inbox: answered by the dead process, its line lost; delivered again, the next one drops it.
          if (done) waiter.settle('handled');
          // Not done and confirmed: lost unless taken up; a later answer is stale when it was delivered meanwhile.
          else if (waiter.timer === timer && !server.isPending(updateId)) awaitAnswer(waiter, true);
        };
        const done = options.isDone(updateId);
        if (typeof done === 'boolean') decide(done);
        else done.then(decide, () => decide(false));
      }
    },
    abort: () => {
      aborted = true;
      for (const waiter of waiting.values()) waiter.settle('aborted');
    },
    get sent() {
      return sent;
    },
  };
}
