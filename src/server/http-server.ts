import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_MAX_BODY_BYTES, type Log, type WebhookHandler } from '../channels/index.js';
import type { StoredFile } from './file-store.js';
import { readBody } from './read-body.js';

/** A request for the pages (the dashboard), as the server hands it on: the body read only for POST. */
export type PageRequest = {
  method: string;
  /** The path as sent, without the query ("/dashboard/plans/hue"). */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  /** A POST's body (at most `maxBodyBytes`); null for other methods. */
  body: Buffer | null;
};

/** What a page answers: status, body and headers (content-type, cookies, security headers...). */
export type PageAnswer = { status: number; body: string | Buffer; headers?: Record<string, string | string[]> };

/** Answers the paths that are not a webhook, /healthz or /files/; undefined: not found (404). */
export type PageHandler = (req: PageRequest) => Promise<PageAnswer | undefined> | PageAnswer | undefined;

export type HttpServerOptions = {
  /** The port to listen on; 0 takes any free port (see `HttpServer.port`). */
  port: number;
  /** The interface to listen on; default all of them (127.0.0.1 in tests). */
  host?: string;
  /** Request bodies over this many bytes get 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** POST endpoints by exact path, e.g. `{ '/telegram/<segment>': handler, '/zalo/<segment>': handler }`. */
  webhooks?: Record<string, WebhookHandler>;
  /** Answers GET /healthz; without it the path is unknown (404). */
  health?: () => Promise<{ status: number; body: object }>;
  /** Serves GET /files/<name>, from memory or a database; without it the path is unknown (404). */
  files?: { get(name: string): Promise<StoredFile | undefined> | StoredFile | undefined };
  /** Answers every other path (the dashboard); without it they are unknown (404). */
  pages?: PageHandler;
  /** Where the server reports failures; default silent. */
  log?: Log;
  /** Connections open at once beyond which new ones are dropped; default 256. */
  maxConnections?: number;
  /** A request whose headers and body have not all arrived by then is cut (408); default 30 s. */
  requestTimeoutMs?: number;
  /** A request whose headers have not all arrived by then is cut (408); default 10 s. */
  headersTimeoutMs?: number;
};

/** A listening server. */
export type HttpServer = {
  /** The port actually listened on (the one chosen when 0 was asked). */
  port: number;
  /** Stops accepting connections, lets the requests in flight finish, closes every connection and resolves. */
  close(): Promise<void>;
};

/** A request taking longer than this (a client sending its body byte by byte) is cut. */
const REQUEST_TIMEOUT_MS = 30_000;
/** Headers are a few hundred bytes: a client still sending them after this is cut. */
const HEADERS_TIMEOUT_MS = 10_000;
/**
 * How often node:http looks for requests past their timeout; its default (30 s) let a dripped body live ~67 s and
 * dripped headers ~53 s instead of the timeouts above.
 */
const TIMEOUT_CHECK_MS = 250;
const MAX_CONNECTIONS = 256;
const FILES = '/files/';

type Answer = PageAnswer;
/** A JSON answer; `body` is serialised unless it is already JSON text. */
const json = (status: number, body: object | string, headers: Record<string, string> = {}): Answer => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
});
const NOT_FOUND = json(404, { ok: false, description: 'Not Found' });
const TOO_LARGE = json(413, { ok: false, description: 'Payload Too Large' }, { connection: 'close' });
const STOPPING = json(503, { ok: false, description: 'Service Unavailable' }, { connection: 'close' });
const notAllowed = (allow: string) => json(405, { ok: false, description: 'Method Not Allowed' }, { allow });

/**
 * Starts the webhook-mode HTTP server on node:http: POST webhooks, GET /healthz, GET /files/<name>. Wrong method
 * 405, unknown path 404, body over the limit 413 (told by Content-Length or counted while streaming; the rest is
 * never read), a webhook whose headers it refuses (no or wrong secret) answered before the body is read. A client
 * that goes away mid-request is forgotten; a handler that throws gets 500 and a log line. Connections are capped, and
 * a request is cut when its headers or the whole of it take longer than the timeouts.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const log = options.log ?? (() => undefined);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  const route = createRouter(options);
  const requestTimeout = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const server = createServer(
    {
      requestTimeout,
      headersTimeout: Math.min(options.headersTimeoutMs ?? HEADERS_TIMEOUT_MS, requestTimeout),
      connectionsCheckingInterval: TIMEOUT_CHECK_MS,
    },
    (req, res) => {
      const finished: Promise<void> = once(res, 'close').then(() => void inFlight.delete(finished));
      inFlight.add(finished);
      req.on('error', () => undefined);
      const answered = stopping ? Promise.resolve(STOPPING) : route(req);
      answered.then(
        (answer) => answer && write(res, answer, stopping),
        (err: unknown) => {
          log('error', 'http: a request failed', { err });
          write(res, json(500, { ok: false, description: 'Internal Server Error' }), stopping);
        },
      );
    },
  );
  server.maxConnections = options.maxConnections ?? MAX_CONNECTIONS;
  server.listen(options.port, options.host);
  await once(server, 'listening');
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      stopping = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      while (inFlight.size > 0) await Promise.all(inFlight);
      server.closeAllConnections();
      await closed;
    },
  };
}

/** Maps a request to its answer; undefined when the client went away before there was anything to answer. */
function createRouter(options: HttpServerOptions): (req: IncomingMessage) => Promise<Answer | undefined> {
  const webhooks = new Map(Object.entries(options.webhooks ?? {}));
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  return async (req) => {
    // The path is compared as sent: no decoding, so no two spellings reach one handler.
    const path = (req.url ?? '/').split('?')[0]!;
    const webhook = webhooks.get(path);
    if (webhook) {
      if (req.method !== 'POST') return notAllowed('POST');
      // A wrong secret is answered from the headers: not a byte of its body is read.
      const refused = webhook.refuseHeaders?.(req.headers);
      if (refused) return json(refused.status, refused.body, { connection: 'close' });
      const read = await readBody(req, maxBodyBytes);
      if (read.kind === 'aborted') return undefined;
      if (read.kind === 'too_large') return TOO_LARGE;
      const { status, body } = await webhook(req.headers, read.body);
      return json(status, body);
    }
    const readOnly = req.method === 'GET' || req.method === 'HEAD';
    if (path === '/healthz' && options.health) {
      if (!readOnly) return notAllowed('GET, HEAD');
      const { status, body } = await options.health();
      return json(status, body);
    }
    if (path.startsWith(FILES) && options.files) {
      if (!readOnly) return notAllowed('GET, HEAD');
      return fileAnswer(await options.files.get(path.slice(FILES.length)));
    }
    return options.pages ? pageAnswer(options.pages, req, path, maxBodyBytes) : NOT_FOUND;
  };
}

async function pageAnswer(
  pages: PageHandler,
  req: IncomingMessage,
  path: string,
  maxBodyBytes: number,
): Promise<Answer | undefined> {
  const method = req.method ?? 'GET';
  let body: Buffer | null = null;
  if (method === 'POST') {
    const read = await readBody(req, maxBodyBytes);
    if (read.kind === 'aborted') return undefined;
    if (read.kind === 'too_large') return TOO_LARGE;
    body = read.body;
  }
  const query = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
  return (await pages({ method, path, query, headers: req.headers, body })) ?? NOT_FOUND;
}

function fileAnswer(file: StoredFile | undefined): Answer {
  if (file === undefined) return NOT_FOUND;
  return {
    status: 200,
    body: file.content,
    headers: {
      'content-type': file.mimeType,
      'cache-control': 'private, max-age=3600',
      'x-content-type-options': 'nosniff',
    },
  };
}

function write(res: ServerResponse, answer: Answer, stopping: boolean): void {
  if (res.headersSent || res.destroyed) return;
  const headers = {
    ...answer.headers,
    'content-length': String(Buffer.byteLength(answer.body)),
    ...(stopping ? { connection: 'close' } : {}),
  };
  res.writeHead(answer.status, headers).end(answer.body);
}
