import { redactUrl } from '../../src/store/pg/index.js';
import { createScratchDatabase, PG_SERVER_URL } from '../../test/support/pg-server.js';

/** A database of the soak's own on the PostgreSQL server the tests use (`TEST_DATABASE_URL`, else the local one). */
export type SoakDatabase = {
  /** Give this to the bot as DATABASE_URL. */
  url: string;
  /** Drops the database (its connections ended first); safe to call twice. */
  drop(): Promise<void>;
};

/** The databases not dropped yet: an interrupt drops them before the soak exits. */
const created = new Set<SoakDatabase>();

/** Creates an empty database `troly_soak_<pid>_<random>`; throws one clear line when the server does not answer. */
export async function createSoakDatabase(serverUrl = PG_SERVER_URL): Promise<SoakDatabase> {
  const scratch = await createScratchDatabase('troly_soak', serverUrl).catch((err: unknown) => {
    throw new Error(
      `soak: no PostgreSQL server answers at ${redactUrl(serverUrl)} (${err instanceof Error ? err.message : String(err)}); start one or set TEST_DATABASE_URL`,
      { cause: err },
    );
  });
  const database: SoakDatabase = {
    url: scratch.url,
    drop: () => scratch.drop().finally(() => created.delete(database)),
  };
  created.add(database);
  return database;
}

/** Drops every soak database still there (an interrupt); never rejects. */
export async function dropSoakDatabases(): Promise<void> {
  await Promise.all([...created].map((d) => d.drop().catch(() => undefined)));
}
