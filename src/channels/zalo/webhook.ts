import type { Log } from '../../chat/index.js';
import {
  createWebhookGate,
  headerValue,
  ACCEPTED,
  type WebhookHandler,
  type WebhookHeaders,
} from '../webhook-common.js';
import type { ParsedUpdate } from './schema.js';

export type { WebhookHeaders, WebhookResponse } from '../webhook-common.js';

/** The header Zalo sends with the secret_token given to setWebhook. */
export const ZALO_SECRET_HEADER = 'x-bot-api-secret-token';

/** A framework-free webhook endpoint: headers and raw body in, status and body out. */
export type ZaloWebhookHandler = WebhookHandler;

export type ZaloWebhookOptions = {
  /** The secret registered with setWebHook; 8 to 256 characters. */
  secretToken: string;
  /** Validates and hands over one raw update without waiting for its answer (resolves once it is kept). */
  processUpdate: (raw: unknown) => ParsedUpdate | Promise<ParsedUpdate>;
  log: Log;
  /** Larger bodies are refused with 413; default 1 MiB. */
  maxBodyBytes?: number;
};

/**
 * Builds the Zalo webhook endpoint. A request without the right `X-Bot-Api-Secret-Token` gets 401 and is never read (`refuseHeaders`);
 * an oversize body 413; a body that is not JSON 400. Anything else is acknowledged at once with 200 (a malformed or
 * ignored update too, so Zalo does not resend it): the answer is composed and sent after the response.
 */
export function createZaloWebhookHandler(options: ZaloWebhookOptions): ZaloWebhookHandler {
  if (options.secretToken.length < 8 || options.secretToken.length > 256) {
    throw new RangeError('Zalo: webhook secret token must be 8 to 256 characters');
  }
  const gate = createWebhookGate({
    header: ZALO_SECRET_HEADER,
    secretToken: options.secretToken,
    maxBodyBytes: options.maxBodyBytes,
    onSecretRefused: (headers) =>
      options.log('warn', 'zalo: webhook call refused (secret token)', {
        hasHeader: headerValue(headers, ZALO_SECRET_HEADER) !== undefined,
      }),
  });
  const handle = async (headers: WebhookHeaders, rawBody: string | Buffer) => {
    const checked = gate(headers, rawBody);
    if (!checked.ok) {
      if (checked.reason === 'json') options.log('warn', 'zalo: webhook body is not JSON');
      return checked.response;
    }
    try {
      await options.processUpdate(checked.json);
    } catch (err) {
      options.log('error', 'zalo: webhook update could not be dispatched', { err });
    }
    return ACCEPTED;
  };
  return Object.assign(handle, { refuseHeaders: gate.refuseHeaders });
}
