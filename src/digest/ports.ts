import type { Figure } from './types.js';

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
