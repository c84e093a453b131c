import type pg from 'pg';
import type { PublishedFileStore } from '../../tasks/index.js';
import { inTransaction } from './pool.js';

type Row = { mime_type: string; content: Buffer; expires_at: Date };

/** The published files in PostgreSQL, seen by every instance (`satisfies PublishedFileStore`). */
export function createPgPublishedFileRepo(pool: pg.Pool) {
  return {
    put: async (file, now) => {
      await inTransaction(pool, async (client) => {
        await client.query('DELETE FROM published_files WHERE expires_at <= $1', [now]);
        await client.query(
          'INSERT INTO published_files (name, mime_type, content, expires_at) VALUES ($1, $2, $3, $4)',
          [file.name, file.mimeType, file.content, file.expiresAt],
        );
      });
    },
    get: async (name, now) => {
      const { rows } = await pool.query<Row>(
        'SELECT mime_type, content, expires_at FROM published_files WHERE name = $1 AND expires_at > $2',
        [name, now],
      );
      const row = rows[0];
      return row && { name, mimeType: row.mime_type, content: row.content, expiresAt: row.expires_at };
    },
  } satisfies PublishedFileStore;
}
