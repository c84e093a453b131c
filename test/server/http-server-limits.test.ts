import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createZaloWebhookHandler } from '../../src/channels/zalo/index.js';
import { parseUpdate } from '../../src/channels/zalo/schema.js';
import { startHttpServer, type HttpServer, type HttpServerOptions } from '../../src/server/index.js';

const SECRET = 'webhook-secret-0123456789';
const PATH = '/zalo/hook';
const WAIT = { timeout: 5_000, interval: 20 };

let server: HttpServer | undefined;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.destroy();
  await server?.close();
  server = undefined;
});

async function serve(options: Partial<HttpServerOptions> = {}) {
  const received: unknown[] = [];
  const logs: string[] = [];
  const handler = createZaloWebhookHandler({
    secretToken: SECRET,
    log: (level, msg) => void logs.push(`${level}: ${msg}`),
    processUpdate: (raw) => (received.push(raw), parseUpdate(raw)),
  });
  server = await startHttpServer({ port: 0, host: '127.0.0.1', webhooks: { [PATH]: handler }, ...options });
  return { port: server.port, received, logs };
}

/** A raw TCP client: what it wrote, what came back, and whether the server closed it. */
function rawClient(port: number) {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const state = { data: '', closed: false };
  socket.setEncoding('utf8').on('data', (chunk: string) => (state.data += chunk));
  socket.on('close', () => (state.closed = true)).on('error', () => undefined);
  return { socket, state };
}

const headers = (secret: string | null, length: number) =>
  [
    `POST ${PATH} HTTP/1.1`,
    'Host: 127.0.0.1',
    'Content-Type: application/json',
    `Content-Length: ${length}`,
    ...(secret ? [`X-Bot-Api-Secret-Token: ${secret}`] : []),
    '',
    '',
  ].join('\r\n');

describe('startHttpServer under attack', () => {
  it.each([
    ['without the secret', null],
    ['with a wrong secret', 'guess'],
  ])('answers a webhook call %s with 401 from its headers, before its body arrives', async (_, secret) => {
    const { port, received, logs } = await serve();
    const client = rawClient(port);
    client.socket.write(headers(secret, 500_000));
    // The body never comes: the answer cannot be waiting for it.
    await vi.waitFor(() => expect(client.state.data).toMatch(/^HTTP\/1\.1 401 Unauthorized\r\n/), WAIT);
    expect(client.state.data).toMatch(/\r\nConnection: close\r\n/i);
    await vi.waitFor(() => expect(client.state.closed).toBe(true), WAIT);
    expect(received).toEqual([]);
    expect(logs).toEqual(['warn: zalo: webhook call refused (secret token)']);
  });

  it('still reads the body of a call with the right secret', async () => {
    const { port, received } = await serve();
    const client = rawClient(port);
    const body = JSON.stringify({ event_name: 'message.text.received' });
    client.socket.write(headers(SECRET, Buffer.byteLength(body)) + body);
    await vi.waitFor(() => expect(client.state.data).toMatch(/^HTTP\/1\.1 200 OK\r\n/), WAIT);
    expect(received).toEqual([{ event_name: 'message.text.received' }]);
  });

  it('cuts a client that stalls in its headers once the headers timeout has passed', async () => {
    const { port } = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const client = rawClient(port);
    client.socket.write(`POST ${PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
    await vi.waitFor(() => expect(client.state.closed).toBe(true), WAIT);
    expect(client.state.data).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
  });

  it('cuts a client that drips its body once the request timeout has passed', async () => {
    const { port, received } = await serve({ headersTimeoutMs: 300, requestTimeoutMs: 600 });
    const client = rawClient(port);
    client.socket.write(`${headers(SECRET, 100)}{`);
    await vi.waitFor(() => expect(client.state.closed).toBe(true), WAIT);
    expect(client.state.data).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\n/);
    expect(received).toEqual([]);
  });

  it('drops connections beyond the cap and keeps the ones it holds', async () => {
    const { port } = await serve({ maxConnections: 2 });
    const held = [rawClient(port), rawClient(port)];
    await Promise.all(held.map((c) => new Promise((resolve) => c.socket.once('connect', resolve))));
    const extra = rawClient(port);
    await vi.waitFor(() => expect(extra.state.closed).toBe(true), WAIT);
    expect(held.map((c) => c.state.closed)).toEqual([false, false]);
  });
});
