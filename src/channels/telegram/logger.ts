import type { ChatLog } from '../../chat/index.js';

/** One log call: structured fields first, then the message (pino's argument order). */
export type LogFn = (fields: object, message?: string) => void;

/**
 * The logging surface the Telegram channel uses. A pino `Logger` satisfies it; the channel never imports pino,
 * so tests may pass any object with these methods.
 */
export type BotLogger = {
  debug: LogFn;
  info: LogFn;
  warn: LogFn;
  error: LogFn;
  /** A logger that adds `bindings` to every line (per-update context). */
  child(bindings: Record<string, unknown>): BotLogger;
};

/** The channels' `(level, msg, data)` logging port over a BotLogger; silent without one. */
export function chatLogOf(log: BotLogger | undefined): ChatLog {
  return (level, msg, data) => log?.[level](data ?? {}, msg);
}
