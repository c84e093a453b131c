import { createHmac, timingSafeEqual } from 'node:crypto';

/** Why a Mini App's `initData` is refused. */
export type InitDataError = 'malformed' | 'bad_hash' | 'stale' | 'no_user';

export type InitDataResult = { ok: true; userId: string; authDate: Date } | { ok: false; error: InitDataError };

/** An `initData` older than this is refused (Telegram sets auth_date when the Mini App opens). */
export const INIT_DATA_MAX_AGE_MS = 60 * 60 * 1000;

/**
 * Checks a Telegram Mini App's `initData` as Telegram documents it: the data-check-string is every field but `hash`,
 * as `key=value` sorted by key and joined by "\n"; the secret key is HMAC-SHA256 of the bot token keyed with
 * "WebAppData"; `hash` must be the hex HMAC-SHA256 of the data-check-string with that key. `auth_date` older than
 * `maxAgeMs` (or in the future by more than a minute) is stale. Gives the Telegram user id.
 */
export function validateInitData(
  initData: string,
  botToken: string,
  now: Date,
  maxAgeMs: number = INIT_DATA_MAX_AGE_MS,
): InitDataResult {
  const params = new URLSearchParams(initData);
  const hash = params.get('hash');
  const keys = [...params.keys()];
  if (!hash || !/^[0-9a-f]{64}$/.test(hash) || new Set(keys).size !== keys.length) return refuse('malformed');
  const check = [...params.entries()]
    .filter(([k]) => k !== 'hash')
    .map(([k, v]) => `${k}=${v}`)
    .sort()
    .join('\n');
  const secret = createHmac('sha256', 'WebAppData').update(botToken).digest();
  const expected = createHmac('sha256', secret).update(check).digest();
  if (!timingSafeEqual(expected, Buffer.from(hash, 'hex'))) return refuse('bad_hash');
  const authDate = new Date(Number(params.get('auth_date')) * 1000);
  const age = now.getTime() - authDate.getTime();
  if (Number.isNaN(age) || age > maxAgeMs || age < -60_000) return refuse('stale');
  const id = userIdOf(params.get('user'));
  return id ? { ok: true, userId: id, authDate } : refuse('no_user');
}

const refuse = (error: InitDataError): InitDataResult => ({ ok: false, error });

function userIdOf(json: string | null): string | undefined {
  try {
    const id: unknown = (JSON.parse(json ?? 'null') as { id?: unknown } | null)?.id;
    return typeof id === 'number' && Number.isSafeInteger(id) ? String(id) : undefined;
  } catch {
    return undefined;
  }
}
