/** Waits `ms` milliseconds (injected so tests never wait on the clock). */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** The default Sleep: a timer that an abort signal cuts short. */
export const sleep: Sleep = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
