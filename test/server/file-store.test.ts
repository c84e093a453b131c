import { describe, expect, it } from 'vitest';
import { createFileStore } from '../../src/server/index.js';

const HOUR = 3_600_000;

function storeAt(start = 1_000_000, options: { maxBytes?: number } = {}) {
  let now = start;
  const files = createFileStore({ publicUrl: 'https://bot.example.org/', now: () => now, ...options });
  return { files, advance: (ms: number) => void (now += ms) };
}
const nameOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('createFileStore', () => {
  it('publishes under an unguessable url-safe name with the extension of its type', () => {
    const { files } = storeAt();
    const url = files.publish(Buffer.from('png'), 'image/png');
    expect(url).toMatch(/^https:\/\/bot\.example\.org\/files\/[A-Za-z0-9_-]{43}\.png$/);
    expect(files.publish(Buffer.from('x'), 'application/octet-stream')).toMatch(/\.bin$/);
    expect(nameOf(files.publish(Buffer.from('png'), 'image/png'))).not.toBe(nameOf(url));
    expect(files.get(nameOf(url))).toMatchObject({ content: Buffer.from('png'), mimeType: 'image/png' });
  });

  it('serves a file for 24 hours by default, then forgets it', () => {
    const { files, advance } = storeAt();
    const name = nameOf(files.publish(Buffer.from('png'), 'image/png'));
    advance(24 * HOUR - 1);
    expect(files.get(name)).toBeDefined();
    advance(1);
    expect(files.get(name)).toBeUndefined();
    expect(files.bytes()).toBe(0);
  });

  it('keeps a file as long as publish asks', () => {
    const { files, advance } = storeAt();
    const name = nameOf(files.publish(Buffer.from('png'), 'image/png', HOUR));
    advance(HOUR);
    expect(files.get(name)).toBeUndefined();
  });

  it('drops the oldest files to stay within its size', () => {
    const { files } = storeAt(0, { maxBytes: 10 });
    const names = [4, 4, 4].map((size) => nameOf(files.publish(Buffer.alloc(size), 'image/png')));
    expect(names.map((name) => files.get(name) !== undefined)).toEqual([false, true, true]);
    expect(files.bytes()).toBe(8);
  });

  it('makes room by dropping expired files before live ones', () => {
    const { files, advance } = storeAt(0, { maxBytes: 10 });
    const live = nameOf(files.publish(Buffer.alloc(4), 'image/png'));
    files.publish(Buffer.alloc(4), 'image/png', HOUR);
    advance(HOUR);
    const fresh = nameOf(files.publish(Buffer.alloc(6), 'image/png'));
    expect([files.get(live), files.get(fresh)].map(Boolean)).toEqual([true, true]);
    expect(files.bytes()).toBe(10);
  });

  it('refuses a file larger than the whole store', () => {
    const { files } = storeAt(0, { maxBytes: 10 });
    expect(() => files.publish(Buffer.alloc(11), 'image/png')).toThrow(
      new RangeError("Files: a file of 11 bytes exceeds the store's 10"),
    );
  });

  it('knows no name it did not publish', () => {
    expect(storeAt().files.get('../../etc/passwd')).toBeUndefined();
  });
});
