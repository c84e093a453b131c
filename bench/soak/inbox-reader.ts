import Database from 'better-sqlite3';

/** The bot's inbox read from outside, to tell an update the process finished from one it died holding. */
export type InboxReader = {
  /** Whether the bot marked the update done (handled) in its inbox. */
  isDone(updateId: number): boolean;
  close(): void;
};

/**
 * Opens the bot's database read-only (migrated already: the invites are written before the first start). A killed
 * process may have handled an update without its "update handled" line reaching the log (pino buffers), which the
 * inbox tells.
 */
export function openInboxReader(dbPath: string): InboxReader {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const doneAt = db.prepare<[string], { done_at: string | null }>(
    "SELECT done_at FROM inbox WHERE channel = 'telegram' AND update_id = ?",
  );
  return {
    isDone: (updateId) => (doneAt.get(String(updateId))?.done_at ?? null) !== null,
    close: () => db.close(),
  };
}
