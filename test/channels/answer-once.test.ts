import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerOnce, BUSY_RETRY_MS, PROCESS_OWNER } from '../../src/channels/index.js';
import { createDeliveryRepo, DELIVERY_LEASE_MS } from '../../src/store/index.js';
import { createTmpDb, type TmpDb } from '../support/tmp-db.js';

const T0 = new Date('2026-06-01T02:00:00.000Z');
const MESSAGE = { channel: 'zalo', id: 'in-1' };

let tmp: TmpDb;
let deliveries: ReturnType<typeof createDeliveryRepo>;
let clock: Date;
/** Every wait asked for; waiting moves the clock on by that much. */
let waits: number[];
const now = () => clock;
const sleep = async (ms: number) => {
  waits.push(ms);
  clock = new Date(clock.getTime() + ms);
};

beforeEach(() => {
  tmp = createTmpDb();
  deliveries = createDeliveryRepo(tmp.open().db);
  clock = T0;
  waits = [];
});
afterEach(() => tmp.cleanup());

describe('answerOnce', () => {
  it('answers a message once and drops it when delivered again', async () => {
    const answered: string[] = [];
    const answer = async () => void answered.push('answer');
    expect(await answerOnce({ deliveries, now, sleep }, MESSAGE, answer)).toBe('answered');
    expect(await answerOnce({ deliveries, now, sleep }, MESSAGE, answer)).toBe('duplicate');
    expect(answered).toEqual(['answer']);
    expect(tmp.rows('inbox')).toMatchObject([
      {
        channel: 'zalo',
        update_id: 'in-1',
        owner: PROCESS_OWNER,
        attempts: 1,
        claimed_at: T0.toISOString(),
        done_at: T0.toISOString(),
      },
    ]);
  });

  it('drops a delivery that arrives while the same process is still answering it', async () => {
    let release!: () => void;
    const first = answerOnce(
      { deliveries, now, sleep },
      MESSAGE,
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    expect(await answerOnce({ deliveries, now, sleep }, MESSAGE, async () => expect.unreachable())).toBe('duplicate');
    release();
    expect(await first).toBe('answered');
  });

  it('waits while another process holds a fresh claim, and answers once the lease has passed (that process died)', async () => {
    await deliveries.claim('zalo', 'in-1', 'killed-process', new Date(T0.getTime() - 30_000));
    let answeredAt: Date | undefined;
    expect(
      await answerOnce({ deliveries, now, sleep, owner: 'restarted' }, MESSAGE, async () => void (answeredAt = clock)),
    ).toBe('answered');
    expect(waits.every((ms) => ms === BUSY_RETRY_MS)).toBe(true);
    expect(answeredAt!.getTime() - T0.getTime()).toBe(DELIVERY_LEASE_MS - 30_000);
    expect(tmp.rows('inbox')).toMatchObject([{ owner: 'restarted', attempts: 2, done_at: answeredAt!.toISOString() }]);
  });

  it('waits while another process answers, then drops the message it answered', async () => {
    await deliveries.claim('zalo', 'in-1', 'other-process', T0);
    const finishSoon = async (ms: number) => {
      await sleep(ms);
      if (waits.length === 2) await deliveries.finish('zalo', 'in-1', clock);
    };
    expect(
      await answerOnce({ deliveries, now, sleep: finishSoon, owner: 'me' }, MESSAGE, async () => expect.unreachable()),
    ).toBe('duplicate');
    expect(waits).toEqual([BUSY_RETRY_MS, BUSY_RETRY_MS]);
  });

  it('leaves the claim unfinished when answering throws, and passes the error on', async () => {
    await expect(
      answerOnce({ deliveries, now, sleep }, MESSAGE, async () => Promise.reject(new Error('send failed'))),
    ).rejects.toThrow('send failed');
    expect(tmp.rows('inbox')).toMatchObject([{ done_at: null }]);
  });

  it('answers every delivery when no delivery log is given', async () => {
    let count = 0;
    for (let i = 0; i < 2; i++) expect(await answerOnce({}, MESSAGE, async () => void count++)).toBe('answered');
    expect(count).toBe(2);
  });
});
