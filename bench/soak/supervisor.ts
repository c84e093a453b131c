import { setTimeout as sleep } from 'node:timers/promises';
import { spawnBot, type BotExit, type BotProcess, type BotProcessOptions } from './bot-process.js';
import type { FakeTelegram } from './fake-telegram.js';

/** Runs the bot process by process: starts it, kills and restarts it, stops it at the end. */
export type Supervisor = {
  /** Starts the first process and waits until it polls. */
  start(): Promise<void>;
  /** SIGKILL, then a new process once the dead one's connections are gone; restarts run one at a time. */
  crash(): Promise<void>;
  /** SIGTERM to the running process (graceful stop); SIGKILL when it takes longer than `graceMs`. */
  stop(graceMs: number): Promise<void>;
  /** How many kills were asked for so far (an update sent in one count and settled in another crossed a kill). */
  readonly kills: number;
  /** False from a kill (or a crash) until the next process polls (or registers its webhook). */
  readonly up: boolean;
  /** The generation of the latest process started. */
  readonly gen: number;
  exits(): BotExit[];
  /** Milliseconds from each kill until the next process polled. */
  downtimes(): number[];
  peakRssKb(): number;
  /** CPU time of every bot process so far, in ms (a killed one's as last sampled, up to 250 ms short). */
  cpuMs(): number;
  /** Each process's stderr, when not empty. */
  stderr(): { gen: number; text: string }[];
};

export type SupervisorOptions = {
  server: FakeTelegram;
  /** How to start process number `gen`. */
  process(gen: number): BotProcessOptions;
  /** The number of the next process started; default 1, 2, 3... (supervisors side by side share one counter). */
  nextGen?(): number;
  /** Wait between a death and the next start; default 0. */
  restartDelayMs?: number;
  /** The longest a process may take to start polling. */
  startTimeoutMs: number;
  /** Called once a dead process's last log lines are read and its connections closed: what it held is settled. */
  onDead(gen: number): void;
};

export function createSupervisor(options: SupervisorOptions): Supervisor {
  const { server } = options;
  const processes: BotProcess[] = [];
  const exits: BotExit[] = [];
  const downtimes: number[] = [];
  const upWaiters = new Map<number, () => void>();
  const polled = new Set<number>();
  const nextGen = options.nextGen ?? (() => processes.length + 1);
  let current: BotProcess | undefined;
  let kills = 0;
  let chain = Promise.resolve();
  let stopping = false;
  let up = false;

  server.on('poll', (gen) => {
    polled.add(gen);
    upWaiters.get(gen)?.();
  });

  async function launch(): Promise<void> {
    const gen = nextGen();
    server.setGeneration(gen);
    const bot = spawnBot(options.process(gen), gen);
    processes.push(bot);
    current = bot;
    void bot.exited.then((exit) => onExit(bot, exit));
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `soak: bot process ${gen} did not poll (or register its webhook) within ${options.startTimeoutMs} ms`,
            ),
          ),
        options.startTimeoutMs,
      );
      const done = () => {
        clearTimeout(timer);
        up = true;
        resolve();
      };
      if (polled.has(gen)) done();
      else upWaiters.set(gen, done);
      void bot.exited.then((exit) => {
        clearTimeout(timer);
        reject(
          new Error(
            `soak: bot process ${gen} exited while starting (code ${exit.code}, signal ${exit.signal}): ${bot.stderr().slice(0, 500)}`,
          ),
        );
      });
    });
  }

  /** A process that died on its own is a crash: it is recorded and replaced, so the run still finishes. */
  function onExit(bot: BotProcess, exit: BotExit): void {
    exits.push(exit);
    up = false;
    if (exit.expected || stopping) return;
    chain = chain.then(() => replace(bot, Date.now()));
  }

  async function replace(dead: BotProcess, diedAt: number): Promise<void> {
    await dead.exited;
    await server.retire(dead.gen);
    options.onDead(dead.gen);
    if (stopping) return;
    await sleep(options.restartDelayMs ?? 0);
    await launch();
    downtimes.push(Date.now() - diedAt);
  }

  return {
    start: launch,
    crash: () => {
      kills++;
      up = false;
      chain = chain.then(async () => {
        const bot = current!;
        const at = Date.now();
        bot.signal('SIGKILL');
        await replace(bot, at);
      });
      return chain;
    },
    stop: async (graceMs) => {
      await chain;
      stopping = true;
      const bot = current!;
      bot.signal('SIGTERM');
      // Unreferenced: a process that stopped in time must not keep the soak waiting for the grace period.
      const exited = await Promise.race([bot.exited, sleep(graceMs, undefined, { ref: false })]);
      if (!exited) {
        bot.signal('SIGKILL');
        await bot.exited;
      }
      await server.retire(bot.gen);
      options.onDead(bot.gen);
    },
    get kills() {
      return kills;
    },
    get up() {
      return up;
    },
    get gen() {
      return current?.gen ?? 0;
    },
    exits: () => [...exits].sort((a, b) => a.gen - b.gen),
    downtimes: () => [...downtimes],
    peakRssKb: () => Math.max(0, ...processes.map((p) => p.peakRssKb())),
    cpuMs: () => processes.reduce((sum, p) => sum + p.cpuMs(), 0),
    stderr: () => processes.filter((p) => p.stderr().trim() !== '').map((p) => ({ gen: p.gen, text: p.stderr() })),
  };
}
