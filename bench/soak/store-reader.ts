import Database from 'better-sqlite3';
import pg from 'pg';

/** A raw `updates` row, as the progress check compares it. */
export type UpdateRow = {
  plan: string;
  task: string;
  status: string | null;
  percent: number | null;
  note: string;
  channel: string;
  message_id: string;
};

/** A raw `notifications` row (digests and reminders sent, one per kind, recipient and slot). */
export type NotificationRow = { kind: string; recipient: string; slot: string; state: string; attempts: number };

/**
 * The bot's database read from outside the bot: its inbox while the soak runs (to tell an update a killed process
 * finished from one it died holding: pino buffers, so its "update handled" line may be missing), and the stored rows
 * at the end. SQLite answers at once; PostgreSQL answers with a Promise.
 */
export type StoreReader = {
  /** Whether the bot marked the update done (handled) in its inbox. */
  isDone(updateId: number): boolean | Promise<boolean>;
  updateRows(): Promise<UpdateRow[]>;
  notificationRows(): Promise<NotificationRow[]>;
  close(): Promise<void>;
};

const DONE = "SELECT done_at FROM inbox WHERE channel = 'telegram' AND update_id = ";
const UPDATES = 'SELECT plan, task, status, percent, note, channel, message_id FROM updates ORDER BY id';
const NOTIFICATIONS = 'SELECT kind, recipient, slot, state, attempts FROM notifications ORDER BY claimed_at, key';

/** Opens the bot's SQLite file read-only (migrated already: the invites are written before the first start). */
export function openSqliteReader(dbPath: string): StoreReader {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  const doneAt = db.prepare<[string], { done_at: string | null }>(`${DONE}?`);
  return {
    isDone: (updateId) => (doneAt.get(String(updateId))?.done_at ?? null) !== null,
    updateRows: async () => db.prepare(UPDATES).all() as UpdateRow[],
    notificationRows: async () => db.prepare(NOTIFICATIONS).all() as NotificationRow[],
    close: async () => {
      db.close();
    },
  };
}

/** Reads the bot's PostgreSQL database (the same tables and columns) over a small pool of its own. */
export function openPgReader(url: string): StoreReader {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  // The database is dropped at the end: an idle connection's error then must not end the soak.
  pool.on('error', () => undefined);
  return {
    isDone: async (updateId) =>
      ((await pool.query<{ done_at: Date | null }>(`${DONE}$1`, [String(updateId)])).rows[0]?.done_at ?? null) !== null,
    updateRows: async () => (await pool.query<UpdateRow>(UPDATES)).rows,
    notificationRows: async () => (await pool.query<NotificationRow>(NOTIFICATIONS)).rows,
    close: () => pool.end(),
  };
}
