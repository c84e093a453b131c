import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { run } from '../../src/cli/commands/backup.js';
import { useCliOnTmpDb } from '../support/cli-run.js';
import { seedUser, type SeedUpdate } from '../support/seed-user.js';

const USAGE = 'usage: npm run cli -- backup FILE [--db FILE]   (FILE: a new file, or an earlier backup to replace)';
// Enough rows for the backup to copy the file in several steps, so that writes land between them.
const SEED_ROWS = 3000;

const t = useCliOnTmpDb((store) => {
  const lan = seedUser(store, { key: 'tg:1', name: 'Lan', plan: 'hue', unit: 'Sở Nội vụ' });
  // One commit for the seed: SQLite's repositories write at once (their Promise is already settled).
  store.db.transaction(() => {
    for (let i = 0; i < SEED_ROWS; i++) void lan.append(update(i));
  })();
});

const update = (i: number): SeedUpdate => ({
  plan: 'hue',
  task: String((i % 12) + 1),
  status: 'in_progress',
  percent: 40,
  note: `Đã tổng hợp số liệu lần ${i}. `.repeat(8),
  createdAt: new Date('2026-03-09T03:00:00Z'),
});

/** Schema version and every row of every table of the SQLite file at `path`, read raw. */
function contents(path: string) {
  const file = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tables = file
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    return {
      integrity: file.pragma('integrity_check', { simple: true }),
      version: file.pragma('user_version', { simple: true }),
      tables: Object.fromEntries(
        tables.map((name) => [name, file.prepare(`SELECT * FROM "${name}" ORDER BY rowid`).all()]),
      ),
    };
  } finally {
    file.close();
  }
}

const link = () => {
  const path = join(t.db.dir, 'link.db');
  if (!existsSync(path)) symlinkSync(t.db.path, path);
  return path;
};

describe('cli backup', () => {
  it('copies the database while another connection writes, giving a valid file with the same rows', async () => {
    const target = join(t.db.dir, 'backups', 'troly-2026-06-01.db');
    mkdirSync(join(t.db.dir, 'backups'));
    const writer = seedUser(t.db.open(), { key: 'tg:2', name: 'Minh', plan: 'hue', unit: 'Sở Nội vụ' });
    let written = 0;
    let finished = false;
    const backup = run([target, '--db', t.db.path]).finally(() => void (finished = true));
    await new Promise<void>((resolve) => {
      const write = () => {
        if (finished || written === 100) return resolve();
        void writer.append(update(written++));
        setImmediate(write);
      };
      write();
    });
    expect(await backup).toBe(0);
    expect(written).toBeGreaterThan(0);
    expect(t.io.out).toEqual([`backup written to ${target}`]);

    const copy = contents(target);
    expect(copy.integrity).toBe('ok');
    expect(copy).toEqual(contents(t.db.path));
    expect(copy.tables.updates).toHaveLength(SEED_ROWS + written);
    expect(copy.version).toBeGreaterThan(0);
  });

  it('replaces an earlier backup', async () => {
    const target = join(t.db.dir, 'troly-backup.db');
    expect(await run([target, '--db', t.db.path])).toBe(0);
    await seedUser(t.db.open(), { key: 'tg:2', name: 'Minh', plan: 'hue', unit: 'Sở Nội vụ' }).append(update(0));
    expect(await run([target, '--db', t.db.path])).toBe(0);
    expect(contents(target).tables.updates).toHaveLength(SEED_ROWS + 1);
  });

  it.each([
    ['a file on the way', () => join(t.db.path, 'sub', 'b.db'), () => `${t.db.path} is a file, not a folder`],
    ['a folder', () => t.db.dir, () => `${t.db.dir} is a folder; give a file name, like ${t.db.dir}/troly.db`],
    ['the database itself', () => t.db.path, () => `${t.db.path} is the database itself`],
    [
      'the database by another path',
      () => `${t.db.dir}/data/../data/troly.db`,
      () => `${t.db.dir}/data/../data/troly.db is the database itself`,
    ],
    ['a link to the database', () => link(), () => `${link()} is the database itself`],
  ])('refuses %s as the target with a clear error', async (_, target, problem) => {
    const before = contents(t.db.path);
    expect(await run([target(), '--db', t.db.path])).toBe(1);
    expect(t.io.err).toEqual([`backup: cannot write to ${target()}: ${problem()}`]);
    expect(t.io.out).toEqual([]);
    expect(contents(t.db.path)).toEqual(before);
  });

  it('creates the missing folders of the target', async () => {
    const target = join(t.db.dir, 'backups', '2026', 'troly.db');
    expect(await run([target, '--db', t.db.path])).toBe(0);
    expect(t.io.out).toEqual([`backup written to ${target}`]);
    expect(contents(target).tables.updates).toHaveLength(SEED_ROWS);
  });

  it('leaves a file that is not a database untouched', async () => {
    const notes = join(t.db.dir, 'notes.txt');
    writeFileSync(notes, 'ghi chú quan trọng\n');
    expect(await run([notes, '--db', t.db.path])).toBe(1);
    expect(t.io.err).toEqual([`backup: cannot write to ${notes}: file is not a database`]);
    expect(readFileSync(notes, 'utf8')).toBe('ghi chú quan trọng\n');
  });

  it('refuses a database that is not there instead of backing up an empty new one', async () => {
    const missing = join(t.db.dir, 'typo.db');
    const target = join(t.db.dir, 'b.db');
    expect(await run([target, '--db', missing])).toBe(1);
    expect(t.io.err).toEqual([`backup: no database at ${missing} (set DATABASE_PATH or --db)`]);
    expect([existsSync(missing), existsSync(target)]).toEqual([false, false]);
  });

  it('with DATABASE_URL, gives the pg_dump command instead (no password in it) and writes nothing', async () => {
    vi.stubEnv('DATABASE_URL', 'postgres://troly:s3cret@db.tinh.gov.vn:5432/troly');
    try {
      const target = join(t.db.dir, 'troly.dump');
      expect(await run([target])).toBe(1);
      expect(t.io.err).toEqual([
        [
          'backup: the database is PostgreSQL (DATABASE_URL), backed up with its own tool, pg_dump, safe while the bot runs:',
          `  pg_dump --format=custom --file=${target} 'postgres://troly@db.tinh.gov.vn:5432/troly'`,
          `restore into an empty database with: pg_restore --no-owner --dbname='postgres://troly@db.tinh.gov.vn:5432/troly' ${target}`,
          "(the password from PGPASSWORD or ~/.pgpass; the server's own backups, if its staff run them, cover it too)",
        ].join('\n'),
      ]);
      expect(existsSync(target)).toBe(false);
      // --db still names a SQLite file to back up.
      expect(await run([target, '--db', t.db.path])).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it.each([[[]], [['a.db', 'b.db']]])('asks for exactly one FILE: %j', async (args) => {
    expect(await run([...args, '--db', t.db.path])).toBe(1);
    expect(t.io.err).toEqual([USAGE]);
  });
});
