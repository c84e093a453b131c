import { describe, expect, it } from 'vitest';
import { createCallbackData } from '../../../src/channels/telegram/callback-data.js';

describe('createCallbackData', () => {
  it('sends data that fits 64 bytes as is', () => {
    const memory = createCallbackData();
    expect(memory.encode('status:done')).toBe('status:done');
    expect(memory.decode('status:done')).toBe('status:done');
  });

  it('maps data over 64 bytes (counted in UTF-8) to a short id and back', () => {
    const memory = createCallbackData();
    const data = 'đang thực hiện'.repeat(4); // 56 characters, 84 bytes
    const id = memory.encode(data);
    expect(Buffer.byteLength(id)).toBeLessThanOrEqual(64);
    expect(id).not.toBe(data);
    expect(memory.decode(id)).toBe(data);
    expect(memory.encode(data)).toBe(id);
  });

  it('maps data that looks like a short id, so a typed "~" never collides', () => {
    const memory = createCallbackData();
    const id = memory.encode('~0');
    expect(memory.decode(id)).toBe('~0');
    expect(memory.encode('')).not.toBe('');
  });

  it('forgets the oldest ids beyond its capacity, and says so on decode', () => {
    const memory = createCallbackData(2);
    const ids = ['a', 'b', 'c'].map((letter) => memory.encode(letter.repeat(70)));
    expect(memory.decode(ids[0]!)).toBeUndefined();
    expect(memory.decode(ids[2]!)).toBe('c'.repeat(70));
    expect(memory.decode('~zz')).toBeUndefined();
  });

  it("does not read another process's ids (another instance, or before a restart) as its own", () => {
    const [a, b] = [createCallbackData(), createCallbackData()];
    const idA = a.encode('a'.repeat(70));
    const idB = b.encode('b'.repeat(70));
    expect(idA).not.toBe(idB);
    expect([b.decode(idA), a.decode(idB)]).toEqual([undefined, undefined]);
    expect(createCallbackData(10, 'Qx7a').encode('c'.repeat(70))).toBe('~Qx7a.0');
  });
});
