import type { Api } from 'grammy';
import type { Update } from 'grammy/types';
import type { Log } from '../../chat/index.js';
import type { UpdateInbox } from '../../tasks/index.js';
import { createInboxGate } from '../inbox-gate.js';
import {
  ACCEPTED,
  createWebhookGate,
  headerValue,
  webhookAnswer,
  type WebhookHandler,
  type WebhookHeaders,
} from '../webhook-common.js';
import type { GrammySignal } from './create-bot.js';
import { ALLOWED_UPDATES } from './polling.js';

/** The header Telegram sends with the secret_token given to setWebhook. */
export const TELEGRAM_SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** What Telegram allows as a webhook secret_token. */
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;

export type TelegramWebhookOptions = {
  /** The bot (from createTelegramBot), already initialised (`await bot.init()` or `botInfo` given). */
  bot: { handleUpdate(update: Update): Promise<void> };
  /** The secret registered with setWebhook: 1 to 256 of A-Z a-z 0-9 _ -. */
  secretToken: string;
  log: Log;
  /** Larger bodies are refused with 413; default 1 MiB. */
  maxBodyBytes?: number;
  /** Updates being handled at once beyond which a new one gets 503 (Telegram sends it again later); default 1,000. */
  maxInFlight?: number;
  /**
   * The store's inbox (`store.inbox`): an update is kept before the 200 and done once handled, and what a
   * killed process held is handled at once; an update that cannot be kept gets 500 (Telegram sends it again later).
   */
  inbox?: UpdateInbox;
};

/** The Telegram webhook endpoint and a way to wait for the updates it accepted. */
export type TelegramWebhook = {
  handleRequest: WebhookHandler;
  /** Resolves once every accepted update has been handled (graceful stop). */
  settled(): Promise<void>;
  /**
   * Handles what another instance sharing the store kept before `receivedBefore` and never finished (it died, and may
   * not come back to replay it); the delivery log still answers each once.
   */
  takeLeftOver(receivedBefore: Date): Promise<void>;
};

const BUSY = webhookAnswer(503, { ok: false, description: 'Service Unavailable' });
const NOT_KEPT = webhookAnswer(500, { ok: false, description: 'Internal Server Error' });

/**
 * Builds the Telegram webhook endpoint, framework-free like the Zalo one. A request without the right
 * `X-Telegram-Bot-Api-Secret-Token` gets 401 and is never read; an oversize body 413; a body that is not JSON 400.
 * An update is acknowledged with 200 at once and handled in the background by `bot.handleUpdate` (per-chat order
 * and the error boundary come from the bot), so a slow or failing update never holds up the others. Valid JSON that
 * is not an update (no integer `update_id`) is acknowledged and dropped, so Telegram does not send it again. With an
 * `inbox`, the update is kept before the 200, so one whose handling died with the process is handled at the next start.
 */
export function createTelegramWebhook(options: TelegramWebhookOptions): TelegramWebhook {
  if (!SECRET_TOKEN.test(options.secretToken)) {
    throw new RangeError('Telegram: webhook secret token must be 1 to 256 of A-Z, a-z, 0-9, "_" and "-"');
  }
  const { log, bot } = options;
  const gate = createWebhookGate({
    header: TELEGRAM_SECRET_HEADER,
    secretToken: options.secretToken,
    maxBodyBytes: options.maxBodyBytes,
    onSecretRefused: (headers) =>
      log('warn', 'telegram: webhook call refused (secret token)', {
        channel: 'telegram',
        hasHeader: headerValue(headers, TELEGRAM_SECRET_HEADER) !== undefined,
      }),
  });
  const maxInFlight = options.maxInFlight ?? 1000;
  const inFlight = new Set<Promise<void>>();
  const inbox = createInboxGate<Update>({
    inbox: options.inbox,
    channel: 'telegram',
    idOf: (u) => String(u.update_id),
    log,
  });

  const handleInBackground = (update: Update) => {
    // Started after the HTTP answer is written: the handler returns before any middleware runs.
    const task: Promise<void> = Promise.resolve()
      .then(() => bot.handleUpdate(update))
      .catch((err: unknown) =>
        log('error', 'telegram: webhook update failed', { channel: 'telegram', updateId: update.update_id, err }),
      )
      .then(() => inbox.settle(update))
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
  };
  const replayed = inbox.replay().then((left) => left.forEach(handleInBackground));

  /** Keeps the update before it is acknowledged: what to handle (nothing when handled before), or undefined when it cannot be kept. */
  const admit = async (update: Update): Promise<Update[] | undefined> => {
    try {
      return await inbox.admit([update]);
    } catch (err) {
      log('error', 'telegram: webhook update could not be kept; Telegram will resend', {
        channel: 'telegram',
        updateId: update.update_id,
        err,
      });
      return undefined;
    }
  };

  const handle = async (headers: WebhookHeaders, rawBody: string | Buffer) => {
    const checked = gate(headers, rawBody);
    if (!checked.ok) {
      if (checked.reason !== 'secret')
        log('warn', 'telegram: webhook request refused', { channel: 'telegram', reason: checked.reason });
      return checked.response;
    }
    if (!isUpdate(checked.json)) {
      log('warn', 'telegram: webhook body is not an update; dropped', { channel: 'telegram' });
      return ACCEPTED;
    }
    if (inFlight.size >= maxInFlight) {
      log('warn', 'telegram: too many updates in flight; Telegram will resend', {
        channel: 'telegram',
        inFlight: inFlight.size,
      });
      return BUSY;
    }
    const admitted = await admit(checked.json);
    if (!admitted) return NOT_KEPT;
    for (const update of admitted) handleInBackground(update);
    return ACCEPTED;
  };
  const handleRequest: WebhookHandler = Object.assign(handle, { refuseHeaders: gate.refuseHeaders });

  return {
    handleRequest,
    async settled() {
      await replayed;
      while (inFlight.size > 0) await Promise.all(inFlight);
    },
    async takeLeftOver(receivedBefore) {
      (await inbox.replay(receivedBefore)).forEach(handleInBackground);
    },
  };
}

function isUpdate(json: unknown): json is Update {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return false;
  const id = (json as { update_id?: unknown }).update_id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0;
}

/**
 * Points Telegram at `url` with the secret it must send back. Pending updates are kept (they arrive at the new
 * address), so a restart loses nothing; called at every start since a generated secret changes each time.
 */
export async function registerTelegramWebhook(
  api: Pick<Api, 'setWebhook'>,
  url: string,
  secretToken: string,
  signal?: AbortSignal,
): Promise<void> {
  await api.setWebhook(
    url,
    { secret_token: secretToken, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false },
    signal as GrammySignal,
  );
}
