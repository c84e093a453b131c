import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startRoundRobinProxy, BACKEND_HEADER, type RoundRobinProxy } from '../../test/support/round-robin-proxy.js';
import { freePort } from '../../test/support/free-port.js';
import type { FakeTelegram } from './fake-telegram.js';
import { mergeSummaries, tailLog, type LogSummary, type LogTail } from './log-tail.js';
import { createSupervisor, type Supervisor } from './supervisor.js';

/** The bot processes of a run: one polling, or several in webhook mode behind a round-robin proxy. */
export type Fleet = {
  /** One supervisor per instance. */
  supervisors: Supervisor[];
  /** Starts the instances one after the other (each once the one before is up). */
  start(): Promise<void>;
  /** SIGKILL to instance 0, restarted after the restart delay; the others keep serving. */
  crash(): Promise<void>;
  /** SIGTERM to every instance at once. */
  stop(graceMs: number): Promise<void>;
  readonly kills: number;
  /** Whether every instance is up. */
  readonly up: boolean;
  /** Stops following the logs (after a last read) and sums them up; later calls give the same summary. */
  closeLogs(): LogSummary;
  /** Stops the proxy, if any; safe to call twice. */
  close(): Promise<void>;
};

/** Where instance `index`'s process number `gen` runs, as env. */
export type InstanceEnv = (
  index: number,
  gen: number,
  webhook?: { port: number; publicUrl: string },
) => Record<string, string>;

export type FleetOptions = {
  instances: number;
  dir: string;
  cwd: string;
  server: FakeTelegram;
  env: InstanceEnv;
  restartDelayMs: number;
  startTimeoutMs: number;
  /** What the logs and the deaths tell. */
  on: { handled(updateId: number): void; replayed(updateId: number, gen: number): void; dead(gen: number): void };
};

/** The log file of instance `index` (`bot.log` when it is the only one). */
export const logFileOf = (dir: string, index: number, instances: number) =>
  join(dir, instances === 1 ? 'bot.log' : `bot-${index}.log`);

/**
 * Starts nothing yet: wires a supervisor and a log tail per instance and, for two or more, the proxy whose address
 * is the instances' PUBLIC_URL (the fake Telegram posts there; a killed instance is passed over).
 */
export async function createFleet(options: FleetOptions): Promise<Fleet> {
  const { instances, server } = options;
  const webhook = instances > 1;
  const ports = webhook ? await Promise.all(Array.from({ length: instances }, () => freePort())) : [];
  const proxy: RoundRobinProxy | undefined = webhook
    ? await startRoundRobinProxy(ports.map((p) => `http://127.0.0.1:${p}`))
    : undefined;
  let gens = 0;
  let kills = 0;
  const tails: LogTail[] = [];
  const supervisors = Array.from({ length: instances }, (_, index) => {
    const logFile = logFileOf(options.dir, index, instances);
    writeFileSync(logFile, '');
    const tail = tailLog(logFile, {
      handled: options.on.handled,
      replayed: (updateId) => options.on.replayed(updateId, supervisor.gen),
    });
    tails.push(tail);
    const place = webhook ? { port: ports[index]!, publicUrl: proxy!.url } : undefined;
    const supervisor = createSupervisor({
      server,
      process: (gen) => ({ cwd: options.cwd, env: options.env(index, gen, place), logFile }),
      nextGen: () => ++gens,
      restartDelayMs: options.restartDelayMs,
      startTimeoutMs: options.startTimeoutMs,
      onDead: (gen) => {
        tail.read();
        options.on.dead(gen);
      },
    });
    return supervisor;
  });
  let closed = false;
  let summary: LogSummary | undefined;

  return {
    supervisors,
    start: async () => {
      for (const s of supervisors) await s.start();
    },
    crash: () => {
      kills++;
      return supervisors[0]!.crash();
    },
    stop: async (graceMs) => {
      await Promise.all(supervisors.map((s) => s.stop(graceMs)));
    },
    get kills() {
      return kills;
    },
    get up() {
      return supervisors.every((s) => s.up);
    },
    closeLogs: () => {
      if (summary) return summary;
      for (const t of tails) t.stop();
      summary = mergeSummaries(tails.map((t) => t.summary()));
      return summary;
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await proxy?.stop();
    },
  };
}

/** The generation that answered a webhook post: the process running now at the backend the proxy names. */
export function answeredBy(fleet: () => Fleet | undefined): (headers: Headers) => number | undefined {
  return (headers) => {
    const index = Number(headers.get(BACKEND_HEADER));
    return fleet()?.supervisors[index]?.gen;
  };
}
