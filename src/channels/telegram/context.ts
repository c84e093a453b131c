import type { Context } from 'grammy';
import type { Log } from '../../chat/index.js';

/** What the channel's middleware adds to grammY's context. */
export type TelegramFlavor = {
  /** The update's child logger (`channel`, `updateId`, `userId` bound). */
  log: Log;
  /** What the update was handled as (command name, "text", "choice", ...); unset when it was ignored. */
  intent?: string;
  /** Set by the error boundary when handling failed (the person got the apology). */
  failed?: boolean;
  /** When the update came in (`performance.now()`). */
  receivedAt?: number;
  /** Milliseconds the update waited for the same chat's earlier updates before its handling began. */
  queuedMs?: number;
  /** Milliseconds the chat core took to compute the answer (the bot's own work, no waiting for Telegram). */
  coreMs?: number;
};

/** The context every Telegram feature receives. */
export type TelegramContext = Context & TelegramFlavor;
