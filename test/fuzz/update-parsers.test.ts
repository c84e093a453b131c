import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_NOTE_LENGTH,
  parseUpdateArgs,
  readNaturalUpdate,
  updateInputSchema,
  type UpdateInput,
} from '../../src/tasks/index.js';
import { STATUS_PHRASES } from '../../src/tasks/lexicon.js';
import { normalizeText } from '../../src/text/index.js';
import { fuzzParameters, hostileText, ODD_CHARS } from '../support/fuzz.js';

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

const taskNo = fc.oneof(
  fc.integer({ min: 0, max: 9_999 }).map(String),
  fc.constantFrom('04', 'II.3', 'iv.02', '1.2.3', 'IV.2.b', 'iii.đ.1', 'IV.p2', 'II.1.a-2'),
);
const phrase = fc
  .constantFrom(...STATUS_PHRASES)
  .chain(([p, status]) =>
    fc.constantFrom(p, p.toUpperCase()).map((written) => ({ written, status: status === 'note' ? null : status })),
  );
/** A note that starts with a letter (so it is never read as a percent or punctuation) and has no control character. */
const note = fc
  .tuple(fc.constantFrom('đ', 'a', 'Ư', 'x'), fc.string({ unit: 'grapheme', maxLength: 80 }))
  .map(([first, rest]) => first + rest)
  .filter((n) => !CONTROL.test(normalizeText(n)));
const args = fc.oneof(
  hostileText,
  fc.tuple(taskNo, hostileText).map(([no, rest]) => `${no} ${rest}`),
);

/** A parse result that is a valid update, or a coded error quoting at most 30 characters of what was typed. */
function expectWellFormed(result: ReturnType<typeof parseUpdateArgs>): void {
  if (result.ok) {
    expect(updateInputSchema.safeParse(result.value).error).toBeUndefined();
    return;
  }
  const { error } = result;
  if ('given' in error) {
    expect([...error.given].length).toBeLessThanOrEqual(30);
    expect(error.given).not.toMatch(CONTROL);
  }
}

describe('parseUpdateArgs on random arguments', () => {
  it('never throws, and gives a valid update or a coded error', () => {
    fc.assert(
      fc.property(args, (text) => expectWellFormed(parseUpdateArgs(text))),
      fuzzParameters(),
    );
  });

  it('reads back any well-formed update it is given', () => {
    const pct = fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined });
    fc.assert(
      fc.property(taskNo, phrase, pct, note, (no, { written, status }, percent, text) => {
        const withPercent = percent !== undefined && (status === 'in_progress' || status === 'done');
        const result = parseUpdateArgs(`${no} ${written}${withPercent ? ` ${percent}%` : ''} ${text}`);
        // "xong 50%" is half done: in progress at 50%.
        const partly = status === 'done' && withPercent && percent < 100;
        const expected: Partial<UpdateInput> = {
          status: partly ? 'in_progress' : status,
          percent: status === 'done' && !partly ? 100 : withPercent ? percent : null,
          note: normalizeText(text).trim(),
        };
        if (expected.note!.length > MAX_NOTE_LENGTH) return;
        expect(result).toMatchObject({ ok: true, value: expected });
      }),
      fuzzParameters(),
    );
  });

  it('refuses what is wrong by construction with the matching code', () => {
    const wrong = fc.oneof(
      fc
        .tuple(taskNo, fc.integer({ min: 101, max: 999_999 }), note)
        .map(([no, p, n]) => ({ text: `${no} đang thực hiện ${p}% ${n}`, code: 'percent_out_of_range' })),
      fc
        .tuple(taskNo, fc.integer({ min: MAX_NOTE_LENGTH + 1, max: 5_000 }))
        .map(([no, len]) => ({ text: `${no} xong ${'ệ'.repeat(len)}`, code: 'note_too_long' })),
      fc
        .tuple(taskNo, note, fc.constantFrom(...ODD_CHARS.filter((c) => CONTROL.test(c))))
        .map(([no, n, c]) => ({ text: `${no} xong ${n}${c}`, code: 'note_control_chars' })),
      fc
        .tuple(taskNo, fc.constantFrom('~', '¿', '🎉', '@'), hostileText)
        .map(([no, mark, t]) => ({ text: `${no} ${mark}${t}`, code: 'unknown_status' })),
      fc
        .tuple(taskNo, fc.constantFrom('', ' ', ' ,', ' ; '))
        .map(([no, w]) => ({ text: `${no}${w}`, code: 'status_missing' })),
      fc
        .tuple(taskNo, fc.constantFrom('vướng mắc', 'ghi chú'))
        .map(([no, s]) => ({ text: `${no} ${s}`, code: 'note_required' })),
      fc
        .tuple(fc.constantFrom('~', '🎉', '-', 'a', '"'), hostileText)
        .map(([mark, t]) => ({ text: `${mark}${t}`, code: 'task_format' })),
    );
    fc.assert(
      fc.property(wrong, ({ text, code }) => {
        const result = parseUpdateArgs(text);
        expectWellFormed(result);
        expect(result.ok ? 'ok' : result.error.code).toBe(code);
      }),
      fuzzParameters(),
    );
  });
});

describe('readNaturalUpdate on random text', () => {
  it('never throws, never reads a question, and parses what it reads like /capnhat', () => {
    const sentence = fc.oneof(
      hostileText,
      fc
        .tuple(fc.constantFrom('Nhiệm vụ', 'NV', 'Việc số', 'nhiem vu'), taskNo, hostileText)
        .map(([w, no, rest]) => `${w} ${no} ${rest}`),
    );
    fc.assert(
      fc.property(sentence, (text) => {
        const result = readNaturalUpdate(text);
        if (text.includes('?')) expect(result).toBeNull();
        if (result) expectWellFormed(result);
      }),
      fuzzParameters(),
    );
  });

  it('reads "Nhiệm vụ N <status> <note>" as /capnhat N <status> <note>', () => {
    fc.assert(
      fc.property(fc.constantFrom('Nhiệm vụ', 'NV', 'Việc số'), taskNo, phrase, note, (word, no, { written }, text) => {
        const rest = `${written} ${text.replace(/\?/g, '')} đã gửi`;
        expect(readNaturalUpdate(`${word} ${no} ${rest}`)).toEqual(parseUpdateArgs(`${no} ${rest}`));
      }),
      fuzzParameters(),
    );
  });
});
