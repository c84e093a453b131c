/**
 * A port of `tasks/` with each method answering through a Promise: what the PostgreSQL repositories implement, the
 * network being in between. (The SQLite repositories answer at once; awaiting either works.)
 */
export type AsyncPort<P> = {
  [K in keyof P]: P[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<Awaited<R>> : P[K];
};
