/** An expected outcome as a value: `{ ok: true, value }` or `{ ok: false, error }` (like zod's safeParse). */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
export const fail = <E>(error: E): { ok: false; error: E } => ({ ok: false, error });
