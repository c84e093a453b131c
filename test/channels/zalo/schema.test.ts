import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseUpdate } from '../../../src/channels/zalo/schema.js';
import { fuzzParameters } from '../../support/fuzz.js';

const message = {
  message_id: 'm-1',
  from: { id: 'u-1', display_name: 'An' },
  chat: { id: 'c-1', chat_type: 'PRIVATE' },
  date: 1764300000000,
  text: 'xin chào',
};
const flat = { event_name: 'message.text.received', message };

describe('parseUpdate', () => {
  it('reads a flat update', () => {
    expect(parseUpdate(flat)).toEqual({ kind: 'update', update: flat });
  });

  it('reads an update wrapped in { ok, result }', () => {
    expect(parseUpdate({ ok: true, result: flat })).toEqual({ kind: 'update', update: flat });
  });

  it('reads image, sticker and unsupported events without text', () => {
    const { text: _text, ...noText } = message;
    for (const event_name of ['message.image.received', 'message.sticker.received', 'message.unsupported.received']) {
      expect(parseUpdate({ event_name, message: noText }).kind).toBe('update');
    }
  });

  it('ignores other events', () => {
    expect(parseUpdate({ event_name: 'user.follow', message })).toEqual({ kind: 'ignored', eventName: 'user.follow' });
  });

  it.each([
    [
      'a number id',
      { ...flat, message: { ...message, from: { id: 42 } } },
      'message.from.id: Invalid input: expected string, received number',
    ],
    [
      'no message',
      { event_name: 'message.text.received' },
      'message: Invalid input: expected object, received undefined',
    ],
    [
      'a date that is not a number',
      { ...flat, message: { ...message, date: '2026-11-28' } },
      'message.date: Invalid input: expected number, received string',
    ],
    ['no event name', { message }, 'no event_name'],
    ['null', null, 'no event_name'],
    ['a failed envelope', { ok: false, error_code: 408 }, 'no event_name'],
  ])('reports %s as malformed, without throwing', (_name, raw, problem) => {
    expect(parseUpdate(raw)).toEqual({ kind: 'malformed', problem });
  });
});

describe('parseUpdate on random input', () => {
  it('never throws, and whatever it accepts has string ids and a numeric date', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ event_name: fc.constant('message.text.received'), message: fc.anything() }),
        ),
        (raw) => {
          const parsed = parseUpdate(raw);
          if (parsed.kind === 'update') {
            expect(typeof parsed.update.message.from.id).toBe('string');
            expect(typeof parsed.update.message.date).toBe('number');
          }
        },
      ),
      fuzzParameters(),
    );
  });
});
