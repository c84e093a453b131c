import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './sqlite.js';

/** A numbered schema change, read from `migrations/NNN-name.sql`. */
export type Migration = { version: number; name: string; sql: string };

/** The database cannot be brought to the code's schema (a failed step, or a database newer than the code). */
export class MigrationError extends Error {
  override readonly name = 'MigrationError';
  constructor(
    message: string,
    readonly databaseVersion: number,
    readonly codeVersion: number,
    options?: { cause?: unknown },
  ) {
    super(`Store: ${message}`, options);
  }
}

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Reads the migration files in order; file names start with their version number. */
export function readMigrations(dir: string = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d+-.+\.sql$/.test(f))
    .map((f) => ({ version: Number.parseInt(f, 10), name: f, sql: readFileSync(join(dir, f), 'utf8') }))
    .sort((a, b) => a.version - b.version);
}

/** The refusal of a database at `current` by code at `codeVersion`, naming the setting that chose the database. */
export function newerDatabaseError(current: number, codeVersion: number, setting: string): MigrationError {
  return new MigrationError(
    `database schema version ${current} is newer than this program (${codeVersion}); update the program or use another ${setting}`,
    current,
    codeVersion,
  );
}

/**
 * Applies the migrations newer than the database's `user_version`, each in its own transaction,
 * and returns the version reached. Throws MigrationError when the database is newer than the code.
 */
export function migrate(db: Db, migrations: Migration[] = readMigrations()): number {
  const codeVersion = migrations.at(-1)?.version ?? 0;
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > codeVersion) throw newerDatabaseError(current, codeVersion, 'DATABASE_PATH');
  for (const m of migrations.filter((x) => x.version > current)) applyOne(db, m, current, codeVersion);
  return Math.max(current, codeVersion);
}

function applyOne(db: Db, m: Migration, current: number, codeVersion: number): void {
  try {
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  } catch (cause) {
    throw new MigrationError(`migration ${m.name} failed`, current, codeVersion, { cause });
  }
}
