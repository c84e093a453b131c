import { afterEach, describe, expect, it } from 'vitest';
import { knowledgeOf } from '../../src/chat/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
afterEach(() => h.cleanup());

const asker = { id: '7', name: 'Lan' };
const QUESTION = 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?';

describe('createChat over a knowledge holder', () => {
  it('answers the next message from the plans swapped in', async () => {
    h = createChatHarness();
    expect(await h.say(asker, QUESTION)).toMatch(
      /^Nhiệm vụ 4 – phường Nhị Chiểu: .*\nChủ trì: Phòng Văn hóa - Xã hội\./,
    );
    h.knowledge.swap(knowledgeOf(h.plans.filter((p) => p.id !== 'nhi-chieu')));
    expect(await h.say(asker, QUESTION)).not.toMatch(/Nhị Chiểu: /);
  });

  it('finishes a message already being answered on the plans it started with', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    h = createChatHarness({
      reportCommands: {
        digest: async (ctx) => {
          await gate;
          return [{ text: ctx.knowledge.plans.map((p) => p.id).join(',') }];
        },
      },
    });
    const inFlight = h.say(asker, '/digest');
    h.knowledge.swap(knowledgeOf([]));
    release();
    expect(await inFlight).toBe('dai-son,hue,nhi-chieu');
    expect(await h.say(asker, '/digest')).toBe('');
  });
});
