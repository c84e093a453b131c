import type { ConversationLog } from '../tasks/index.js';
import { promised } from './promised.js';
import type { Db } from './sqlite.js';

/** Each chat's conversation memory in SQLite, one row per chat (`satisfies ConversationLog`). */
export function createConversationRepo(db: Db) {
  const byChat = db.prepare<[string, string], { memory: string }>(
    'SELECT memory FROM conversations WHERE chat_id = ? AND updated_at >= ?',
  );
  const upsert = db.prepare<[string, string, string]>(
    `INSERT INTO conversations (chat_id, memory, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (chat_id) DO UPDATE SET memory = excluded.memory, updated_at = excluded.updated_at`,
  );
  const forget = db.prepare<[string]>('DELETE FROM conversations WHERE updated_at < ?');
  const keep = db.transaction((chatId: string, memory: string, now: Date, forgetBefore: Date) => {
    forget.run(forgetBefore.toISOString());
    upsert.run(chatId, memory, now.toISOString());
  });
  return promised<ConversationLog>({
    get: (chatId, since) => byChat.get(chatId, since.toISOString())?.memory,
    set: (chatId, memory, now, forgetBefore) => keep.immediate(chatId, memory, now, forgetBefore),
  });
}
