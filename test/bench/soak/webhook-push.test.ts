import type { Update } from 'grammy/types';
import { describe, expect, it } from 'vitest';
import { createWebhookPush, type PushAnswer, type WebhookTarget } from '../../../bench/soak/webhook-push.js';

const TARGET: WebhookTarget = { url: 'http://127.0.0.1:1/telegram/x', secret: 'secret-0123456789abcdef' };
const update = (id: number, chatId = 1001) =>
  ({ update_id: id, message: { chat: { id: chatId } } }) as unknown as Update;
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** A push whose posts are answered by `answers` in turn (an Error: the connection failed), recording each post. */
function pushWith(answers: (PushAnswer | Error)[]) {
  const posted: { id: number; target: WebhookTarget }[] = [];
  const delivered: [number, number][] = [];
  const firstPosts: number[] = [];
  const push = createWebhookPush({
    retryMs: 1,
    onPost: (u) => firstPosts.push(u.update_id),
    post: async (u, target) => {
      posted.push({ id: u.update_id, target });
      const answer = answers.shift() ?? { status: 200, gen: 1 };
      if (answer instanceof Error) throw answer;
      return answer;
    },
    onDeliver: (u, gen) => delivered.push([u.update_id, gen]),
  });
  return { push, posted, delivered, firstPosts };
}

describe('createWebhookPush', () => {
  it('posts again after a dropped connection or a non-2xx answer, and acknowledges only on a 2xx', async () => {
    const { push, posted, delivered, firstPosts } = pushWith([
      new Error('socket hang up'),
      { status: 503, gen: 2 },
      { status: 500, gen: 2 },
      { status: 200, gen: 3 },
    ]);
    push.setTarget(TARGET);
    push.push(1001, update(7));
    expect(push.isPending(7)).toBe(true);
    await settle();
    expect(posted.map((p) => p.id)).toEqual([7, 7, 7, 7]);
    expect(posted[0]!.target).toEqual(TARGET);
    expect(delivered).toEqual([[7, 3]]);
    expect(firstPosts).toEqual([7]);
    expect(push.isPending(7)).toBe(false);
    expect(push.stats()).toEqual({ posts: 4, retried: { connection: 1, '503': 1, '500': 1 } });
  });

  it("posts a chat's next update only once the one before was acknowledged; other chats go on meanwhile", async () => {
    let release: (answer: PushAnswer) => void = () => undefined;
    const posted: number[] = [];
    const push = createWebhookPush({
      post: (u) => {
        posted.push(u.update_id);
        const first = posted.length === 1;
        return first ? new Promise((resolve) => (release = resolve)) : Promise.resolve({ status: 200, gen: 1 });
      },
      onDeliver: () => undefined,
    });
    push.setTarget(TARGET);
    push.push(1001, update(1));
    push.push(1001, update(1));
    push.push(1001, update(3));
    push.push(2002, update(2, 2002));
    await settle();
    expect(posted).toEqual([1, 2]);
    release({ status: 200, gen: 1 });
    await settle();
    expect(posted).toEqual([1, 2, 1, 3]);
    expect(push.isPending(1)).toBe(false);
  });

  it('keeps a delivered-again update pending until its last copy is acknowledged', async () => {
    const { push, delivered, firstPosts } = pushWith([]);
    push.push(1001, update(5));
    push.push(1001, update(5));
    await settle();
    expect(push.isPending(5)).toBe(true);
    expect(delivered).toEqual([]);
    push.setTarget(TARGET);
    await settle();
    expect(delivered).toEqual([
      [5, 1],
      [5, 1],
    ]);
    expect(push.isPending(5)).toBe(false);
    expect(firstPosts).toEqual([5, 5]);
  });

  it('holds the posts while no webhook is set (deleteWebhook) and goes on once one is', async () => {
    const { push, posted } = pushWith([]);
    push.setTarget(TARGET);
    push.setTarget(undefined);
    push.push(1001, update(9));
    await settle();
    expect(posted).toEqual([]);
    push.setTarget({ ...TARGET, secret: 'other-secret-0123456789' });
    await settle();
    expect(posted).toEqual([{ id: 9, target: { ...TARGET, secret: 'other-secret-0123456789' } }]);
  });
});
