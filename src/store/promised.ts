/**
 * The ports of `tasks/` answer through Promises (PostgreSQL has the network in between); better-sqlite3 answers at
 * once. A SQLite repository is written synchronously (its transactions stay synchronous, so nothing interleaves inside
 * one) and handed out through {@link promised}.
 */

/** A port with each method answering at once instead of through a Promise. */
export type Immediate<P> = {
  [K in keyof P]: P[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => R : P[K];
};

/** `port` with each method's answer (or throw) delivered as a settled Promise. */
export function promised<P>(port: Immediate<P>): P {
  const wrapped: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(port as Record<string, unknown>)) {
    wrapped[name] =
      typeof value === 'function'
        ? (...args: unknown[]) => {
            try {
              return Promise.resolve(value(...args));
            } catch (err) {
              return Promise.reject(err);
            }
          }
        : value;
  }
  return wrapped as P;
}
