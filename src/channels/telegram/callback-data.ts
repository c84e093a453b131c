import { randomBytes } from 'node:crypto';

/** Telegram refuses callback_data longer than this many UTF-8 bytes. */
export const CALLBACK_DATA_LIMIT = 64;
const SHORT_PREFIX = '~';
const DEFAULT_CAPACITY = 10_000;

/** Maps a choice's data to Telegram callback_data and back. */
export type CallbackData = {
  /** The callback_data to put on a button: the data itself when it fits, else a short id remembered in memory. */
  encode(data: string): string;
  /** The choice data behind a pressed button's callback_data; undefined when a short id is no longer known. */
  decode(callbackData: string): string | undefined;
};

/**
 * Remembers choice data too long for a button (over 64 bytes) under short ids like `~Qx7a.1f`, keeping the latest
 * `capacity` entries. Data that fits and does not start with `~` travels as is, so it survives a restart. The ids
 * carry `tag`, random per process by default: a button made by another instance (or before a restart) is unknown
 * here and answered as expired, never read as this process's id of the same number.
 */
export function createCallbackData(
  capacity = DEFAULT_CAPACITY,
  tag = randomBytes(3).toString('base64url'),
): CallbackData {
  const byId = new Map<string, string>();
  const byData = new Map<string, string>();
  let next = 0;

  function remember(data: string): string {
    const known = byData.get(data);
    if (known !== undefined) return known;
    const id = `${SHORT_PREFIX}${tag}.${(next++).toString(36)}`;
    byId.set(id, data);
    byData.set(data, id);
    // Maps iterate in insertion order: the first key is the oldest.
    const oldest = byId.size > capacity ? byId.keys().next().value : undefined;
    if (oldest !== undefined) {
      byData.delete(byId.get(oldest)!);
      byId.delete(oldest);
    }
    return id;
  }

  return {
    encode: (data) => (fits(data) ? data : remember(data)),
    decode: (callbackData) => (callbackData.startsWith(SHORT_PREFIX) ? byId.get(callbackData) : callbackData),
  };
}

function fits(data: string): boolean {
  return data.length > 0 && !data.startsWith(SHORT_PREFIX) && Buffer.byteLength(data, 'utf8') <= CALLBACK_DATA_LIMIT;
}

const perBot = new WeakMap<object, CallbackData>();

/** The one callback-data memory of a bot, shared by its features and by sends outside an update (digests). */
export function callbackDataFor(bot: object): CallbackData {
  let memory = perBot.get(bot);
  if (memory === undefined) perBot.set(bot, (memory = createCallbackData()));
  return memory;
}
