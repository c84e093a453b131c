/** Work started one piece per turn of the event loop; see {@link createTurns}. */
export type Turns = {
  /** Resolves in a turn of the event loop of its own, after the calls made before it. */
  next(): Promise<void>;
  /** Resolves once no call of `next` is waiting (at once when none is). */
  drained(): Promise<void>;
};

/**
 * Spaces work out, one piece per turn of the event loop, in order. A polled batch of 100 updates would otherwise be
 * computed in one go (the SQLite store answers at once, so nothing yields), and the responses to the replies already
 * sent wait behind the whole batch, and with them the finish of their delivery claims: a kill in between makes such a
 * message answered twice after the restart. With one start per turn, the I/O that is ready is taken between two
 * messages. `drained` lets the poller fetch the next batch once the last one has started, as before, instead of a
 * poll (and an inbox commit waiting for the disk) for every update or two.
 */
export function createTurns(): Turns {
  const waiting: (() => void)[] = [];
  let idle: (() => void)[] = [];
  let scheduled = false;
  // Each call lets one piece go; its work runs before the next call, which comes at the next turn, after the loop
  // has taken the ready I/O (a setImmediate queued while the immediates run waits for the next turn).
  const release = () => {
    waiting.shift()?.();
    scheduled = waiting.length > 0;
    if (scheduled) setImmediate(release);
    else {
      const resolve = idle;
      idle = [];
      for (const r of resolve) r();
    }
  };
  return {
    next: () =>
      new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (!scheduled) {
          scheduled = true;
          setImmediate(release);
        }
      }),
    drained: () => (waiting.length === 0 ? Promise.resolve() : new Promise<void>((resolve) => idle.push(resolve))),
  };
}
