/** What changes in the progress history when a plan is replaced by a new version. */
export type RevisionChange = {
  /** Kept tasks whose number changed: their progress follows them to the new number. */
  renumbered: Array<{ from: string; to: string }>;
  /** Tasks the new version dropped: retired, their progress kept apart from any new task of that number. */
  retired: Array<{ no: string; content: string }>;
};

/** Where versions of plans are recorded (implemented by `store/`). */
export type RevisionStore = {
  /**
   * Records the next version of `plan` and applies `change` to its history in one transaction; the version number (2
   * for the first amendment). With `from` (the version the change was read against; 1 when never amended), nothing is
   * recorded and null answered when the plan's latest version is another: an instance sharing the store recorded
   * this change already (each instance reads a plan file it receives again).
   */
  record(plan: string, change: RevisionChange, now: Date, from?: number): Promise<number | null>;
  /** The current version of every plan amended at least once (plans never amended are version 1 and left out). */
  versions(): Promise<Map<string, number>>;
};
