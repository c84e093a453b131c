/**
 * The webhook-mode HTTP server (node:http only): the channels' webhook endpoints, GET /healthz and the expiring
 * files Zalo fetches photos from.
 * @example
 * const files = createFileStore({ publicUrl: config.PUBLIC_URL });
 * const server = await startHttpServer({ port: config.PORT, webhooks: { '/zalo/x': zalo.handleRequest }, files, health });
 * process.once('SIGTERM', () => void server.close());
 */

/** Starts the server; `close()` stops accepting, lets requests in flight finish and resolves. See {@link HttpServerOptions}. */
export {
  startHttpServer,
  type HttpServer,
  type HttpServerOptions,
  type PageAnswer,
  type PageHandler,
  type PageRequest,
} from './http-server.js';
/** In-memory files under unguessable URLs that expire (default 24 h, 64 MiB in all): `files.publish(png, 'image/png')`. */
export { createFileStore, type FileStore, type FileStoreOptions, type StoredFile } from './file-store.js';
/** The /healthz answer: 200 `{ status: 'ok', database: 'ok', channels, uptimeSeconds }`, 503 when the database fails. */
export { createHealthCheck, type HealthProbe } from './health.js';
