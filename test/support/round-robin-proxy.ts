import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readRequestBody, sendJson } from './bot-api-wire.js';

/** One request the proxy passed on: the backend (its index) that answered, and the status it answered with. */
export type ProxiedRequest = { path: string; backend: number; status: number };

/** A load balancer on 127.0.0.1 in front of several instances of the assistant. */
export type RoundRobinProxy = {
  /** The base URL to give as PUBLIC_URL: the address the platforms post to. */
  url: string;
  /** Every request answered, in the order the answers came. */
  answered: ProxiedRequest[];
  stop(): Promise<void>;
};

/** The header of each answer naming the backend (its index) that gave it. */
export const BACKEND_HEADER = 'x-proxy-backend';

/** Headers passed on to the backend: what a webhook reads (the rest is the hop's own business). */
const FORWARDED_HEADERS = ['content-type', 'x-telegram-bot-api-secret-token', 'x-bot-api-secret-token'];

/**
 * Passes each request to the backends (`http://127.0.0.1:<port>` bases) in turn, as a round-robin balancer does.
 * A backend that cannot be reached, or drops the connection before answering (a killed process), is passed over for
 * the next one, as the balancer's retry or the platform's own retry would; 502 when none answers. Each answer names
 * its backend in `x-proxy-backend`.
 */
export async function startRoundRobinProxy(backends: string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const answered: ProxiedRequest[] = [];

  async function forward(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = await readRequestBody(req);
    const headers = Object.fromEntries(
      FORWARDED_HEADERS.flatMap((name) => (typeof req.headers[name] === 'string' ? [[name, req.headers[name]]] : [])),
    );
    const first = next;
    next = (next + 1) % backends.length;
    for (let i = 0; i < backends.length; i++) {
      const backend = (first + i) % backends.length;
      let answer: Response;
      try {
        answer = await fetch(`${backends[backend]}${req.url ?? '/'}`, {
          method: req.method,
          headers,
          ...(req.method === 'GET' || req.method === 'HEAD' ? {} : { body }),
        });
      } catch {
        continue;
      }
      const text = await answer.text().catch(() => undefined);
      if (text === undefined) continue;
      answered.push({ path: req.url ?? '/', backend, status: answer.status });
      res
        .writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'text/plain',
          [BACKEND_HEADER]: String(backend),
        })
        .end(text);
      return;
    }
    sendJson(res, 502, { ok: false, description: 'Bad Gateway: no backend answered' });
  }

  const server = createServer((req, res) => {
    forward(req, res).catch((err: unknown) => sendJson(res, 502, { ok: false, description: String(err) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    answered,
    stop: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
