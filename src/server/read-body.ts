import type { IncomingMessage } from 'node:http';

/** The body as read, `too_large` once it passes the limit, or `aborted` when the client went away mid-body. */
export type BodyResult = { kind: 'body'; body: Buffer } | { kind: 'too_large' } | { kind: 'aborted' };

/**
 * Reads a request body up to `limit` bytes. A declared Content-Length over the limit is refused before any byte is
 * read; otherwise bytes are counted as they stream, and reading stops at the first byte over the limit (the rest is
 * never buffered: the caller answers 413 and closes the connection).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve({ kind: 'too_large' });
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: BodyResult) => {
      req.off('data', onData).off('end', onEnd).off('close', onClose);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ kind: 'too_large' });
      } else chunks.push(chunk);
    };
    const onEnd = () => finish({ kind: 'body', body: Buffer.concat(chunks, size) });
    // 'close' before 'end' means the client aborted; an 'error' is always followed by 'close'.
    const onClose = () => finish({ kind: 'aborted' });
    req.on('data', onData).on('end', onEnd).on('close', onClose);
    req.on('error', () => undefined);
  });
}
