import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createUpdateQueue } from '../../../bench/soak/update-queue.js';

const update = (id: number) => ({ update_id: id }) as Update;
const ids = (list: Update[]) => list.map((u) => u.update_id);

describe('createUpdateQueue', () => {
  it('returns an update on every call until an offset above its id confirms it', () => {
    const queue = createUpdateQueue();
    queue.push(update(10));
    queue.push(update(11));
    expect(ids(queue.take(undefined, 100))).toEqual([10, 11]);
    expect(ids(queue.take(0, 100))).toEqual([10, 11]);
    expect(ids(queue.take(11, 100))).toEqual([11]);
    expect(queue.isPending(10)).toBe(false);
    expect(ids(queue.take(12, 100))).toEqual([]);
    expect(queue.size).toBe(0);
  });

  it('returns at most `limit` updates, oldest first, and at least one', () => {
    const queue = createUpdateQueue();
    for (const id of [3, 1, 2]) queue.push(update(id));
    expect(ids(queue.take(undefined, 2))).toEqual([1, 2]);
    expect(ids(queue.take(undefined, 0))).toEqual([1]);
  });

  it('keeps only the last updates for a negative offset', () => {
    const queue = createUpdateQueue();
    for (const id of [1, 2, 3]) queue.push(update(id));
    expect(ids(queue.take(-1, 100))).toEqual([3]);
  });

  it('delivers an update queued again under its old id, until a later call confirms it', () => {
    const queue = createUpdateQueue();
    queue.push(update(5));
    queue.take(6, 100);
    queue.redeliver(update(5));
    queue.push(update(7));
    // The offset already passed 5, yet the update queued again goes out: it was never delivered since.
    expect(ids(queue.take(6, 100))).toEqual([5, 7]);
    // A restarted bot polls with offset 0: nothing is confirmed, both come again.
    expect(ids(queue.take(0, 100))).toEqual([5, 7]);
    expect(ids(queue.take(8, 100))).toEqual([]);
  });

  it('drops everything on clear (deleteWebhook with drop_pending_updates)', () => {
    const queue = createUpdateQueue();
    queue.push(update(1));
    queue.clear();
    expect(queue.take(undefined, 100)).toEqual([]);
  });
});
