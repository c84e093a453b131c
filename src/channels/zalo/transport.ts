import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import { z } from 'zod';
import { UNPACED, type Outbox } from '../outbox.js';
import { sleep, type Sleep } from '../sleep.js';
import { ZaloApiError, ZaloHttpError, scrubToken } from './errors.js';
import { zaloTarget } from './pace.js';

export type TransportOptions = {
  token: string;
  /** Default https://bot-api.zaloplatforms.com. */
  apiRoot?: string;
  /** Per-request timeout in milliseconds, added to a long poll's own wait; default 10,000. */
  timeoutMs?: number;
  /** How many times a call answered 429 is retried after the server's retry-after; default 3. */
  maxRetries?: number;
  /** Longest wait honoured for one retry-after, in seconds; default 60. */
  maxRetryAfterSeconds?: number;
  sleep?: Sleep;
  /** Paces sends and keeps each chat's order: give `createOutbox(ZALO_LIMITS)` in production. Default: calls go out at once. */
  outbox?: Outbox;
};

/** Performs one API method: `POST {apiRoot}/bot<token>/<method>` with a JSON body, `result` out, errors typed and token-free. */
export type Call = <T>(
  method: string,
  body: object,
  schema: z.ZodType<T>,
  extra?: { signal?: AbortSignal; waitMs?: number },
) => Promise<T>;

const envelopeSchema = z.object({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
  parameters: z.object({ retry_after: z.number().optional() }).optional(),
});

/** Builds the one function every client method goes through. */
export function createTransport(options: TransportOptions): Call {
  const { token, timeoutMs = 10_000, maxRetries = 3, maxRetryAfterSeconds = 60 } = options;
  const wait = options.sleep ?? sleep;
  const http = axios.create({
    baseURL: (options.apiRoot ?? 'https://bot-api.zaloplatforms.com').replace(/\/+$/, ''),
    headers: { 'content-type': 'application/json' },
    validateStatus: () => true,
  });
  const outbox = options.outbox ?? UNPACED;
  const attempt: Call = async (method, body, schema, extra = {}) => {
    const target = zaloTarget(method, body);
    for (let retries = 0; ; retries++) {
      await outbox.take(target, extra.signal);
      try {
        const response = await post(http, token, method, body, timeoutMs + (extra.waitMs ?? 0), extra.signal);
        return readResult(method, response, schema, token);
      } catch (err) {
        const retryable =
          err instanceof ZaloApiError && err.error_code === 429 && retries < maxRetries && !extra.signal?.aborted;
        if (!retryable) throw err;
        await wait(Math.min(err.retryAfter ?? 1, maxRetryAfterSeconds) * 1000, extra.signal);
      }
    }
  };
  // A chat's calls keep their order, retries included; every attempt above waits for its tokens.
  return (method, body, schema, extra) =>
    outbox.inOrder(zaloTarget(method, body), () => attempt(method, body, schema, extra));
}

async function post(
  http: AxiosInstance,
  token: string,
  method: string,
  body: object,
  timeout: number,
  signal?: AbortSignal,
) {
  try {
    return await http.post<unknown>(`/bot${token}/${method}`, body, { timeout, signal });
  } catch (err) {
    // An axios error carries the request URL, hence the token: never let it escape, only a scrubbed copy of its text.
    const reason = scrubToken(err instanceof Error ? err.message : String(err), token);
    const code = typeof (err as { code?: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
    throw new ZaloHttpError(
      method,
      code ? `${code}: ${reason}` : reason,
      Object.assign(new Error(reason), code ? { code } : {}),
    );
  }
}

function readResult<T>(method: string, response: AxiosResponse<unknown>, schema: z.ZodType<T>, token: string): T {
  const envelope = envelopeSchema.safeParse(response.data);
  if (!envelope.success) throw new ZaloApiError(method, response.status, `unexpected HTTP ${response.status} response`);
  const { ok, result, error_code, description, parameters } = envelope.data;
  if (!ok) {
    const retryAfter = parameters?.retry_after ?? retryAfterHeader(response.headers['retry-after']);
    const text = scrubToken(description ?? 'no description', token);
    throw new ZaloApiError(method, error_code ?? response.status, text, retryAfter);
  }
  const parsed = schema.safeParse(result);
  if (!parsed.success) throw new ZaloApiError(method, response.status, 'unexpected result shape');
  return parsed.data;
}

function retryAfterHeader(value: unknown): number | undefined {
  const seconds = typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
