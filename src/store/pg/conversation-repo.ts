import type pg from 'pg';
import type { ConversationLog } from '../../tasks/index.js';
import { inTransaction } from './pool.js';

/** Each chat's conversation memory in PostgreSQL, one row per chat, seen by every instance. */
export function createPgConversationRepo(pool: pg.Pool) {
  return {
    get: async (chatId, since) => {
      const { rows } = await pool.query<{ memory: string }>(
        'SELECT memory FROM conversations WHERE chat_id = $1 AND updated_at >= $2',
        [chatId, since],
      );
      return rows[0]?.memory;
    },
    set: async (chatId, memory, now, forgetBefore) => {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM conversations WHERE updated_at < $1', [forgetBefore]);
        await client.query(
          `INSERT INTO conversations (chat_id, memory, updated_at) VALUES ($1, $2, $3)
           ON CONFLICT (chat_id) DO UPDATE SET memory = excluded.memory, updated_at = excluded.updated_at`,
          [chatId, memory, now],
        );
      });
    },
  } satisfies ConversationLog;
}
