import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keptPlanRows } from '../../src/store/kept-plan-rows.js';
import type { Store } from '../../src/store/index.js';
import { toRecord } from '../../src/store/progress-repo.js';
import type { NewUpdate } from '../../src/tasks/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

const T0 = new Date('2026-06-01T02:00:00Z');
let n = 0;
const update = (plan: string, task: string): NewUpdate => ({
  plan,
  task,
  trackingYear: '',
  status: 'in_progress',
  percent: 50,
  note: `ghi chú ${++n}`,
  userKey: 'tg:1',
  userName: 'Lan',
  channel: 'telegram',
  messageId: `m${n}`,
  createdAt: T0,
  reverts: null,
  unit: null,
});

let tmp: TmpDb;
let store: Store;
beforeEach(() => {
  tmp = createTmpDb();
  store = tmp.open();
  store.db.pragma('foreign_keys = OFF');
});
afterEach(() => tmp.cleanup());

const ids = (records: { id: number; task: string }[]) => records.map((r) => `${r.id}:${r.task}`);

describe('keptPlanRows', () => {
  it('reads a plan again as a fresh read would, keeping the records it read before', async () => {
    const read = keptPlanRows(store.db, toRecord);
    await store.progress.append(update('a', '1'));
    await store.progress.append(update('b', '1'));
    const first = read('a');
    await store.progress.append(update('a', '2'));
    const second = read('a');
    expect(ids(second)).toEqual(['1:1', '3:2']);
    expect(second[0]).toBe(first[0]);
    expect(second).toEqual(await store.progress.listForPlan('a'));
    expect(Object.isFrozen(second[0])).toBe(true);
    second.pop();
    expect(read('a')).toHaveLength(2);
  });

  it('sees the rows another connection wrote', async () => {
    const read = keptPlanRows(store.db, toRecord);
    await store.progress.append(update('a', '1'));
    expect(read('a')).toHaveLength(1);
    const other = tmp.open();
    other.db.pragma('foreign_keys = OFF');
    await other.progress.append(update('a', '2'));
    expect(ids(read('a'))).toEqual(['1:1', '2:2']);
  });

  it('renumbers the records it keeps after an amendment moved their task', async () => {
    const read = keptPlanRows(store.db, toRecord);
    await store.progress.append(update('a', '4'));
    expect(ids(read('a'))).toEqual(['1:4']);
    await store.revisions.record('a', { renumbered: [{ from: '4', to: '5' }], retired: [] }, T0);
    await store.progress.append(update('a', '4'));
    expect(ids(read('a'))).toEqual(['1:5', '2:4']);
  });

  it('lets the plans read longest ago go when over its budget of rows', async () => {
    const read = keptPlanRows(store.db, toRecord, 2);
    for (const plan of ['a', 'a', 'b']) await store.progress.append(update(plan, '1'));
    const a = read('a');
    expect(read('a')[0]).toBe(a[0]);
    read('b');
    expect(read('a')[0]).not.toBe(a[0]);
    expect(ids(read('a'))).toEqual(['1:1', '2:1']);
  });
});
