import { describe, expect, it } from 'vitest';
import { dailyCronDueMinutesAgo, useAppDb, useTelegramApp, type AppProcess } from '../support/app-process.js';
import { seedUser } from '../support/seed-user.js';

const UNIT = 'Phòng Văn hóa - Xã hội';
const QUESTION = 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?';
const SOURCE = 'Nguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, Phụ lục, nhiệm vụ 4.';
const OFFICERS = [2001, 2002, 2003];
const UPDATES_EACH = 8;

const db = useAppDb();
const { server: api, start } = useTelegramApp(db);

/** Starts the bot and asks it a question whose answer Telegram refuses with 429 (retry after `seconds`): the answer is in flight. */
async function startWithAnswerHeldUp(seconds: number): Promise<AppProcess> {
  const app = await start();
  api().failNext('sendMessage', { status: 429, retryAfter: seconds });
  await api().user({ userId: 1001 }).send(QUESTION);
  await app.waitForLog('telegram: API call failed');
  return app;
}

/** Registers people straight into the database before the process starts. */
function seed(users: Array<{ id: number; role: 'officer' | 'leader' }>): void {
  const store = db().open();
  for (const u of users)
    seedUser(store, {
      key: `tg:${u.id}`,
      name: `Người ${u.id}`,
      role: u.role,
      plan: 'nhi-chieu',
      unit: u.role === 'officer' ? UNIT : null,
    });
  store.close();
}

/** Texts the bot delivered to one chat, in order. */
const texts = (chatId: number) =>
  api()
    .messagesTo(chatId)
    .map((m) => m.text);

/** The notes of the updates confirmed to a chat so far ("Đã lưu", or "đã được lưu trước đó" for a delivery seen again). */
function confirmedNotes(chatId: number): string[] {
  return texts(chatId).flatMap((t) =>
    /^(Đã lưu cập nhật:|Cập nhật này đã được lưu trước đó)/.test(t) ? [/• Ghi chú: (.+)/.exec(t)![1]!] : [],
  );
}

type UpdateRow = { user_key: string; note: string; message_id: string };
const storedNotes = (userKey: string) =>
  (db().rows('updates') as UpdateRow[]).filter((r) => r.user_key === userKey).map((r) => r.note);

describe('graceful stop (SIGTERM, SIGINT)', () => {
  it('stops on SIGTERM amid a burst: what was confirmed is stored once, nothing accepted is lost, the rest waits for the restart', async () => {
    seed(OFFICERS.map((id) => ({ id, role: 'officer' })));
    // Flood control off: this is about the stop, and a person sending 24 messages at once is otherwise asked to slow down.
    const unlimited = { RATE_LIMIT_PER_MINUTE: '0', SEND_PACING: 'off' };
    const app = await start(unlimited);
    const people = OFFICERS.map((id) => api().user({ userId: id, firstName: `Người ${id}` }));
    // Telegram holds up the first "typing…" of each chat for a second: those updates are stored but not yet confirmed,
    // and the rest of the burst waits behind them in the bot when the signal comes.
    OFFICERS.forEach(() => api().failNext('sendChatAction', { status: 429, retryAfter: 1 }));
    const burst = (label: string) =>
      Promise.all(
        people.map(async (person) => {
          for (let k = 1; k <= UPDATES_EACH; k++) {
            await person.send(`/capnhat 4 đang thực hiện ${k * 10}% ${label} ${k} của ${person.userId}`);
            if (k % 2 === 0) await person.send(QUESTION);
          }
        }),
      );
    await burst('trước');
    await app.waitForLog('telegram: API call failed');
    app.child.kill('SIGTERM');
    await app.waitForLog('stop: finishing the updates in flight');
    const confirmedAtSignal = OFFICERS.flatMap(confirmedNotes).length;
    await burst('sau');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(confirmedAtSignal).toBeLessThan(OFFICERS.length * UPDATES_EACH);

    // Every update stored before the exit was confirmed (the stop finished them), each stored once.
    for (const id of OFFICERS) expect(storedNotes(`tg:${id}`).sort()).toEqual([...new Set(confirmedNotes(id))].sort());

    const all = 2 * OFFICERS.length * UPDATES_EACH;
    const again = await start(unlimited);
    for (const id of OFFICERS) await waitUntil(() => new Set(confirmedNotes(id)).size === 2 * UPDATES_EACH);
    again.child.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });

    const rows = db().rows('updates') as UpdateRow[];
    expect(rows).toHaveLength(all);
    for (const id of OFFICERS) {
      const expected = ['trước', 'sau'].flatMap((label) =>
        Array.from({ length: UPDATES_EACH }, (_, i) => `${label} ${i + 1} của ${id}`),
      );
      expect(storedNotes(`tg:${id}`).sort()).toEqual(expected.sort());
      expect(texts(id).filter((t) => t.endsWith(SOURCE)).length).toBeGreaterThanOrEqual(UPDATES_EACH);
    }
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(all);
  });

  it('finishes a reply held up by Telegram (429, retry after 1 s) before exiting 0', async () => {
    const app = await startWithAnswerHeldUp(1);
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(texts(1001).filter((t) => t.endsWith(SOURCE))).toHaveLength(1);
    expect(app.logs().map((l) => l.msg)).toContain('stop: done');
  });

  it('exits at once with 130 on a second signal during the stop', async () => {
    const app = await startWithAnswerHeldUp(30);
    app.child.kill('SIGTERM');
    await app.waitForLog('stop: finishing the updates in flight');
    app.child.kill('SIGINT');
    expect(await app.exited).toEqual({ code: 130, signal: null });
    expect(app.logs().map((l) => l.msg)).toContain('stop: second signal, exiting now');
    expect(app.logs().map((l) => l.msg)).not.toContain('stop: done');
  });

  it('finishes the digest being sent at start before closing the database: it reaches the leader once', async () => {
    seed([{ id: 42, role: 'leader' }]);
    api().failNext('sendMessage', { status: 429, retryAfter: 1 });
    const cron = dailyCronDueMinutesAgo(2);
    const app = await start({ DIGEST_CRON: cron });
    await app.waitForLog('telegram: API call failed');
    app.child.kill('SIGTERM');
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(texts(42).filter((t) => t.startsWith('📋'))).toHaveLength(1);

    const again = await start({ DIGEST_CRON: cron });
    again.child.kill('SIGTERM');
    expect(await again.exited).toEqual({ code: 0, signal: null });
    expect(texts(42).filter((t) => t.startsWith('📋'))).toHaveLength(1);
    expect(db().rows('notifications')).toContainEqual(
      expect.objectContaining({ kind: 'digest', recipient: 'tg:42', state: 'sent' }),
    );
  });
});

async function waitUntil(condition: () => boolean): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
