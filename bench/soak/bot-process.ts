import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/** How one bot process ended, and whether the soak meant it (a kill or the final stop). */
export type BotExit = {
  gen: number;
  pid: number;
  code: number | null;
  signal: NodeJS.Signals | null;
  expected: boolean;
  peakRssKb: number;
  /** CPU time the process used (user + system), as last sampled; 0 where /proc is missing. */
  cpuMs: number;
};

export type BotProcess = {
  /** 1 for the first process, 2 after the first restart... */
  gen: number;
  pid: number;
  /** Settles when the process is gone. */
  exited: Promise<BotExit>;
  /** The highest resident set size seen (VmHWM from /proc), in kB; 0 where /proc is missing. */
  peakRssKb(): number;
  /** CPU time used so far (user + system, from /proc, sampled every 250 ms), in ms; 0 where /proc is missing. */
  cpuMs(): number;
  /** What the process wrote to stderr (the first 256 kB). */
  stderr(): string;
  /** Sends a signal the soak means (SIGKILL for a crash, SIGTERM for the final stop). */
  signal(signal: NodeJS.Signals): void;
};

export type BotProcessOptions = {
  /** The project folder (src/main.ts is run from there). */
  cwd: string;
  /** The whole environment of the bot: nothing is inherited but PATH and HOME. */
  env: Record<string, string>;
  /** Standard output (the pino log) is appended here. */
  logFile: string;
};

const STDERR_LIMIT = 256 * 1024;
const RSS_SAMPLE_MS = 250;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** Starts `node --import tsx src/main.ts` as bot process number `gen`. */
export function spawnBot(options: BotProcessOptions, gen: number): BotProcess {
  installExitHook();
  const log = openSync(options.logFile, 'a');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: options.cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...options.env },
    stdio: ['ignore', log, 'pipe'],
  });
  closeSync(log);
  live.add(child);
  const pid = child.pid ?? 0;
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    if (stderr.length < STDERR_LIMIT) stderr += chunk;
  });
  let peak = 0;
  let cpu = 0;
  const sample = () => {
    peak = Math.max(peak, readPeakRssKb(pid));
    cpu = Math.max(cpu, readCpuMs(pid));
  };
  const sampler = setInterval(sample, RSS_SAMPLE_MS);
  let expected = false;
  const exited = new Promise<BotExit>((resolve) => {
    child.once('exit', (code, signal) => {
      clearInterval(sampler);
      live.delete(child);
      resolve({ gen, pid, code, signal, expected, peakRssKb: peak, cpuMs: cpu });
    });
  });
  return {
    gen,
    pid,
    exited,
    peakRssKb: () => peak,
    cpuMs: () => cpu,
    stderr: () => stderr,
    signal: (signal) => {
      sample();
      expected = true;
      child.kill(signal);
    },
  };
}

/** VmHWM of a process in kB, 0 when it cannot be read. */
function readPeakRssKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

/** Clock ticks per second of /proc/<pid>/stat's times: 100 on Linux (USER_HZ) whatever the kernel's HZ. */
const TICKS_PER_S = 100;

/** utime + stime of a process in ms, 0 when it cannot be read. */
function readCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) start at its closing parenthesis; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** A bot process never outlives the soak, even when the soak fails or is interrupted. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', killAllBots);
}

/** Kills every bot process still running (SIGKILL). */
export function killAllBots(): void {
  for (const child of live) child.kill('SIGKILL');
}
