import { request, type ClientRequest, type IncomingHttpHeaders } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import type { WebhookHandler } from '../../src/channels/index.js';
import {
  createFileStore,
  createHealthCheck,
  startHttpServer,
  type HttpServer,
  type HttpServerOptions,
} from '../../src/server/index.js';

type Answer = { status: number; headers: IncomingHttpHeaders; body: string };

/** A request over real HTTP whose body the test writes (or not) itself. */
function open(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number> = {},
): { req: ClientRequest; answer: Promise<Answer> } {
  const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false });
  const answer = new Promise<Answer>((resolve, reject) => {
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString() }),
      );
    });
    req.on('error', reject);
  });
  return { req, answer };
}

function send(
  port: number,
  method: string,
  path: string,
  body?: string,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const { req, answer } = open(port, method, path, headers);
  req.end(body);
  return answer;
}

let server: HttpServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serve(options: Partial<HttpServerOptions> = {}) {
  const seen: Array<{ headers: Record<string, unknown>; body: string }> = [];
  const echo: WebhookHandler = (headers, body) => (
    seen.push({ headers, body: body.toString() }),
    { status: 200, body: '{"ok":true}' }
  );
  const logs: string[] = [];
  server = await startHttpServer({
    port: 0,
    host: '127.0.0.1',
    webhooks: { '/telegram/s3cr3t': echo },
    log: (level, msg) => void logs.push(`${level}: ${msg}`),
    ...options,
  });
  return { port: server.port, seen, logs };
}

describe('startHttpServer', () => {
  it('listens on the port it was given 0 for, and hands a webhook POST its headers and raw body', async () => {
    const { port, seen } = await serve();
    expect(port).toBeGreaterThan(0);
    const answer = await send(port, 'POST', '/telegram/s3cr3t', '{"update_id":1}', {
      'x-telegram-bot-api-secret-token': 'abc',
    });
    expect([answer.status, answer.body, answer.headers['content-type']]).toEqual([
      200,
      '{"ok":true}',
      'application/json; charset=utf-8',
    ]);
    expect(seen).toEqual([
      { headers: expect.objectContaining({ 'x-telegram-bot-api-secret-token': 'abc' }), body: '{"update_id":1}' },
    ]);
  });

  it.each([
    ['an unknown path', 'POST', '/telegram/guess', 404],
    ['a webhook path with a trailing slash', 'POST', '/telegram/s3cr3t/', 404],
    ['a path spelled differently', 'POST', '/telegram/s3cr%33t', 404],
    ['GET on a webhook', 'GET', '/telegram/s3cr3t', 405],
    ['/healthz without a health check', 'GET', '/healthz', 404],
  ])('answers %s with %i and never calls the handler', async (_name, method, path, status) => {
    const { port, seen } = await serve();
    const answer = await send(port, method, path);
    expect(answer.status).toBe(status);
    if (status === 405) expect(answer.headers.allow).toBe('POST');
    expect(seen).toEqual([]);
  });

  it('refuses a body whose Content-Length is over the limit with 413 before reading any of it', async () => {
    const { port, seen } = await serve({ maxBodyBytes: 1000 });
    // The body is never written: the answer can only come from the declared length.
    const { req, answer } = open(port, 'POST', '/telegram/s3cr3t', { 'content-length': 1001 });
    req.flushHeaders();
    const refused = await answer;
    req.destroy();
    expect([refused.status, refused.body, refused.headers.connection]).toEqual([
      413,
      '{"ok":false,"description":"Payload Too Large"}',
      'close',
    ]);
    expect(seen).toEqual([]);
  });

  it('refuses a streamed body with 413 as soon as it passes the limit, without waiting for its end', async () => {
    const { port, seen } = await serve({ maxBodyBytes: 1000 });
    const { req, answer } = open(port, 'POST', '/telegram/s3cr3t', { 'transfer-encoding': 'chunked' });
    req.write('x'.repeat(600));
    req.write('x'.repeat(600));
    // The request is never ended.
    expect((await answer).status).toBe(413);
    req.destroy();
    expect(seen).toEqual([]);
  });

  it('accepts a body of exactly the limit', async () => {
    const { port, seen } = await serve({ maxBodyBytes: 10 });
    expect((await send(port, 'POST', '/telegram/s3cr3t', '0123456789')).status).toBe(200);
    expect(seen).toHaveLength(1);
  });

  it('keeps serving after a client aborts in the middle of its body', async () => {
    const { port, seen } = await serve();
    const { req, answer } = open(port, 'POST', '/telegram/s3cr3t', { 'content-length': 100 });
    answer.catch(() => undefined);
    req.write('{"update_id":');
    req.destroy();
    expect((await send(port, 'POST', '/telegram/s3cr3t', '{"update_id":2}')).status).toBe(200);
    expect(seen.map((s) => s.body)).toEqual(['{"update_id":2}']);
  });

  it('answers 500 and logs when a handler throws', async () => {
    const { port, logs } = await serve({
      webhooks: {
        '/zalo/x': () => {
          throw new Error('boom');
        },
      },
    });
    expect((await send(port, 'POST', '/zalo/x', '{}')).status).toBe(500);
    expect(logs).toEqual(['error: http: a request failed']);
  });

  it('closes only once the request in flight is answered, taking no new connection meanwhile', async () => {
    const { port, seen } = await serve();
    const events: string[] = [];
    const { req, answer } = open(port, 'POST', '/telegram/s3cr3t', { 'content-length': 15 });
    await new Promise((resolve) => req.write('{"update_id"', resolve));
    // Once a later connection is answered, the server has read the earlier bytes: the request is in flight.
    expect((await send(port, 'GET', '/nothing')).status).toBe(404);
    const closing = server!.close().then(() => events.push('closed'));
    await expect(send(port, 'GET', '/healthz')).rejects.toThrow(/ECONNREFUSED/);
    events.push('body ended');
    req.end(':3}');
    expect((await answer).status).toBe(200);
    await closing;
    server = undefined;
    expect(events).toEqual(['body ended', 'closed']);
    expect(seen.map((s) => s.body)).toEqual(['{"update_id":3}']);
  });
});

describe('GET /healthz', () => {
  it('answers 200 with the database and channel states while the database answers', async () => {
    let now = 0;
    const health = createHealthCheck({
      database: async () => undefined,
      channels: () => ({ telegram: 'webhook', zalo: 'off' }),
      now: () => now,
    });
    const { port } = await serve({ health });
    now = 61_500;
    const answer = await send(port, 'GET', '/healthz');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([
      200,
      { status: 'ok', database: 'ok', channels: { telegram: 'webhook', zalo: 'off' }, uptimeSeconds: 61 },
    ]);
    expect(answer.headers['cache-control']).toBe('no-store');
    expect((await send(port, 'HEAD', '/healthz')).status).toBe(200);
    expect((await send(port, 'POST', '/healthz')).status).toBe(405);
  });

  it("shows the database's figures beside its state (a PostgreSQL pool's saturation)", async () => {
    const pool = { size: 10, max: 10, idle: 0, waiting: 3, saturated: true };
    const health = createHealthCheck({ database: async () => pool, channels: () => ({ telegram: 'webhook' }) });
    const { port } = await serve({ health });
    const answer = await send(port, 'GET', '/healthz');
    expect([answer.status, JSON.parse(answer.body)]).toMatchObject([200, { status: 'ok', database: 'ok', pool }]);
  });

  it('answers 503 when the database fails, without the error text', async () => {
    const health = createHealthCheck({
      database: async () => {
        throw new Error('SQLITE_CANTOPEN: /srv/secret/path/troly.db');
      },
      channels: () => ({ telegram: 'webhook' }),
    });
    const { port } = await serve({ health });
    const answer = await send(port, 'GET', '/healthz');
    expect([answer.status, JSON.parse(answer.body)]).toEqual([
      503,
      { status: 'unavailable', database: 'error', channels: { telegram: 'webhook' }, uptimeSeconds: 0 },
    ]);
    expect(answer.body).not.toContain('secret');
  });
});

describe('GET /files/<name>', () => {
  it('serves a published file with its type until it expires, then 404', async () => {
    let now = 0;
    const files = createFileStore({ publicUrl: 'https://bot.example.org', now: () => now, ttlMs: 60_000 });
    const { port } = await serve({ files });
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const path = new URL(files.publish(png, 'image/png')).pathname;
    const served = await fetch(`http://127.0.0.1:${port}${path}`);
    expect([served.status, served.headers.get('content-type'), Buffer.from(await served.arrayBuffer())]).toEqual([
      200,
      'image/png',
      png,
    ]);
    expect((await send(port, 'POST', path)).status).toBe(405);
    expect((await send(port, 'GET', '/files/AAAA.png')).status).toBe(404);
    now = 60_000;
    expect((await send(port, 'GET', path)).status).toBe(404);
  });
});
