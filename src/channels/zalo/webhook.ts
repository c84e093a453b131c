import { createHash, timingSafeEqual } from 'node:crypto';
import type { ZaloLog } from './client.js';
import type { ParsedUpdate } from './schema.js';

/** The header Zalo sends with the secret_token given to setWebhook. */
export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';

/** Request headers as node:http gives them (any case is accepted). */
export type WebhookHeaders = Record<string, string | string[] | undefined>;
/** What to answer the HTTP request with. */
export type WebhookResponse = { status: number; body: string };
/** A framework-free webhook endpoint: headers and raw body in, status and body out, synchronously. */
export type ZaloWebhookHandler = (headers: WebhookHeaders, rawBody: string | Buffer) => WebhookResponse;

export type ZaloWebhookOptions = {
  /** The secret registered with setWebHook; 8 to 256 characters. */
  secretToken: string;
  /** Validates and hands over one raw update without waiting for its answer (the client's processUpdate). */
  processUpdate: (raw: unknown) => ParsedUpdate;
  log: ZaloLog;
  /** Larger bodies are refused with 413; default 1 MiB. */
  maxBodyBytes?: number;
};

const answer = (status: number, body: object): WebhookResponse => ({ status, body: JSON.stringify(body) });

/**
 * Builds the Zalo webhook endpoint. A request without the right `X-Bot-Api-Secret-Token` gets 401 and is never read;
 * an oversize body 413; a body that is not JSON 400. Anything else is acknowledged at once with 200 (a malformed or
 * ignored update too, so Zalo does not resend it): the answer is composed and sent after the response.
 */
export function createZaloWebhookHandler(options: ZaloWebhookOptions): ZaloWebhookHandler {
  if (options.secretToken.length < 8 || options.secretToken.length > 256) {
    throw new RangeError('Zalo: webhook secret token must be 8 to 256 characters');
  }
  const expected = digest(options.secretToken);
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  return (headers, rawBody) => {
    const given = headerValue(headers, ZALO_SECRET_HEADER);
    if (given === undefined || !timingSafeEqual(digest(given), expected)) {
      options.log('warn', 'zalo: webhook call refused (secret token)', { hasHeader: given !== undefined });
      return answer(401, { ok: false, description: 'Unauthorized' });
    }
    if (Buffer.byteLength(rawBody) > maxBodyBytes) return answer(413, { ok: false, description: 'Payload Too Large' });
    let raw: unknown;
    try {
      raw = JSON.parse(rawBody.toString());
    } catch {
      options.log('warn', 'zalo: webhook body is not JSON');
      return answer(400, { ok: false, description: 'Bad Request' });
    }
    try {
      options.processUpdate(raw);
    } catch (err) {
      options.log('error', 'zalo: webhook update could not be dispatched', { err });
    }
    return answer(200, { ok: true });
  };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

function headerValue(headers: WebhookHeaders, name: string): string | undefined {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return Array.isArray(value) ? value[0] : value;
  }
  return undefined;
}
