import { percentile, round } from '../stats.js';
import { attributeChat, SCHEDULED, type Answer } from './attribute.js';
import type { BotExit } from './bot-process.js';
import { checkAnswers, type AnswerCheck } from './check-answers.js';
import { checkDigests } from './check-digests.js';
import { checkProgress } from './check-progress.js';
import type { FakeTelegram } from './fake-telegram.js';
import type { LogSummary } from './log-tail.js';
import type { SoakOptions } from './options.js';
import type { NotificationRow, UpdateRow } from './store-reader.js';
import type { Supervisor } from './supervisor.js';
import type { Conversation } from './users.js';

/** Lines of a bot's stderr that mean it crashed or lost an error (a stack frame, "Uncaught", "fatal"...). */
const CRASH_SIGNS = /uncaught|unhandled|fatal|panic|segmentation fault|out of memory|^\s+at\s/im;

export type ReportInput = {
  options: SoakOptions;
  conversations: Conversation[];
  server: FakeTelegram;
  /** The `updates` rows at the end, read apart from the bot. */
  stored: UpdateRow[];
  /** The `notifications` rows at the end. */
  notifications: NotificationRow[];
  /** Whether a digest fell due during the run (people never asked `/digest`: every digest was pushed). */
  digestScheduled: boolean;
  /** One per instance. */
  supervisors: Supervisor[];
  kills: number;
  log: LogSummary;
  /** Messages sent in all, duplicates included. */
  sent: number;
  startedAt: number;
  endedAt: number;
  timedOut: boolean;
  /** Failures of the soak's own machinery (a restart that did not come up...). */
  errors: string[];
};

/** The soak's JSON: the verdict, each check, and the figures. */
export type SoakReport = ReturnType<typeof buildReport>;

/** Attributes every message the bot sent, runs the checks and gathers the figures. */
export function buildReport(input: ReportInput) {
  const answers = new Map<number, Answer[]>();
  const ambiguous = new Set<number>();
  let unattributed: Answer[] = [];
  for (const c of input.conversations) {
    const events = input.server.events(c.chatId);
    const windows = [...c.windows, { start: c.windows.at(-1)?.end ?? 0, end: events.length }];
    const result = attributeChat(events, windows, input.digestScheduled ? SCHEDULED : undefined);
    for (const [id, list] of result.answers) answers.set(id, [...(answers.get(id) ?? []), ...list]);
    for (const id of result.ambiguous) ambiguous.add(id);
    unattributed = [...unattributed, ...result.unattributed];
  }
  const answersOf = (id: number) => answers.get(id) ?? [];
  const messages = input.conversations.flatMap((c) => c.sent);
  const answerCheck = checkAnswers(messages, answersOf, ambiguous, (id) => input.log.handledTimes.get(id) ?? 0);
  const progress = checkProgress(input.stored, messages, answersOf);
  const bot = botFigures(input.supervisors, input.log, input.sent);
  const chats = input.conversations.map((c) => ({ chatId: c.chatId, events: input.server.events(c.chatId) }));
  const killed = new Set(
    input.supervisors.flatMap((s) => s.exits().flatMap((e) => (e.signal === 'SIGKILL' ? [e.gen] : []))),
  );
  const digests = checkDigests(chats, input.notifications, input.digestScheduled, killed);
  const checks = {
    finishedInTime: !input.timedOut && input.errors.length === 0 && input.sent === input.options.messages,
    acknowledgedUpdatesStoredOnce: progress.failures.count === 0 && progress.storedOnce === progress.acknowledged,
    invalidInputsNotStored: progress.invalidStored.count === 0,
    // Exactly once for every message but those whose reply was on its way when the process was SIGKILLed: Telegram's
    // sendMessage is not idempotent, so such a reply may be sent again after the restart (counted and printed in
    // answers.ambiguousAtKill.answeredTwice); none of them may be lost.
    exactlyOneAnswerOutsideKills:
      answerCheck.exactlyOne + answerCheck.ambiguousAtKill.answeredTwice === answerCheck.messages &&
      unattributed.length === 0,
    noAnswerLostAtKills: answerCheck.ambiguousAtKill.lost === 0,
    noCrash: bot.unexpectedExits === 0 && bot.finalExitCode === 0 && bot.stderrFindings.length === 0,
    noFailedUpdate: bot.errorLogLines === 0 && answerCheck.apologies.count === 0,
    telegramAcceptedEveryCall: input.server.stats().refused === 0,
    // PostgreSQL runs: the digest due during the run reached every person once (both instances' schedulers fire it),
    // but for a copy a SIGKILLed process sent before recording it (as with answers at a kill).
    eachDigestOnce:
      !input.digestScheduled ||
      (digests.recipients > 0 && digests.once + digests.sentAgainAtKill.count === digests.recipients),
  };
  return {
    ok: Object.values(checks).every(Boolean),
    checks,
    run: runFigures(input, messages.length, answers),
    answers: answersSection(answerCheck, unattributed),
    progress,
    digests,
    bot,
    telegram: input.server.stats(),
    errors: input.errors,
  };
}

function runFigures(input: ReportInput, fresh: number, answers: Map<number, Answer[]>) {
  const seconds = (input.endedAt - input.startedAt) / 1000;
  const latencies = input.conversations
    .flatMap((c) => c.sent)
    .filter((m) => !m.acrossKill && !m.sentWhileDown)
    .flatMap((m) => {
      const first = answers.get(m.updateId)?.[0];
      return first ? [first.at - m.enqueuedAt] : [];
    })
    .sort((a, b) => a - b);
  const { options } = input;
  return {
    users: options.users,
    messages: input.sent,
    freshMessages: fresh,
    duplicates: input.sent - fresh,
    store: options.store,
    instances: options.instances,
    killAt: options.killAt,
    kills: input.kills,
    durationS: round(seconds),
    messagesPerS: round(input.sent / Math.max(seconds, 0.001)),
    replyLatencyMs: {
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.at(-1) ?? 0,
      measured: latencies.length,
    },
    timedOut: input.timedOut,
    outcomes: countBy(input.conversations.flatMap((c) => c.sent.map((m) => m.outcome))),
  };
}

function answersSection(check: AnswerCheck, unattributed: Answer[]) {
  return {
    ...check,
    unattributed: {
      count: unattributed.length,
      samples: unattributed.slice(0, 5).map((a) => ({ gen: a.gen, texts: a.texts.map((t) => t.slice(0, 120)) })),
    },
  };
}

function botFigures(supervisors: Supervisor[], log: ReportInput['log'], sent: number) {
  const exits = supervisors.flatMap((s, instance) => s.exits().map((e) => ({ ...e, instance })));
  // Each instance's last process gets SIGTERM at the end: it must exit 0.
  const finals = supervisors.map((s) => s.exits().at(-1));
  const stderr = supervisors.flatMap((s) => s.stderr());
  const cpuMs = supervisors.reduce((sum, s) => sum + s.cpuMs(), 0);
  const restarts = supervisors.flatMap((s) => s.downtimes());
  return {
    restarts: restarts.length,
    restartMs: restarts,
    peakRssMB: round(Math.max(0, ...supervisors.map((s) => s.peakRssKb())) / 1024),
    /**
     * CPU time of the bot processes (start-up included), in all and per message sent: the bot's own cost, which a
     * machine busy with other work changes far less than the throughput.
     */
    cpuS: round(cpuMs / 1000),
    cpuMsPerMessage: round(cpuMs / Math.max(sent, 1)),
    /** Each instance: its processes' highest peak RSS, their CPU time, its restarts. */
    instances: supervisors.map((s, instance) => ({
      instance,
      peakRssMB: round(s.peakRssKb() / 1024),
      cpuS: round(s.cpuMs() / 1000),
      restarts: s.downtimes().length,
    })),
    exits: exits
      .sort((a, b) => a.gen - b.gen)
      .map((e) => ({
        gen: e.gen,
        ...(supervisors.length > 1 ? { instance: e.instance } : {}),
        code: e.code,
        signal: e.signal,
        expected: e.expected,
        peakRssMB: round(e.peakRssKb / 1024),
        cpuS: round(e.cpuMs / 1000),
      })),
    unexpectedExits: exits.filter((e) => !e.expected).length,
    finalExitCode: finalCode(finals),
    stderrFindings: stderr
      .filter((s) => CRASH_SIGNS.test(s.text))
      .map((s) => ({ gen: s.gen, text: s.text.slice(0, 800) })),
    stderrOther: stderr
      .filter((s) => !CRASH_SIGNS.test(s.text))
      .map((s) => ({ gen: s.gen, text: s.text.slice(0, 300) })),
    replayedFromInbox: log.replayed,
    logLines: log.lines,
    warnLogLines: log.warnings,
    warnSamples: log.warningSamples.slice(0, 5),
    errorLogLines: log.problems,
    errorSamples: log.problemSamples,
    handledMsByIntent: byIntent(log.handledMs),
    /** The bot's own service time: the chat core computing the answer, apart from any queueing. */
    coreMsByIntent: byIntent(log.coreMs),
    /** Waiting for the same chat's earlier updates (grammY's sequentialize), in the handled time above. */
    queuedMs: spread(log.queuedMs),
  };
}

/** 0 when every instance's last process exited 0; else the first other code (null: killed, or never exited). */
function finalCode(finals: (BotExit | undefined)[]): number | null {
  for (const final of finals) {
    const code = final?.signal === 'SIGKILL' ? null : (final?.code ?? null);
    if (code !== 0) return code;
  }
  return 0;
}

function spread(list: readonly number[]) {
  const sorted = [...list].sort((a, b) => a - b);
  return { count: sorted.length, p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
}

function byIntent(lists: Record<string, number[]>) {
  return Object.fromEntries(Object.entries(lists).map(([intent, list]) => [intent, spread(list)]));
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}
