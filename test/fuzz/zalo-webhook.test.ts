import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createZaloWebhookBot, ZALO_SECRET_HEADER, type WebhookHeaders } from '../../src/channels/zalo/index.js';
import { createChoiceMemory } from '../../src/channels/zalo/choices.js';
import { parseUpdate, ZALO_EVENTS } from '../../src/channels/zalo/schema.js';
import { toIncomingMessage } from '../../src/channels/zalo/to-message.js';
import { incomingMessageSchema, type IncomingMessage } from '../../src/chat/index.js';
import { startFakeZaloServer, type FakeZaloServer } from '../support/fake-zalo-server.js';
import { brokenJson, deepJson, fuzzParameters, hostileText, mutated, nested } from '../support/fuzz.js';

const TOKEN = 'zalo-token-fuzz-1234567';
const SECRET = 'webhook-secret-0123456789';
const MAX_BODY = 64 * 1024;
const CHOICE_DATA = ['cn:yes', 'cn:no'];

type Body = Record<string, any>;

const id = fc.oneof(fc.constantFrom('u-1', 'u-2', 'c-9'), fc.string({ minLength: 1, maxLength: 12 }));
const text = fc.oneof(hostileText, fc.constantFrom('1', '2', ' 2 ', '[1]', '/viec', '/capnhat 4 xong'));

/** A well-formed update of any message event, flat or in the `{ ok, result }` envelope. */
const validUpdate: fc.Arbitrary<Body> = fc
  .record({
    event_name: fc.oneof(
      { arbitrary: fc.constant('message.text.received'), weight: 4 },
      fc.constantFrom(...ZALO_EVENTS),
    ),
    message: fc.record(
      {
        message_id: id,
        from: fc.record(
          { id, display_name: fc.string({ maxLength: 20 }), is_bot: fc.boolean() },
          { requiredKeys: ['id'] },
        ),
        chat: fc.record(
          { id, chat_type: fc.constantFrom('PRIVATE', 'PRIVATE', 'GROUP', 'private') },
          { requiredKeys: ['id'] },
        ),
        date: fc.integer({ min: 0, max: 4_102_444_800_000 }),
        text,
      },
      { requiredKeys: ['message_id', 'from', 'chat', 'date', 'text'] },
    ),
  })
  .chain((u) => fc.constantFrom<Body>(u, { ok: true, result: u }));

/** Changes that make a text update invalid whatever else it holds. */
const BREAKS: Array<(u: Body) => void> = [
  (u) => delete u.message,
  (u) => delete u.event_name,
  (u) => (u.event_name = 'user.follow'),
  (u) => (u.message.from.id = 42),
  (u) => (u.message.chat.id = ''),
  (u) => (u.message.message_id = 'x'.repeat(129)),
  (u) => (u.message.date = '2026-11-28'),
  (u) => (u.message.date = -1),
  (u) => (u.message.text = nested(300, 'xin chào')),
  (u) => (u.message = nested(1_000)),
];
const brokenUpdate: fc.Arbitrary<Body> = fc
  .tuple(
    validUpdate.filter((u) => u.event_name !== undefined),
    fc.constantFrom(...BREAKS),
  )
  .map(([u, brk]) => {
    const copy = structuredClone(u);
    brk(copy);
    return copy;
  });

/** A request body and whether the chat core may see it (false: not an update by construction). */
type Case = { body: string | Buffer; mayReachCore: boolean };
const bodyArb: fc.Arbitrary<Case> = fc.oneof(
  { arbitrary: validUpdate.map((u) => ({ body: JSON.stringify(u), mayReachCore: true })), weight: 3 },
  {
    arbitrary: mutated(validUpdate, 2).map((u) => ({ body: JSON.stringify(u) ?? 'null', mayReachCore: true })),
    weight: 4,
  },
  { arbitrary: brokenUpdate.map((u) => ({ body: JSON.stringify(u), mayReachCore: false })), weight: 2 },
  brokenJson(validUpdate.map((u) => JSON.stringify(u))).map((b) => ({ body: b, mayReachCore: true })),
  fc.json().map((b) => ({ body: b, mayReachCore: false })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((b) => ({ body: Buffer.from(b), mayReachCore: false })),
  fc
    .constantFrom('', '{}', '[]', 'null', '"x"', ' '.repeat(MAX_BODY + 1))
    .map((b) => ({ body: b, mayReachCore: false })),
  fc
    .constantFrom(deepJson(5_000), `{"event_name":"message.text.received","message":${deepJson(5_000)}}`)
    .map((b) => ({ body: b, mayReachCore: false })),
);

/** Request headers and whether they carry the right secret. */
type Auth = { headers: WebhookHeaders; authorised: boolean };
const headersArb: fc.Arbitrary<Auth> = fc.oneof(
  {
    arbitrary: fc
      .constantFrom(ZALO_SECRET_HEADER, 'X-Bot-Api-Secret-Token', 'X-BOT-API-SECRET-TOKEN')
      .map((name) => ({ headers: { [name]: SECRET }, authorised: true })),
    weight: 8,
  },
  fc.constant<Auth>({ headers: { [ZALO_SECRET_HEADER]: [SECRET, 'other'] }, authorised: true }),
  fc
    .oneof(fc.constantFrom('', SECRET.slice(0, -1), `${SECRET} `, SECRET.toUpperCase(), `${SECRET}\u0000`), hostileText)
    .filter((v) => v !== SECRET)
    .map((v) => ({ headers: { [ZALO_SECRET_HEADER]: v }, authorised: false })),
  fc
    .dictionary(fc.string({ maxLength: 10 }), fc.oneof(fc.string(), fc.array(fc.string())))
    .map((h) => ({ headers: h, authorised: false })),
  fc.constant<Auth>({ headers: { [ZALO_SECRET_HEADER]: [] }, authorised: false }),
);

function readJson(body: string | Buffer): { json: true; value: unknown } | { json: false } {
  try {
    return { json: true, value: JSON.parse(body.toString()) };
  } catch {
    return { json: false };
  }
}

/** The update inside a body, as the platform nests it. */
const unwrap = (raw: unknown): Body => ((raw as Body | null)?.ok === true ? (raw as Body).result : (raw as Body));

/** What reached the core came verbatim from a text update of this body, and is a valid IncomingMessage. */
function expectTakenFrom(seen: IncomingMessage, raw: unknown): void {
  const update = unwrap(raw);
  expect(incomingMessageSchema.safeParse(seen).error).toBeUndefined();
  expect(update.event_name).toBe('message.text.received');
  expect(typeof update.message.text).toBe('string');
  expect(seen).toMatchObject({
    channel: 'zalo',
    senderId: update.message.from.id,
    chatId: update.message.chat.id,
    messageId: update.message.message_id,
  });
  if (seen.isChoice) expect(CHOICE_DATA).toContain(seen.text);
  else expect(seen.text).toBe(update.message.text);
}

describe('Zalo webhook on hostile requests', () => {
  let fake: FakeZaloServer;
  const seen: IncomingMessage[] = [];
  let bot: ReturnType<typeof createZaloWebhookBot>;

  beforeAll(async () => {
    fake = await startFakeZaloServer({ token: TOKEN });
    bot = createZaloWebhookBot({
      token: TOKEN,
      apiRoot: fake.url,
      secretToken: SECRET,
      maxBodyBytes: MAX_BODY,
      log: () => {},
      handle: async (message) => {
        seen.push(message);
        return [{ text: 'Chọn:', choices: CHOICE_DATA.map((data) => ({ label: data, data })) }];
      },
    });
  });
  afterAll(() => fake.close());

  it('never throws, answers 200/400/401/413 as the request deserves, and the core sees only valid text updates', async () => {
    await fc.assert(
      fc.asyncProperty(headersArb, bodyArb, async ({ headers, authorised }, { body, mayReachCore }) => {
        const [callsBefore, seenBefore] = [fake.calls.length, seen.length];
        const { status } = await bot.handleRequest(headers, body);
        await bot.settled();
        const parsed = readJson(body);
        const expected = !authorised ? 401 : Buffer.byteLength(body) > MAX_BODY ? 413 : parsed.json ? 200 : 400;
        expect(status).toBe(expected);
        const reached = seen.slice(seenBefore);
        expect(reached.length).toBeLessThanOrEqual(1);
        if (status !== 200) {
          expect(reached).toEqual([]);
          expect(fake.calls.length).toBe(callsBefore);
          return;
        }
        if (!mayReachCore) expect(reached).toEqual([]);
        if (reached[0] && parsed.json) expectTakenFrom(reached[0], parsed.value);
      }),
      fuzzParameters(),
    );
  });
});

describe('Zalo parseUpdate and toIncomingMessage on mutated updates', () => {
  it('never throw, and every message they give the core is a valid IncomingMessage taken from a text update', () => {
    const choices = createChoiceMemory();
    choices.remember('u-1', [{ label: 'Có', data: 'cn:yes' }]);
    fc.assert(
      fc.property(fc.oneof(validUpdate, mutated(validUpdate), brokenUpdate, fc.anything()), (raw) => {
        const parsed = parseUpdate(raw);
        if (parsed.kind !== 'update') return;
        const message = toIncomingMessage(parsed.update, choices);
        if (message) expectTakenFrom(message, raw);
      }),
      fuzzParameters(),
    );
  });
});
