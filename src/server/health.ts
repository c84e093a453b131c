/** What /healthz reports on. */
export type HealthProbe = {
  /** Throws (or returns false) when the database cannot be used, e.g. `() => db.prepare('select 1').get()`. */
  database: () => unknown;
  /** Each channel's state: 'webhook', 'off', 'failed'... */
  channels: () => Record<string, string>;
  /** Clock in milliseconds; default Date.now. */
  now?: () => number;
};

/** The health answer: 200 while the database answers, 503 otherwise; never an error's text (it may hold a path or a token). */
export function createHealthCheck(probe: HealthProbe): () => { status: number; body: object } {
  const now = probe.now ?? Date.now;
  const startedAt = now();
  return () => {
    const database = databaseState(probe.database);
    return {
      status: database === 'ok' ? 200 : 503,
      body: {
        status: database === 'ok' ? 'ok' : 'unavailable',
        database,
        channels: probe.channels(),
        uptimeSeconds: Math.floor((now() - startedAt) / 1000),
      },
    };
  };
}

function databaseState(check: () => unknown): 'ok' | 'error' {
  try {
    return check() === false ? 'error' : 'ok';
  } catch {
    return 'error';
  }
}
