import { pino } from 'pino';
import { expect, it } from 'vitest';
import { createSharedFiles } from '../../src/app/shared-files.js';
import { createFileStore } from '../../src/server/index.js';
import type { PublishedFileStore } from '../../src/tasks/index.js';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
const broken: PublishedFileStore = {
  put: async () => {
    throw new Error('connection terminated');
  },
  get: async () => {
    throw new Error('connection terminated');
  },
};

function logged() {
  const lines: Array<{ msg: string }> = [];
  const logger = pino({}, { write: (line: string) => void lines.push(JSON.parse(line) as { msg: string }) });
  return { logger, lines };
}

it('still publishes a file the database cannot keep, served by this instance, and says so in the log', async () => {
  const { logger, lines } = logged();
  const files = createSharedFiles(createFileStore({ publicUrl: 'https://bot.example.vn' }), broken, logger);
  const url = await files.publish(PNG, 'image/png');
  expect(url).toMatch(/^https:\/\/bot\.example\.vn\/files\/[A-Za-z0-9_-]{43}\.png$/);
  expect((await files.get(url.slice(url.lastIndexOf('/') + 1)))?.content).toEqual(PNG);
  expect(await files.get('unknown.png')).toBeUndefined();
  expect(lines.map((l) => l.msg)).toEqual([
    'files: a published file could not be kept in the database; only this instance serves it',
    'files: the database could not be read for a published file',
  ]);
});
