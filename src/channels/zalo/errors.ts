/** The Zalo Bot API answered a call with `ok: false` (or a non-JSON error status). Carries no token. */
export class ZaloApiError extends Error {
  override readonly name = 'ZaloApiError';
  constructor(
    /** The API method called, e.g. "sendMessage". */
    readonly method: string,
    /** The API's `error_code` (HTTP status when the body carried none). */
    readonly error_code: number,
    readonly description: string,
    /** Seconds the API asked to wait before retrying (429), when it said so. */
    readonly retryAfter?: number,
  ) {
    super(`Zalo: call to '${method}' failed (${error_code}: ${description})`);
  }
}

/** The call never got an API answer: network failure, timeout, abort. `cause` is a token-free copy of the transport error. */
export class ZaloHttpError extends Error {
  override readonly name = 'ZaloHttpError';
  constructor(
    readonly method: string,
    reason: string,
    cause: Error,
  ) {
    super(`Zalo: network error calling '${method}' (${reason})`, { cause });
  }
}

/** Removes every occurrence of the token from a text that may embed a request URL. */
export function scrubToken(text: string, token: string): string {
  return token.length > 0 ? text.split(token).join('[redacted]') : text;
}
