import { createHash, timingSafeEqual } from 'node:crypto';

/** Request headers as node:http gives them (any case is accepted). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;
/** What to answer the HTTP request with. */
export type WebhookResponse = { status: number; body: string };
/**
 * A framework-free webhook endpoint: headers and raw body in, status and body out, synchronously. `refuseHeaders`,
 * when given, is asked first by the server with the headers alone: an answer there (no or wrong secret) is sent
 * without reading a byte of the body.
 */
export type WebhookHandler = {
  (headers: WebhookHeaders, rawBody: string | Buffer): WebhookResponse | Promise<WebhookResponse>;
  refuseHeaders?: (headers: WebhookHeaders) => WebhookResponse | undefined;
};

/** The body size a webhook accepts unless told otherwise: 1 MiB. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/** A JSON answer in the Bot APIs' `{ ok, description }` shape. */
export const webhookAnswer = (status: number, body: object): WebhookResponse => ({
  status,
  body: JSON.stringify(body),
});

export const ACCEPTED = webhookAnswer(200, { ok: true });
const REFUSED = {
  secret: webhookAnswer(401, { ok: false, description: 'Unauthorized' }),
  size: webhookAnswer(413, { ok: false, description: 'Payload Too Large' }),
  json: webhookAnswer(400, { ok: false, description: 'Bad Request' }),
} as const;

/** Why a request was refused before its update was looked at. */
export type RefusalReason = keyof typeof REFUSED;

/** A request that passed the gate (its parsed JSON), or the answer refusing it and why. */
export type GateResult = { ok: true; json: unknown } | { ok: false; reason: RefusalReason; response: WebhookResponse };

export type WebhookGateOptions = {
  /** The lower-case header the platform sends the registered secret in. */
  header: string;
  secretToken: string;
  /** Larger bodies are refused with 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** Told of each request refused for its secret (to log it); default nothing. */
  onSecretRefused?: (headers: WebhookHeaders) => void;
};

/** The gate: the checks on a whole request, and `refuseHeaders`, the secret check alone (for `WebhookHandler`). */
export type WebhookGate = {
  (headers: WebhookHeaders, rawBody: string | Buffer): GateResult;
  refuseHeaders: (headers: WebhookHeaders) => WebhookResponse | undefined;
};

/**
 * The checks every webhook makes, in order: the secret header (compared in constant time; 401, the body is never
 * parsed), the body size (413), the body being JSON (400).
 */
export function createWebhookGate(options: WebhookGateOptions): WebhookGate {
  const expected = digest(options.secretToken);
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const refuse = (reason: RefusalReason): GateResult => ({ ok: false, reason, response: REFUSED[reason] });
  const refuseHeaders = (headers: WebhookHeaders): WebhookResponse | undefined => {
    const given = headerValue(headers, options.header);
    // Hashing both sides gives equal lengths, so timingSafeEqual never leaks the secret's length either.
    if (given !== undefined && timingSafeEqual(digest(given), expected)) return undefined;
    options.onSecretRefused?.(headers);
    return REFUSED.secret;
  };
  const gate = (headers: WebhookHeaders, rawBody: string | Buffer): GateResult => {
    if (refuseHeaders(headers)) return refuse('secret');
    if (Buffer.byteLength(rawBody) > maxBodyBytes) return refuse('size');
    try {
      return { ok: true, json: JSON.parse(rawBody.toString()) };
    } catch {
      return refuse('json');
    }
  };
  return Object.assign(gate, { refuseHeaders });
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** The first value of a header, looked up whatever its case. */
export function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
