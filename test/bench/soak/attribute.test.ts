import { describe, expect, it } from 'vitest';
import { attributeChat, SCHEDULED } from '../../../bench/soak/attribute.js';
import type { ChatEvent } from '../../../bench/soak/fake-telegram.js';

let clock = 0;
const deliver = (updateId: number, gen = 1): ChatEvent => ({ type: 'deliver', updateId, gen, at: ++clock });
const action = (gen = 1): ChatEvent => ({ type: 'action', gen, at: ++clock });
const send = (text: string, gen = 1): ChatEvent => ({ type: 'send', method: 'sendMessage', text, gen, at: ++clock });
const all = (events: ChatEvent[]) => [{ start: 0, end: events.length }];
const texts = (result: ReturnType<typeof attributeChat>, id: number) => result.answers.get(id)?.map((a) => a.texts);

describe('attributeChat', () => {
  it('gives the messages after each chat action to the delivery handled then, one answer per handling', () => {
    const events = [deliver(1), action(), send('a1'), send('a1 part 2'), deliver(2), action(), send('a2')];
    const result = attributeChat(events, [
      { start: 0, end: 4 },
      { start: 4, end: 7 },
    ]);
    expect(texts(result, 1)).toEqual([['a1', 'a1 part 2']]);
    expect(texts(result, 2)).toEqual([['a2']]);
  });

  it('counts a duplicate delivery that was answered again as a second answer of its update', () => {
    const events = [
      deliver(1),
      action(),
      send('a1'),
      deliver(1),
      deliver(2),
      action(),
      send('again'),
      action(),
      send('a2'),
    ];
    const result = attributeChat(events, [
      { start: 0, end: 3 },
      { start: 3, end: events.length },
    ]);
    expect(texts(result, 1)).toEqual([['a1'], ['again']]);
    expect(texts(result, 2)).toEqual([['a2']]);
  });

  it('takes the fresh update as the one handled when a duplicate was dropped', () => {
    const events = [deliver(1), action(), send('a1'), deliver(1), deliver(2), action(), send('a2')];
    const result = attributeChat(events, [
      { start: 0, end: 3 },
      { start: 3, end: events.length },
    ]);
    expect(texts(result, 1)).toEqual([['a1']]);
    expect(texts(result, 2)).toEqual([['a2']]);
  });

  it('tells the answers of a killed process from those of its successor', () => {
    const events = [
      deliver(1, 1),
      action(1),
      send('before kill', 1),
      deliver(1, 2),
      action(2),
      send('after restart', 2),
    ];
    const result = attributeChat(events, all(events));
    expect(result.answers.get(1)?.map((a) => a.gen)).toEqual([1, 2]);
  });

  it('counts no answer when the process died after "typing…" and before any message', () => {
    const events = [deliver(1, 1), action(1)];
    expect(texts(attributeChat(events, all(events)), 1)).toEqual([]);
  });

  it('flags the updates whose answers are a guess: several in hand, fewer handlings seen, a process died', () => {
    const events = [
      deliver(1, 1),
      deliver(2, 1),
      action(1),
      send('one of them', 1),
      deliver(2, 2),
      action(2),
      send('a2', 2),
    ];
    expect([...attributeChat(events, all(events)).ambiguous]).toEqual([1, 2]);
  });

  it('keeps messages sent with no delivery in the window apart (a digest, a reminder)', () => {
    const events = [deliver(1), action(), send('a1'), send('digest')];
    const result = attributeChat(events, [
      { start: 0, end: 3 },
      { start: 3, end: 4 },
    ]);
    expect(result.unattributed.map((a) => a.texts)).toEqual([['digest']]);
  });

  it('takes a "typing…" that reached Telegram after the first reply as that handling\'s own (it is not waited for)', () => {
    const events = [deliver(1), deliver(2), send('a2'), action(), send('a2 part 2')];
    const result = attributeChat(events, all(events));
    expect(texts(result, 2)).toEqual([['a2', 'a2 part 2']]);
    expect(texts(result, 1)).toEqual([]);
  });

  it('still counts a second handling that came with its own "typing…"', () => {
    const events = [deliver(1), action(), send('a1'), action(), send('again')];
    expect(texts(attributeChat(events, all(events)), 1)).toEqual([['a1'], ['again']]);
  });

  describe('with SCHEDULED (a digest falls due during the run)', () => {
    const photo = (gen: number): ChatEvent => ({
      type: 'send',
      method: 'sendPhoto',
      text: '[sendPhoto tien-do-kh-158-2026-12-05.png] Kế hoạch 158: tiến độ theo đơn vị',
      gen,
      at: ++clock,
    });

    it('leaves out a digest, its chart and the reminders another instance pushes mid-answer', () => {
      const events = [
        deliver(1, 1),
        send('📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 05/12/2026', 2),
        action(1),
        photo(2),
        send('⏰ Nhắc việc: nhiệm vụ 4', 2),
        send('📅 Nhắc kỳ báo cáo: báo cáo quý', 2),
        send('a1', 1),
      ];
      const result = attributeChat(events, all(events), SCHEDULED);
      expect(texts(result, 1)).toEqual([['a1']]);
      expect(result.unattributed).toEqual([]);
      // Without it, what the second instance pushed is a message nobody asked for.
      expect(attributeChat(events, all(events)).unattributed).toHaveLength(1);
    });

    it("leaves out a digest the answering instance pushes between an update's chat action and its answer", () => {
      const events = [deliver(1), action(), send('📋 Kế hoạch 158 — tổng hợp'), photo(1), send('a1')];
      expect(texts(attributeChat(events, all(events), SCHEDULED), 1)).toEqual([['a1']]);
    });
  });
});
