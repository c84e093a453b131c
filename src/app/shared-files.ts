import type { Logger } from '../log.js';
import type { FileStore, StoredFile } from '../server/index.js';
import type { PublishedFileStore } from '../tasks/index.js';

/** The files webhook mode publishes by URL, as the channels and the HTTP server use them. */
export type SharedFiles = {
  /** Publishes a file for the file store's time and resolves to its public URL once any instance can serve it. */
  publish(content: Buffer, mimeType: string): Promise<string>;
  /** The file of that name, from this process or, published by another instance, from the store. */
  get(name: string): Promise<StoredFile | undefined>;
};

/**
 * Files published by URL (charts Zalo fetches) kept in this process and, when given, in the store: behind a load
 * balancer, Zalo's fetch may reach another instance than the one that published the file. A store that cannot be
 * written or read is logged: the file is then served by the instance that published it only.
 */
export function createSharedFiles(
  memory: FileStore,
  store: PublishedFileStore | undefined,
  logger: Logger,
  now: () => number = Date.now,
): SharedFiles {
  return {
    async publish(content, mimeType) {
      const url = memory.publish(content, mimeType);
      const name = url.slice(url.lastIndexOf('/') + 1);
      const kept = memory.get(name);
      if (!store || !kept) return url;
      try {
        await store.put({ name, content, mimeType, expiresAt: new Date(kept.expiresAt) }, new Date(now()));
      } catch (err) {
        logger.warn({ err }, 'files: a published file could not be kept in the database; only this instance serves it');
      }
      return url;
    },
    async get(name) {
      const here = memory.get(name);
      if (here || !store) return here;
      try {
        const file = await store.get(name, new Date(now()));
        return file && { content: file.content, mimeType: file.mimeType, expiresAt: file.expiresAt.getTime() };
      } catch (err) {
        logger.warn({ err }, 'files: the database could not be read for a published file');
        return undefined;
      }
    },
  };
}
