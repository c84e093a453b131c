import { randomBytes } from 'node:crypto';

/** One published file as the HTTP server serves it. */
export type StoredFile = { content: Buffer; mimeType: string; expiresAt: number };

/** Files published under unguessable, expiring URLs (Zalo fetches photos by URL). */
export type FileStore = {
  /** Keeps `content` for `ttlMs` (default the store's) and returns its public URL. Throws RangeError when it is larger than the whole store. */
  publish(content: Buffer, mimeType: string, ttlMs?: number): string;
  /** The file named by the last path segment of its URL (`<token>.png`), or undefined when unknown or expired. */
  get(name: string): StoredFile | undefined;
  /** Bytes held now (expired files included until the next publish or get drops them). */
  bytes(): number;
};

export type FileStoreOptions = {
  /** PUBLIC_URL: where the server is reached from outside; URLs are `${publicUrl}/files/<token>.<ext>`. */
  publicUrl: string;
  /** How long a file is served unless `publish` says; default 24 hours. */
  ttlMs?: number;
  /** Total bytes kept; the oldest files are dropped first to make room; default 64 MiB. */
  maxBytes?: number;
  /** Clock in milliseconds; default Date.now. */
  now?: () => number;
};

const DAY_MS = 24 * 60 * 60 * 1000;
/** 32 random bytes: 43 url-safe characters. */
const TOKEN_BYTES = 32;
const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
};

/** The in-memory file store; nothing runs in the background: expired files are dropped when the store is used. */
export function createFileStore(options: FileStoreOptions): FileStore {
  const files = new Map<string, StoredFile>();
  const base = `${options.publicUrl.replace(/\/+$/, '')}/files/`;
  const now = options.now ?? Date.now;
  const defaultTtl = options.ttlMs ?? DAY_MS;
  const maxBytes = options.maxBytes ?? 64 * 1024 * 1024;
  let total = 0;

  const drop = (name: string) => {
    total -= files.get(name)?.content.length ?? 0;
    files.delete(name);
  };
  const dropExpired = () => {
    for (const [name, file] of files) if (file.expiresAt <= now()) drop(name);
  };

  return {
    publish(content, mimeType, ttlMs = defaultTtl) {
      if (content.length > maxBytes)
        throw new RangeError(`Files: a file of ${content.length} bytes exceeds the store's ${maxBytes}`);
      dropExpired();
      // A Map iterates in insertion order: the first entries are the oldest.
      for (const name of files.keys()) {
        if (total + content.length <= maxBytes) break;
        drop(name);
      }
      const name = `${randomBytes(TOKEN_BYTES).toString('base64url')}.${EXTENSIONS[mimeType] ?? 'bin'}`;
      files.set(name, { content, mimeType, expiresAt: now() + ttlMs });
      total += content.length;
      return base + name;
    },
    get(name) {
      const file = files.get(name);
      if (file === undefined || file.expiresAt > now()) return file;
      drop(name);
      return undefined;
    },
    bytes: () => total,
  };
}
