import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createInboxGate } from '../../src/channels/inbox-gate.js';
import { createInboxRepo, type Store } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

type U = { update_id: number; text: string };
const u = (id: number): U => ({ update_id: id, text: `tin ${id}` });

let tmp: TmpDb;
let store: Store;
let logs: Array<{ level: string; msg: string; data?: Record<string, unknown> }>;

function gate(withInbox = true, now?: () => Date) {
  return createInboxGate<U>({
    inbox: withInbox ? createInboxRepo(store.db) : undefined,
    channel: 'telegram',
    idOf: (x) => String(x.update_id),
    log: (level, msg, data) => void logs.push({ level, msg, data }),
    now,
  });
}

beforeEach(() => {
  tmp = createTmpDb();
  store = tmp.open();
  logs = [];
});
afterEach(() => tmp.cleanup());

describe('createInboxGate', () => {
  it('hands each update on once per process: not again while in hand, nor once done', async () => {
    const g = gate();
    expect(await g.admit([u(1), u(2)])).toEqual([u(1), u(2)]);
    expect(await g.admit([u(1), u(3)])).toEqual([u(3)]);
    await g.settle(u(1));
    expect(await g.admit([u(1)])).toEqual([]);
    expect(tmp.rows('inbox')).toMatchObject([
      { update_id: '1', done_at: expect.any(String) },
      { update_id: '2', done_at: null },
      { update_id: '3', done_at: null },
    ]);
    expect(logs).toEqual([
      { level: 'debug', msg: 'telegram: update delivered again, already handled', data: { updateIds: ['1'] } },
    ]);
  });

  it('replays what a previous process left, oldest first, and holds it in hand', async () => {
    const before = gate();
    await before.admit([u(4), u(5), u(6)]);
    await before.settle(u(5));

    const after = gate();
    expect(await after.replay()).toEqual([u(4), u(6)]);
    expect(await after.admit([u(4), u(7)])).toEqual([u(7)]);
    expect(logs.filter((l) => l.level === 'info')).toEqual([
      {
        level: 'info',
        msg: 'telegram: update left unhandled by a previous process, handling it now',
        data: { updateId: '4' },
      },
      {
        level: 'info',
        msg: 'telegram: update left unhandled by a previous process, handling it now',
        data: { updateId: '6' },
      },
    ]);
  });

  it('on a later look, hands out what was kept before a time and is not in hand here', async () => {
    const at = (minute: number) => () => new Date(Date.UTC(2026, 11, 5, 3, minute));
    const other = gate(true, at(0));
    await other.admit([u(1), u(2)]);
    const here = gate(true, at(5));
    expect(await here.admit([u(2), u(3)])).toEqual([u(2), u(3)]);
    expect(await here.replay(at(1)())).toEqual([u(1)]);
    expect(await here.replay(at(6)())).toEqual([]);
  });

  it('without an inbox hands everything on and keeps nothing', async () => {
    const g = gate(false);
    expect(await g.admit([u(1), u(1)])).toEqual([u(1), u(1)]);
    await g.settle(u(1));
    expect(await g.replay()).toEqual([]);
    expect(tmp.rows('inbox')).toEqual([]);
  });

  it('rejects when the updates cannot be kept, and only logs when one cannot be marked done', async () => {
    const g = gate();
    await g.admit([u(1)]);
    store.close();
    await expect(g.admit([u(2)])).rejects.toThrow(/database connection is not open/);
    await expect(g.settle(u(1))).resolves.toBeUndefined();
    expect(logs.at(-1)).toMatchObject({
      level: 'warn',
      msg: 'telegram: could not mark an update done; it will be handed out again at the next start',
      data: { updateId: '1' },
    });
  });
});
