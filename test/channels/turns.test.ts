import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTurns } from '../../src/channels/index.js';

// A local echo server: a round trip over it is I/O the event loop must poll for, like a platform's response.
let server: Server;
let socket: Socket;
beforeEach(async () => {
  server = createServer((s) => s.pipe(s));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  socket = connect(port, '127.0.0.1');
  await new Promise<void>((resolve) => socket.once('connect', resolve));
});
afterEach(async () => {
  socket.destroy();
  await new Promise((resolve) => server.close(resolve));
});

/** Starts 100 pieces of work at once (through `before`); the first one starts a round trip. What happened, in order. */
async function runBatch(before: () => Promise<void>): Promise<string[]> {
  const events: string[] = [];
  const work = async (n: number) => {
    await before();
    events.push(`start ${n}`);
    if (n === 1) {
      socket.once('data', () => events.push('response'));
      socket.write('ping');
    }
  };
  await Promise.all(Array.from({ length: 100 }, (_, i) => work(i + 1)));
  if (!events.includes('response')) await new Promise((resolve) => socket.once('data', resolve));
  return events;
}

describe('createTurns', () => {
  it('lets the pieces go in the order asked', async () => {
    const turns = createTurns();
    const events = await runBatch(turns.next);
    expect(events.filter((e) => e.startsWith('start'))).toEqual(
      Array.from({ length: 100 }, (_, i) => `start ${i + 1}`),
    );
  });

  it('takes I/O that became ready between two pieces', async () => {
    const turns = createTurns();
    const events = await runBatch(turns.next);
    expect(events.indexOf('response')).toBeGreaterThan(0);
    expect(events.indexOf('response')).toBeLessThan(events.indexOf('start 100'));
  });

  it('(without it, the batch runs in one go and the response waits for all of it)', async () => {
    const events = await runBatch(async () => {});
    expect(events.indexOf('response')).toBe(100);
  });

  it('says drained once the last piece waiting has gone', async () => {
    const turns = createTurns();
    await turns.drained();
    const started: number[] = [];
    const pieces = [1, 2, 3].map((n) => turns.next().then(() => void started.push(n)));
    await turns.drained();
    expect(started).toEqual([1, 2, 3]);
    await Promise.all(pieces);
  });
});
