/** What /healthz reports on. */
export type HealthProbe = {
  /**
   * Rejects (or resolves to false) when the database cannot be used; may resolve to figures shown beside its state
   * (a PostgreSQL pool's size, idle and waiting connections).
   */
  database: () => Promise<unknown>;
  /** Each channel's state: 'webhook', 'off', 'failed'... */
  channels: () => Record<string, string>;
  /** Clock in milliseconds; default Date.now. */
  now?: () => number;
};

/** The health answer: 200 while the database answers, 503 otherwise; never an error's text (it may hold a path or a token). */
export function createHealthCheck(probe: HealthProbe): () => Promise<{ status: number; body: object }> {
  const now = probe.now ?? Date.now;
  const startedAt = now();
  return async () => {
    const { database, figures } = await databaseState(probe.database);
    return {
      status: database === 'ok' ? 200 : 503,
      body: {
        status: database === 'ok' ? 'ok' : 'unavailable',
        database,
        ...(figures ? { pool: figures } : {}),
        channels: probe.channels(),
        uptimeSeconds: Math.floor((now() - startedAt) / 1000),
      },
    };
  };
}

async function databaseState(check: () => Promise<unknown>): Promise<{ database: 'ok' | 'error'; figures?: object }> {
  try {
    const answer = await check();
    if (answer === false) return { database: 'error' };
    return typeof answer === 'object' && answer !== null ? { database: 'ok', figures: answer } : { database: 'ok' };
  } catch {
    return { database: 'error' };
  }
}
