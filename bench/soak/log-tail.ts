import { closeSync, openSync, readSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

/** A pino line at error or fatal level, or a line that is not JSON. */
export type LogProblem = { level: number | 'unparsed'; msg: string; pid?: number; err?: string };

export type LogSummary = {
  lines: number;
  warnings: number;
  problems: number;
  problemSamples: LogProblem[];
  warningSamples: string[];
  /** Milliseconds the bot took per update (its own "update handled" figure), by intent. */
  handledMs: Record<string, number[]>;
  /** Of those, the chat core's own work (`coreMs`: no waiting for Telegram or for the chat's earlier updates), by intent. */
  coreMs: Record<string, number[]>;
  /** Of those, the wait for the same chat's earlier updates (`queuedMs`). */
  queuedMs: number[];
  /** Updates a restarted process took from its inbox (a killed one had held them). */
  replayed: number;
  /** How many times the bot logged each update as handled (answered in full: its claim finished first). */
  handledTimes: Map<number, number>;
};

export type LogTail = {
  /** Reads whatever was appended since the last read, at once. */
  read(): void;
  /** Lines read, warnings, the problems (error, fatal, unreadable lines; the first 20 kept), handling times by intent. */
  summary(): LogSummary;
  stop(): void;
};

const POLL_MS = 5;
const CHUNK = 1 << 20;
const SAMPLES = 20;
const HANDLED = 'telegram: update handled';
const REPLAYED = 'telegram: update left unhandled by a previous process, handling it now';

/** What the soak hears from the log: an update answered, an update taken again from the inbox at start. */
export type LogListeners = { handled(updateId: number): void; replayed(updateId: number): void };

/**
 * Follows the bot's JSON log while the soak runs: tells `handled` of each "telegram: update handled" line (the bot
 * writes it once an update is answered, after every reply went out), `replayed` of each update a restarted process
 * took from its inbox, and keeps the error and fatal lines.
 */
export function tailLog(file: string, on: LogListeners): LogTail {
  const fd = openSync(file, 'a+');
  const buffer = Buffer.alloc(CHUNK);
  // A character cut by a chunk's end is completed by the next read.
  const decoder = new StringDecoder('utf8');
  let position = 0;
  let partial = '';
  let lines = 0;
  let warnings = 0;
  let problems = 0;
  const problemSamples: LogProblem[] = [];
  const warningSamples: string[] = [];
  const handledMs: Record<string, number[]> = {};
  const handledTimes = new Map<number, number>();
  const coreMs: Record<string, number[]> = {};
  const queuedMs: number[] = [];
  let replayed = 0;

  function take(line: string): void {
    if (line.trim() === '') return;
    lines++;
    let entry: {
      level?: number;
      msg?: string;
      updateId?: number | string;
      intent?: string;
      ms?: number;
      coreMs?: number;
      queuedMs?: number;
      pid?: number;
      err?: { message?: string };
    };
    try {
      entry = JSON.parse(line) as typeof entry;
    } catch {
      problems++;
      if (problemSamples.length < SAMPLES) problemSamples.push({ level: 'unparsed', msg: line.slice(0, 300) });
      return;
    }
    if (entry.msg === HANDLED && typeof entry.updateId === 'number') {
      (handledMs[entry.intent ?? 'unknown'] ??= []).push(entry.ms ?? 0);
      handledTimes.set(entry.updateId, (handledTimes.get(entry.updateId) ?? 0) + 1);
      if (entry.coreMs !== undefined) (coreMs[entry.intent ?? 'unknown'] ??= []).push(entry.coreMs);
      if (entry.queuedMs !== undefined) queuedMs.push(entry.queuedMs);
      on.handled(entry.updateId);
    }
    if (entry.msg === REPLAYED && entry.updateId !== undefined) {
      replayed++;
      on.replayed(Number(entry.updateId));
    }
    const level = entry.level ?? 0;
    if (level === 40 && ++warnings && warningSamples.length < SAMPLES)
      warningSamples.push(`${entry.msg ?? ''} ${line.slice(0, 200)}`);
    if (level < 50) return;
    problems++;
    if (problemSamples.length < SAMPLES)
      problemSamples.push({ level, msg: entry.msg ?? '', pid: entry.pid, err: entry.err?.message });
  }

  function read(): void {
    for (;;) {
      const n = readSync(fd, buffer, 0, CHUNK, position);
      if (n === 0) return;
      position += n;
      const text = partial + decoder.write(buffer.subarray(0, n));
      const parts = text.split('\n');
      partial = parts.pop()!;
      for (const line of parts) take(line);
    }
  }

  const timer = setInterval(read, POLL_MS);
  return {
    read,
    summary: () => ({
      lines,
      warnings,
      problems,
      problemSamples: [...problemSamples],
      warningSamples: [...warningSamples],
      handledMs,
      handledTimes,
      coreMs,
      queuedMs,
      replayed,
    }),
    stop: () => {
      clearInterval(timer);
      read();
      closeSync(fd);
    },
  };
}

/** The summaries of several bots' logs as one (bot processes side by side, each with its log). */
export function mergeSummaries(list: LogSummary[]): LogSummary {
  if (list.length === 1) return list[0]!;
  const concat = (lists: Record<string, number[]>[]) => {
    const merged: Record<string, number[]> = {};
    for (const byIntent of lists)
      for (const [intent, values] of Object.entries(byIntent)) (merged[intent] ??= []).push(...values);
    return merged;
  };
  const handledTimes = new Map<number, number>();
  for (const s of list) for (const [id, n] of s.handledTimes) handledTimes.set(id, (handledTimes.get(id) ?? 0) + n);
  const sum = (pick: (s: LogSummary) => number) => list.reduce((total, s) => total + pick(s), 0);
  return {
    lines: sum((s) => s.lines),
    warnings: sum((s) => s.warnings),
    problems: sum((s) => s.problems),
    problemSamples: list.flatMap((s) => s.problemSamples).slice(0, SAMPLES),
    warningSamples: list.flatMap((s) => s.warningSamples).slice(0, SAMPLES),
    handledMs: concat(list.map((s) => s.handledMs)),
    coreMs: concat(list.map((s) => s.coreMs)),
    queuedMs: list.flatMap((s) => s.queuedMs),
    replayed: sum((s) => s.replayed),
    handledTimes,
  };
}
