import type { PublishedFile, PublishedFileStore } from '../tasks/index.js';
import { promised } from './promised.js';
import type { Db } from './sqlite.js';

type Row = { name: string; mime_type: string; content: Buffer; expires_at: string };

/** The published files in SQLite, one row per file (`satisfies PublishedFileStore`). */
export function createPublishedFileRepo(db: Db) {
  const insert = db.prepare<[string, string, Buffer, string]>(
    'INSERT INTO published_files (name, mime_type, content, expires_at) VALUES (?, ?, ?, ?)',
  );
  const byName = db.prepare<[string, string], Row>('SELECT * FROM published_files WHERE name = ? AND expires_at > ?');
  const dropExpired = db.prepare<[string]>('DELETE FROM published_files WHERE expires_at <= ?');
  const put = db.transaction((file: PublishedFile, now: Date) => {
    dropExpired.run(now.toISOString());
    insert.run(file.name, file.mimeType, file.content, file.expiresAt.toISOString());
  });
  return promised<PublishedFileStore>({
    put: (file, now) => put.immediate(file, now),
    get: (name, now) => {
      const row = byName.get(name, now.toISOString());
      return row && { name, mimeType: row.mime_type, content: row.content, expiresAt: new Date(row.expires_at) };
    },
  });
}
