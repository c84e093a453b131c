import { defineConfig } from 'vitest/config';

/** Pure-unit folders: no SQLite, servers, timers, mocks or environment; their files may share one module graph. */
const PURE = ['text', 'calendar', 'knowledge', 'search', 'tasks', 'digest', 'reports'].map(
  (folder) => `test/${folder}/**/*.test.ts`,
);

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Vitest's default leaves one core free, which on a 2-core machine is a single worker: use them all.
    maxWorkers: '100%',
    projects: [
      {
        extends: true,
        // Files share a worker's modules, so the shipped plans and index are built once per worker
        // (test/support/shipped.ts) and src is imported once, not once per file.
        test: { name: 'unit', include: PURE, pool: 'threads', isolate: false },
      },
      {
        extends: true,
        // Native modules (better-sqlite3) and local servers are safest in forked, isolated workers.
        test: { name: 'io', include: ['test/**/*.test.ts'], exclude: PURE, pool: 'forks' },
      },
    ],
  },
});
