import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { describeStores, type AnyStore } from '../support/store-kinds.js';

const T0 = new Date('2026-06-01T02:00:00Z');
const T1 = new Date('2026-06-01T03:00:00Z');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** Every byte value, a NUL first: bytes come back exactly, not as text. */
const BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
const MD = Buffer.from('# Kế hoạch 158\n');

describeStores('the plan file store', (t) => {
  let store: AnyStore;
  beforeEach(async () => {
    store = await t.open();
  });

  describe('createPlanFileRepo', () => {
    it('keeps the bytes of a file put and lists it as a change, with its hash and size', async () => {
      const version = await store.planFiles.put('kh-158.docx', BYTES, sha(BYTES), T0);
      expect(version).toBe(1);
      expect(await store.planFiles.read('kh-158.docx')).toEqual({ content: BYTES, sha256: sha(BYTES), version: 1 });
      expect(await store.planFiles.changesSince(0)).toEqual([
        { name: 'kh-158.docx', sha256: sha(BYTES), size: 256, version: 1, changedAt: T0 },
      ]);
      expect(await store.planFiles.read('nope.md')).toBeUndefined();
    });

    it('replaces a file put again under a higher version; changes since a version list only later ones', async () => {
      await store.planFiles.put('a.md', MD, sha(MD), T0);
      await store.planFiles.put('b.md', MD, sha(MD), T0);
      await store.planFiles.put('a.md', BYTES, sha(BYTES), T1);
      expect((await store.planFiles.changesSince(0)).map((c) => [c.name, c.version])).toEqual([
        ['b.md', 2],
        ['a.md', 3],
      ]);
      expect(await store.planFiles.changesSince(2)).toEqual([
        { name: 'a.md', sha256: sha(BYTES), size: 256, version: 3, changedAt: T1 },
      ]);
      expect(await store.planFiles.changesSince(3)).toEqual([]);
      expect((await store.planFiles.read('a.md'))?.content).toEqual(BYTES);
    });

    it('leaves a tombstone for a removed file, listed as a change; removing what is not stored changes nothing', async () => {
      await store.planFiles.put('a.md', MD, sha(MD), T0);
      expect(await store.planFiles.remove('a.md', T1)).toBe(2);
      expect(await store.planFiles.read('a.md')).toBeUndefined();
      expect(await store.planFiles.changesSince(1)).toEqual([
        { name: 'a.md', sha256: null, size: 0, version: 2, changedAt: T1 },
      ]);
      const before = await t.rows('plan_files');
      expect(await store.planFiles.remove('a.md', T1)).toBeNull();
      expect(await store.planFiles.remove('never.md', T1)).toBeNull();
      expect(await t.rows('plan_files')).toEqual(before);
      expect(await store.planFiles.put('a.md', MD, sha(MD), T1)).toBe(3);
      expect((await store.planFiles.read('a.md'))?.content).toEqual(MD);
    });

    it('gives writes from two connections at once versions of their own', async () => {
      const other = await t.open();
      const versions = await Promise.all(
        Array.from({ length: 6 }, (_, i) => (i % 2 ? other : store).planFiles.put(`p${i}.md`, MD, sha(MD), T0)),
      );
      expect([...versions].sort()).toEqual([1, 2, 3, 4, 5, 6]);
      expect(await store.planFiles.changesSince(0)).toHaveLength(6);
    });
  });
});
