import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/chat/index.js';
import { createChatHarness, type ChatHarness, type Sender } from '../support/chat-harness.js';
import { fuzzParameters, hostileText, ODD_CHARS } from '../support/fuzz.js';
import { shippedPlans } from '../support/shipped.js';

/** Longest reply text accepted as sane: well above the longest real list, far below an echo of a 10,000-character input. */
const MAX_REPLY_CHARS = 8_000;

const lan: Sender = { id: '1', name: 'Lan' };
const chi: Sender = { id: '2', name: 'Chi' };
const boss: Sender = { id: '3', name: 'Sếp' };
/** The numbers of Lan's plan, known before the harness starts so the arbitraries can use them. */
const taskNos = shippedPlans()
  .find((p) => p.id === 'nhi-chieu')!
  .tasks.map((t) => t.no);
let h: ChatHarness;
let strangers = 0;

beforeAll(async () => {
  // With the digest commands plugged in, as main.ts does.
  h = createChatHarness();
  await h.register(lan, { plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
  await h.register(chi, { plan: 'nhi-chieu', role: 'leader' });
  await h.register(boss, { plan: null, role: 'admin' });
  await h.say(lan, '/capnhat 4 đang thực hiện 30% đã họp triển khai');
});
afterAll(() => h.cleanup());

/** A message as the harness sends it: text, whether it is a button's data, whether it must be refused (no file sent). */
type Input = { text: string; isChoice?: boolean; refused?: boolean };

const ws = fc.constantFrom('', ' ', '  ', '\t', '\n', ' ,;');
const note = fc.oneof(
  hostileText,
  fc.constantFrom('đã họp', 'đã ban hành Công văn 15', '🎉✅', "'; DROP TABLE updates; --"),
);
const statusWord = fc.constantFrom(
  'xong',
  'hoàn thành',
  'Đã hoàn thành',
  'đang thực hiện',
  'dang lam',
  'chưa thực hiện',
  'vướng mắc',
  'ghi chú',
  'HOÀN TẤT',
);
const known = fc.constantFrom(...taskNos);
const unknownNo = fc.oneof(
  fc
    .integer({ min: 0, max: 9_999 })
    .map(String)
    .filter((n) => !taskNos.includes(n)),
  fc.constantFrom('0', '00', '9999', 'II.99', 'IV.3.2.1', '1.999'),
);
const controlChar = fc.constantFrom(...ODD_CHARS.filter((c) => /[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/.test(c)));

/** `/capnhat` texts that must be refused, by construction, for anyone. */
const badCapnhat: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom('', 'nv', '#', 'nhi-chieu#', 'NHI-CHIEU#'), unknownNo, statusWord, note)
    .map(([p, no, s, n]) => `/capnhat ${p}${no} ${s} ${n}`),
  fc.tuple(fc.constantFrom('abc#', 'x#', 'hue-cu#'), known, statusWord).map(([p, no, s]) => `/capnhat ${p}${no} ${s}`),
  fc
    .tuple(
      known,
      fc.constantFrom('đang thực hiện', 'dang trien khai'),
      fc.integer({ min: 101, max: 999_999 }),
      ws,
      note,
    )
    .map(([no, s, pct, w, n]) => `/capnhat ${no} ${s} ${pct}%${w} ${n}`),
  fc.tuple(known, ws).map(([no, w]) => `/capnhat ${no}${w}`),
  fc
    .tuple(known, fc.constantFrom('~', '¿', '🎉', '"', '50%'), hostileText)
    .map(([no, mark, t]) => `/capnhat ${no} ${mark}${t}`),
  fc.tuple(known, fc.constantFrom('vướng mắc', 'khó khăn', 'vuong'), ws).map(([no, s, w]) => `/capnhat ${no} ${s}${w}`),
  fc
    .tuple(known, fc.integer({ min: 1_001, max: 12_000 }), fc.constantFrom('x', 'ệ', '🎉'))
    .map(([no, len, c]) => `/capnhat ${no} xong ${c.repeat(len)}`),
  fc.tuple(known, statusWord, note, controlChar, note).map(([no, s, a, c, b]) => `/capnhat ${no} ${s} ${a}${c}${b}`),
  fc.tuple(fc.constantFrom('~', '🎉', '"4"', "'", '-4', '4a', 'nhiệm vụ'), note).map(([t, n]) => `/capnhat ${t} ${n}`),
);

/** Names of Object.prototype members, for lookups by what a person typed. */
const PROTO_WORDS = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];
const WRITERS = ['start', 'capnhat', 'hoantac', 'solieu', 'nhandigest', 'tatdigest'];

/** Commands that only read, with any arguments. */
const readCommand = fc
  .tuple(
    fc.oneof(
      fc.constantFrom(
        'tiendo',
        'viec',
        'quahan',
        'hoi',
        'trogiup',
        'help',
        'TIENDO',
        'xoa_het',
        'digest',
        ...PROTO_WORDS,
      ),
      fc.stringMatching(/^[a-z_]{1,12}$/).filter((c) => !WRITERS.includes(c)),
    ),
    fc.constantFrom('', '@TroLy226Bot', '@x'),
    fc.oneof(hostileText, unknownNo, known),
  )
  .map(([name, at, args]) => `/${name}${at} ${args}`);

const unknownCode = fc
  .oneof(hostileText, fc.stringMatching(/^[A-Z0-9]{1,12}$/))
  .filter((c) => !/^code\d+$/i.test(c.trim().split(/\s+/)[0] ?? ''));

/** `/solieu` and `/baocao` arguments that must be refused (a report is slow to build: only bad periods). */
const badFigures = fc.oneof(
  fc
    .tuple(
      fc.oneof(fc.constantFrom(...PROTO_WORDS, 'hoi nghi', '~', 'x', '2026'), hostileText),
      fc.constantFrom('2026 5', '2026 tong=3', ''),
    )
    .map(([w, rest]) => `/solieu ${w} ${rest}`),
  fc
    .constantFrom(
      'vanban',
      'hoinghi 5',
      'vanban 2026',
      'vanban 2026 abc',
      'vanban 2026 -5',
      'vanban 2026 1e9',
      'hop 2026 constructor=5',
      'hop 2026 __proto__=5',
      'tthc 2026 tong=NaN',
    )
    .map((a) => `/solieu ${a}`),
  fc
    .oneof(
      fc.constantFrom(...PROTO_WORDS, '2026-H9', 'quý V', '6 thang 2026 x'),
      hostileText.filter((t) => t.trim() !== ''),
    )
    .map((a) => `/baocao ${a}`),
);

/** Button data that never stores (only "cn:yes" on a pending confirmation does). */
const badButton = fc
  .oneof(
    fc.constantFrom(
      'cn:no',
      'cn:skip',
      'cn:t:nhi-chieu#4',
      'cn:t:nhi-chieu#999',
      'cn:t:x#1',
      'cn:s:done',
      'cn:s:note',
      'cn:s:bogus',
      'cn:',
      '',
      '~0',
    ),
    hostileText,
  )
  .filter((d) => d !== 'cn:yes');

/** Natural-language updates that must be refused. */
const badNatural = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('Nhiệm vụ', 'NV', 'Việc số'),
      unknownNo,
      fc.constantFrom('đã hoàn thành', 'đang thực hiện 50%'),
    )
    .map(([w, no, s]) => `${w} ${no} ${s}`),
  fc.tuple(known, fc.integer({ min: 101, max: 999_999 })).map(([no, pct]) => `Nhiệm vụ ${no} đang thực hiện ${pct}%`),
);

/** Input from a registered person that writes nothing, by construction. */
const invalidInput: fc.Arbitrary<Input> = fc.oneof(
  { arbitrary: badCapnhat.map((text) => ({ text, refused: true })), weight: 5 },
  readCommand.map((text) => ({ text })),
  unknownCode.map((code) => ({ text: `/start ${code}`, refused: true })),
  badButton.map((text) => ({ text, isChoice: true, refused: true })),
  badNatural.map((text) => ({ text, refused: true })),
  badFigures.map((text) => ({ text, refused: true })),
);

/** Anything at all, including valid updates, confirmations and undo. */
const anyInput: fc.Arbitrary<Input> = fc.oneof(
  invalidInput,
  fc
    .tuple(known, statusWord, fc.integer({ min: 0, max: 100 }), note)
    .map(([no, s, pct, n]) => ({ text: `/capnhat ${no} ${s} ${pct}% ${n}` })),
  fc
    .tuple(known, fc.constantFrom('-1', '1e9', 'NaN', '', '1000000', '50.5', '0x10', '١٠'), note)
    .map(([no, pct, n]) => ({ text: `/capnhat ${no} đang thực hiện ${pct}% ${n}` })),
  fc.tuple(known, note).map(([no, n]) => ({ text: `Nhiệm vụ ${no} đã hoàn thành, ${n}` })),
  fc.constantFrom<Input>(
    { text: 'có' },
    { text: 'cn:yes', isChoice: true },
    { text: '/hoantac' },
    { text: '/capnhat' },
    { text: '4' },
    { text: '/start' },
  ),
  fc.constantFrom<Input>(
    { text: '/nhandigest' },
    { text: '/tatdigest' },
    { text: '/solieu vanban 2026 45' },
    { text: '/solieu hoinghi 2026 tong=40 tructuyen=26' },
  ),
  hostileText.map((text) => ({ text })),
);

function expectSaneReplies(replies: Reply[]): void {
  expect(replies.length).toBeGreaterThan(0);
  for (const reply of replies) {
    expect(reply.text.trim()).not.toBe('');
    expect(reply.text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    for (const choice of reply.choices ?? []) expect(choice.label !== '' && choice.data !== '').toBe(true);
  }
}

async function send(sender: Sender, input: Input): Promise<Reply[]> {
  return h.send(sender, input.text, { isChoice: input.isChoice ?? false });
}

describe('createChat on hostile commands', () => {
  it('writes nothing for input that is invalid by construction, and always answers sanely', async () => {
    const who = fc.constantFrom(lan, lan, chi, boss, undefined);
    await fc.assert(
      fc.asyncProperty(who, invalidInput, anyInput, async (registered, invalid, any) => {
        // A stranger writes nothing whatever they send (short of a valid invite code).
        const [sender, input] = registered ? [registered, invalid] : [{ id: `s-${++strangers}` }, any];
        const before = h.db.snapshot();
        const replies = await send(sender, input);
        expectSaneReplies(replies);
        expect(h.db.snapshot()).toEqual(before);
        if (input.refused) expect(replies.filter((r) => r.file !== undefined)).toEqual([]);
      }),
      fuzzParameters(),
    );
  });

  it('never throws and always answers sanely, whatever is sent in whatever order', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(lan, chi, boss), anyInput, async (sender, input) => {
        expectSaneReplies(await send(sender, input));
      }),
      fuzzParameters(),
    );
  });
});
