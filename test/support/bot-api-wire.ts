import type { IncomingMessage, ServerResponse } from 'node:http';

/** The pieces of the Telegram Bot API's wire format every fake server needs (tests and the soak). */

/** A failure the Bot API answers a call with: 429 with retry_after, 5xx, or any status and description. */
export type InjectedFailure = { status: number; description?: string; retryAfter?: number };

/** The Bot API's error body: `{ ok: false, error_code, description, parameters: { retry_after } }`. */
export function failureBody(failure: InjectedFailure): object {
  const description =
    failure.description ??
    (failure.status === 429 ? `Too Many Requests: retry after ${failure.retryAfter ?? 1}` : 'Internal Server Error');
  return {
    ok: false,
    error_code: failure.status,
    description,
    ...(failure.retryAfter !== undefined ? { parameters: { retry_after: failure.retryAfter } } : {}),
  };
}

/** A text field of a multipart/form-data body (grammY sends files that way), or undefined. */
export function multipartField(body: string, name: string): string | undefined {
  return new RegExp(`name="${name}"\\r\\n(?:[^\\r\\n]+\\r\\n)*\\r\\n([^\\r]*)\\r\\n`).exec(body)?.[1];
}

/** The file name of a multipart upload; grammY writes `filename=<name>` unquoted, browsers quote it: both are read. */
export function multipartFileName(body: string): string {
  return /filename="?([^"\r\n;]*)/.exec(body)?.[1] ?? '';
}

/** Writes a JSON answer unless the response already ended (the client may have gone). */
export function sendJson(res: ServerResponse, status: number, body: object): void {
  if (!res.writableEnded) res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

/** The whole request body. */
export async function readRequestBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
