import { existsSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { run as invite } from '../../src/cli/commands/invite.js';
import { run as users } from '../../src/cli/commands/users.js';
import { useCliOnTmpDb } from '../support/cli-run.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from '../support/pg-db.js';

const t = useCliOnTmpDb();

/** The admin's commands on a province's PostgreSQL: with DATABASE_URL set, they go where the assistant runs. */
describe.runIf(pgReachable)('cli commands with DATABASE_URL', () => {
  let pg: PgTestDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
  });
  afterAll(async () => pg?.drop());
  afterEach(() => {
    delete process.env.DATABASE_URL;
    delete process.env.DATABASE_PATH;
  });

  it('writes an invite into PostgreSQL and lists its users there, never creating a SQLite file', async () => {
    process.env.DATABASE_URL = pg.url;
    process.env.DATABASE_PATH = t.db.path;
    expect(await invite(['--plan', 'nhi-chieu', '--unit', 'Phòng VHXH', '--role', 'officer'])).toBe(0);
    expect(await pg.rows('invites')).toMatchObject([{ plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội' }]);
    expect(await users([])).toBe(0);
    expect(t.io.out.at(-1)).toBe('no users yet; create an invite with: npm run cli -- invite --help');
    expect(existsSync(t.db.path)).toBe(false);
  });

  it('says in one line when PostgreSQL cannot be reached', async () => {
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:1/none';
    expect(await users([])).toBe(1);
    expect(t.io.err).toEqual([expect.stringMatching(/^users: cannot open the database: /)]);
  });
});

describe.skipIf(pgReachable)(`cli commands with DATABASE_URL ${PG_ABSENT}`, () => {
  it.skip('needs a PostgreSQL server', () => undefined);
});
