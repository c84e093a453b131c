import { describe, expect, it } from 'vitest';
import { withRateLimit } from '../../src/channels/index.js';
import type { ChatHandler, IncomingMessage } from '../../src/chat/index.js';

const NOTICE = [{ text: 'Bạn gửi nhanh quá, vui lòng chờ ít giây rồi gửi lại.' }];
const START = Date.UTC(2026, 4, 4, 2, 0, 0);

/** A core that records what reached it, behind the limit, with a clock the test moves. */
function limited(options: { maxMessages?: number; perMs?: number; burst?: number } = {}) {
  let nowMs = START;
  const received: string[] = [];
  const core: ChatHandler = async (m) => (received.push(`${m.senderId}:${m.text}`), [{ text: `ok ${m.text}` }]);
  const handle = withRateLimit(core, { now: () => new Date(nowMs), ...options });
  let id = 0;
  const send = (text: string, extra: Partial<IncomingMessage> = {}) =>
    handle({
      channel: 'telegram',
      senderId: '42',
      senderName: 'Lan',
      chatId: '42',
      messageId: String(++id),
      text,
      sentAt: new Date(nowMs),
      isChoice: false,
      ...extra,
    });
  return { send, received, advance: (ms: number) => void (nowMs += ms) };
}

describe('withRateLimit', () => {
  it('hands a person’s messages to the core while they stay within the burst', async () => {
    const { send, received } = limited();
    const replies = [];
    for (let i = 1; i <= 10; i++) replies.push(await send(`câu ${i}`));
    expect(replies.at(-1)).toEqual([{ text: 'ok câu 10' }]);
    expect(received).toHaveLength(10);
  });

  it('tells a flooding person once, then stays silent, and the core never sees those messages', async () => {
    const { send, received } = limited();
    for (let i = 1; i <= 10; i++) await send(`câu ${i}`);
    expect(await send('câu 11')).toEqual(NOTICE);
    expect(await send('câu 12')).toEqual([]);
    expect(await send('câu 13')).toEqual([]);
    expect(received).toHaveLength(10);
    expect(received).not.toContain('42:câu 11');
  });

  it('counts button presses too', async () => {
    const { send, received } = limited({ burst: 2 });
    await send('/capnhat');
    await send('task:4', { isChoice: true });
    expect(await send('status:done', { isChoice: true })).toEqual(NOTICE);
    expect(received).toEqual(['42:/capnhat', '42:task:4']);
  });

  it('lets messages through again as the window frees, at the sustained rate', async () => {
    const { send, received, advance } = limited({ maxMessages: 20, perMs: 60_000, burst: 10 });
    for (let i = 1; i <= 11; i++) await send(`câu ${i}`);
    advance(2_999);
    expect(await send('chưa được')).toEqual([]);
    advance(1);
    expect(await send('được rồi')).toEqual([{ text: 'ok được rồi' }]);
    expect(await send('lại nhanh')).toEqual([]);
    expect(received).toHaveLength(11);
  });

  it('sends the notice at most once per window, and again in the next window', async () => {
    const { send, advance } = limited({ maxMessages: 20, perMs: 60_000, burst: 1 });
    await send('1');
    expect(await send('2')).toEqual(NOTICE);
    advance(3_000);
    expect(await send('3')).toEqual([{ text: 'ok 3' }]);
    expect(await send('4')).toEqual([]);
    advance(57_000);
    expect(await send('5')).toEqual([{ text: 'ok 5' }]);
    expect(await send('6')).toEqual(NOTICE);
  });

  it('keeps people apart, across channels too', async () => {
    const { send, received } = limited({ burst: 1 });
    await send('an 1');
    expect(await send('an 2')).toEqual(NOTICE);
    expect(await send('binh 1', { senderId: '43', chatId: '43' })).toEqual([{ text: 'ok binh 1' }]);
    expect(await send('zalo 1', { channel: 'zalo' })).toEqual([{ text: 'ok zalo 1' }]);
    expect(received).toEqual(['42:an 1', '43:binh 1', '42:zalo 1']);
  });

  it('stops a script while a person typing on a phone (a message every 4 s for 10 min) is never limited', async () => {
    const script = limited();
    const scripted = [];
    for (let i = 0; i < 100; i++) scripted.push(await script.send(`spam ${i}`));
    expect(script.received).toHaveLength(10);
    expect(scripted.filter((r) => r.length === 0)).toHaveLength(89);

    const person = limited();
    for (let i = 0; i < 150; i++) {
      expect(await person.send(`tin ${i}`)).toEqual([{ text: `ok tin ${i}` }]);
      person.advance(4_000);
    }
  });
});
