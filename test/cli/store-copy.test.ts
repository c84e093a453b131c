import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/store.js';
import { probeWrite, type Store } from '../../src/store/index.js';
import { useCliOnTmpDb } from '../support/cli-run.js';
import { createPgTestDb, PG_ABSENT, pgReachable, type PgTestDb } from '../support/pg-db.js';
import { seedUser } from '../support/seed-user.js';

const T0 = new Date('2026-06-01T02:00:00.000Z');
const USAGE_START = 'usage: npm run cli -- store copy --from sqlite:data/troly.db --to postgres://';

/** A commune's database with a row in every table. */
async function populate(store: Store): Promise<void> {
  const lan = seedUser(store, { key: 'tg:1', name: 'Lan', plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội' });
  for (let i = 1; i <= 30; i++)
    await lan.append({ plan: 'nhi-chieu', task: String(i % 7), createdAt: T0, note: `Lần ${i} 🎉` });
  const first = (await store.progress.listForPlan('nhi-chieu'))[0]!;
  await store.progress.append({
    ...first,
    messageId: 'undo-1',
    status: null,
    percent: null,
    note: '',
    reverts: first.id,
  });
  await store.invites.create({
    code: 'ABC123',
    plan: 'nhi-chieu',
    unit: null,
    role: 'leader',
    createdAt: T0,
    expiresAt: T0,
    usedAt: null,
    usedBy: null,
  });
  await store.subscriptions.set('tg:1', true, T0);
  await store.figures.add(
    [
      {
        plan: 'nhi-chieu',
        unit: 'Văn phòng',
        metric: 'documents',
        year: 2026,
        field: 'online',
        value: 12.5,
        reportedAt: T0,
      },
    ],
    'tg:1',
  );
  const digest = { kind: 'digest', recipient: 'tg:1', plan: 'nhi-chieu', slot: '2026-06-01', late: true };
  await store.notifications.claim({ ...digest, key: 'digest|tg:1|nhi-chieu|2026-06-01' }, 'proc-a', T0, 60_000);
  await store.deliveries.claim('telegram', '1001:5', 'proc-a', T0);
  await store.inbox.keep('telegram', [{ id: '77', body: { update_id: 77 } }], T0);
  await store.revisions.record(
    'nhi-chieu',
    { renumbered: [{ from: '4', to: '5' }], retired: [{ no: '6', content: 'Bỏ' }] },
    T0,
  );
  await store.members.add('nhi-chieu', 'UBND các xã, phường', ['UBND xã Tân Chi', 'UBND xã Phú Mỹ'], T0);
  const asked = await store.questions.record({
    askedAt: T0,
    channel: 'zalo',
    userKey: 'zl:9',
    text: 'ai chủ trì nhiệm vụ 4',
    intent: 'lead',
    kind: 'task_field',
    answered: true,
    citations: [{ plan: 'nhi-chieu', task: '4', section: null }],
  });
  await store.questions.rate(asked, 'zl:9', 'up', T0);
  await store.dashboard.addLink('link-hash', 'tg:1', T0, new Date(T0.getTime() + 600_000));
  await store.dashboard.addSession('session-hash', {
    userKey: 'tg:1',
    origin: 'link',
    createdAt: T0,
    expiresAt: new Date(T0.getTime() + 86_400_000),
  });
  await store.conversations.set('telegram:1', '{"focus":null,"pages":["Trang 2"],"shown":1}', T0, new Date(0));
  const expiresAt = new Date(T0.getTime() + 86_400_000);
  await store.publishedFiles.put(
    { name: 'c.png', content: Buffer.from([0x89, 0x50]), mimeType: 'image/png', expiresAt },
    T0,
  );
  // The SQLite repository answers through a Promise but writes before returning it.
  void store.planFiles.put('nhi-chieu.md', Buffer.from([0, 1, 255]), 'ab'.repeat(32), T0);
  probeWrite(store.db, T0);
}

/** The tables of the SQLite store, as `store copy` names them. */
const tablesOf = (snapshot: Record<string, unknown[]>) => Object.keys(snapshot).filter((t) => t !== 'sqlite_sequence');

/** Rows in a stable order whatever order a database returns them in. */
const sorted = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();

describe.skipIf(!pgReachable)(`store copy${pgReachable ? '' : ` ${PG_ABSENT}`}`, () => {
  const t = useCliOnTmpDb(populate);
  let pg: PgTestDb;
  beforeAll(async () => {
    pg = await createPgTestDb();
  });
  beforeEach(() => pg.reset());
  afterAll(() => pg.drop());
  const copy = () => run(['copy', '--from', `sqlite:${t.db.path}`, '--to', pg.url]);

  it('copies every row of every table, then the PostgreSQL store goes on from them', async () => {
    const source = Object.fromEntries(Object.entries(t.db.snapshot()).filter(([table]) => table !== 'sqlite_sequence'));
    expect(Object.values(source).every((rows) => rows.length > 0)).toBe(true);

    expect(await copy()).toBe(0);
    const target = await pg.snapshot();
    expect(Object.keys(target).sort()).toEqual(Object.keys(source).sort());
    for (const table of Object.keys(source)) expect(sorted(target[table]!), table).toEqual(sorted(source[table]!));
    expect(t.io.out[0]).toBe(`copied into ${pg.url} in one transaction; counts checked:`);
    expect(t.io.out).toContain(`  ${'updates'.padEnd(22)} 31`);
    expect(t.io.out.at(-1)).toBe(
      `${Object.values(source).reduce((n, rows) => n + rows.length, 0)} rows in ${Object.keys(source).length} tables`,
    );

    const store = await pg.open();
    const sqlite = t.db.open();
    expect(await store.progress.listForPlan('nhi-chieu')).toEqual(await sqlite.progress.listForPlan('nhi-chieu'));
    expect(await store.users.list()).toEqual(await sqlite.users.list());
    const next = await store.progress.append({
      ...(await store.progress.listForPlan('nhi-chieu'))[0]!,
      messageId: 'after-copy',
    });
    expect(next.ok && next.value.id).toBe(32);
    expect(await store.subscriptions.get('tg:1')).toBe(true);
  });

  it('refuses a target that has rows, and changes nothing there', async () => {
    expect(await copy()).toBe(0);
    const before = await pg.snapshot();
    expect(await copy()).toBe(1);
    expect(t.io.err).toEqual([
      `store copy: nothing copied: the target database already has rows (in ${tablesOf(t.db.snapshot()).sort().join(', ')}); copy into an empty database`,
    ]);
    expect(await pg.snapshot()).toEqual(before);
  });

  it('keeps nothing when a row fails half-way: the copy is one transaction', async () => {
    t.db.open().db.prepare("INSERT INTO retired_tasks VALUES ('p', '9', 3, 'x', '~v3:9', 'not a time')").run();
    expect(await copy()).toBe(1);
    expect(t.io.err[0]).toMatch(
      /^store copy: cannot copy into .*: invalid input syntax for type timestamp with time zone: "not a time" \(22007\)$/,
    );
    expect(Object.values(await pg.snapshot()).flat()).toEqual([]);
  });

  it('asks for both ends, SQLite first', async () => {
    expect(await run(['copy', '--from', t.db.path, '--to', pg.url])).toBe(1);
    expect(await run(['copy', '--from', `sqlite:${t.db.path}`])).toBe(1);
    expect(t.io.err.map((e) => e.startsWith(USAGE_START))).toEqual([true, true]);
  });
});
