import { describe, expect, it } from 'vitest';
import { createChoiceMemory } from '../../../src/channels/zalo/choices.js';

const choices = [
  { label: '4. Ban hành văn bản', data: 'task:4' },
  { label: '5. Kiểm tra', data: 'task:5' },
];

describe('createChoiceMemory', () => {
  it.each([
    ['1', 'task:4'],
    ['2', 'task:5'],
    ['[2]', 'task:5'],
    ['2.', 'task:5'],
    ['  1)  ', 'task:4'],
    ['3', undefined],
    ['0', undefined],
    ['2 và 3', undefined],
    ['hai', undefined],
  ])('reads %j as %s', (text, data) => {
    const memory = createChoiceMemory();
    memory.remember('c', choices);
    expect(memory.pick('c', text)).toBe(data);
  });

  it('forgets the choices when a reply without choices is remembered', () => {
    const memory = createChoiceMemory();
    memory.remember('c', choices);
    memory.remember('c', []);
    expect(memory.pick('c', '1')).toBeUndefined();
  });

  it('holds at most `capacity` chats, dropping the oldest', () => {
    const memory = createChoiceMemory(2);
    memory.remember('a', choices);
    memory.remember('b', choices);
    memory.remember('c', choices);
    expect([memory.pick('a', '1'), memory.pick('b', '1'), memory.pick('c', '1')]).toEqual([
      undefined,
      'task:4',
      'task:4',
    ]);
  });
});
