import type { Figure } from './types.js';

/** One message the scheduler owes a person, named once and for all by `key`. */
export type Notification = {
  /** `kind|recipient|plan|slot`: the same key is never delivered twice. */
  key: string;
  kind: string;
  recipient: string;
  plan: string;
  slot: string;
  /** Sent later than meant (caught up after a stop). */
  late: boolean;
};

/** The log that makes every digest and reminder go out exactly once, across restarts and instances. */
export type NotificationLog = {
  /**
   * Claims a notification for sending, atomically: true when this caller should send it now (never seen, or a
   * claim older than `leaseMs` that never finished, or a failure with attempts left); false otherwise.
   */
  claim(n: Notification, owner: string, now: Date, leaseMs: number): boolean;
  markSent(key: string, now: Date): void;
  markFailed(key: string, error: string): void;
  /** When the last notification of a kind went to a recipient, or null. */
  lastSent(kind: string, recipient: string): Date | null;
};

/** Explicit digest choices (`/nhandigest`, `/tatdigest`); leaders get the digest unless they opted out. */
export type SubscriptionStore = {
  set(userKey: string, subscribed: boolean, now: Date): void;
  /** true/false when the user chose, null when they never did. */
  get(userKey: string): boolean | null;
};

/** Figures units report for the targets (`/solieu`). */
export type FiguresStore = {
  add(figures: Figure[], userKey: string): void;
  listForPlan(plan: string): Figure[];
};
