import type pg from 'pg';
import type { PlanFileSignal, PlanFileStore } from '../../tasks/index.js';
import { planFileChangeOf, type PlanFileRow } from '../plan-file-repo.js';
import { inTransaction } from './pool.js';

/** The channel a change to `plan_files` is announced on (NOTIFY in the writer's transaction, sent at its commit). */
export const PLAN_FILES_CHANNEL = 'troly_plan_files';

/**
 * Plan files kept in PostgreSQL (`satisfies PlanFileStore`). Writers lock the table in turn (readers are not held), so
 * versions are committed in the order they are given and a reader asking "after n" misses none. Each change is
 * announced on {@link PLAN_FILES_CHANNEL} when it commits.
 */
export function createPgPlanFileRepo(pool: pg.Pool) {
  const write = (name: string, content: Buffer | null, sha256: string | null, now: Date) =>
    inTransaction(pool, async (c) => {
      await c.query('LOCK TABLE plan_files IN EXCLUSIVE MODE');
      if (content === null) {
        const { rows } = await c.query('SELECT 1 FROM plan_files WHERE name = $1 AND content IS NOT NULL', [name]);
        if (rows.length === 0) return null;
      }
      const { rows } = await c.query<{ version: number }>(
        `INSERT INTO plan_files (name, content, sha256, size, version, changed_at)
         VALUES ($1, $2, $3, $4, (SELECT COALESCE(MAX(version), 0) + 1 FROM plan_files), $5)
         ON CONFLICT (name) DO UPDATE SET content = excluded.content, sha256 = excluded.sha256, size = excluded.size,
           version = excluded.version, changed_at = excluded.changed_at
         RETURNING version`,
        [name, content, sha256, content?.length ?? 0, now],
      );
      const version = rows[0]!.version;
      await c.query('SELECT pg_notify($1, $2)', [PLAN_FILES_CHANNEL, String(version)]);
      return version;
    });
  return {
    put: async (name, content, sha256, now) => (await write(name, content, sha256, now))!,
    remove: (name, now) => write(name, null, null, now),
    changesSince: async (version) => {
      const { rows } = await pool.query<PlanFileRow>(
        'SELECT name, sha256, size, version, changed_at FROM plan_files WHERE version > $1 ORDER BY version',
        [version],
      );
      return rows.map(planFileChangeOf);
    },
    read: async (name) => {
      const { rows } = await pool.query<{ content: Buffer; sha256: string; version: number }>(
        'SELECT content, sha256, version FROM plan_files WHERE name = $1 AND content IS NOT NULL',
        [name],
      );
      return rows[0];
    },
  } satisfies PlanFileStore;
}

/**
 * LISTEN on {@link PLAN_FILES_CHANNEL} over a connection of its own taken from the pool (held while listening):
 * `onChange` on every change another instance commits, `onLost` when that connection breaks (listen again then).
 */
export function createPgPlanFileSignal(pool: pg.Pool): PlanFileSignal {
  return {
    async listen(onChange, onLost) {
      const client = await pool.connect();
      let done = false;
      const onNotice = (msg: pg.Notification) => {
        if (msg.channel === PLAN_FILES_CHANNEL) onChange();
      };
      const onError = (err: Error) => {
        if (done) return;
        done = true;
        client.off('notification', onNotice);
        client.release(err);
        onLost(err);
      };
      client.on('notification', onNotice);
      client.on('error', onError);
      try {
        await client.query(`LISTEN ${PLAN_FILES_CHANNEL}`);
      } catch (err) {
        done = true;
        client.off('notification', onNotice);
        client.off('error', onError);
        client.release(err as Error);
        throw err;
      }
      return async () => {
        if (done) return;
        done = true;
        client.off('notification', onNotice);
        await client.query(`UNLISTEN ${PLAN_FILES_CHANNEL}`).catch(() => undefined);
        client.off('error', onError);
        client.release();
      };
    },
  };
}
