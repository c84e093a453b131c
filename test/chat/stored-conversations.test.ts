import { expect, it } from 'vitest';
import { converse, createStoredConversations, type ConversationStore } from '../../src/chat/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { buildSearch } from '../../src/search/index.js';
import { foldCase } from '../../src/text/index.js';
import { describeStores } from '../support/store-kinds.js';

const shipped = buildSearch((await loadKnowledge('knowledge')).plans);
const START = new Date('2026-11-28T02:00:00Z');
const fold = (s: string) => foldCase(s).replace(/\s+/g, ' ');
const at = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

/** One message of chat c1 answered by the instance whose conversations are `store`, `minutes` into the chat. */
const say = async (store: ConversationStore, text: string, minutes: number) =>
  fold((await converse(shipped, text, { today: '2026-11-28', now: at(minutes), chatId: 'c1', store })).text);

describeStores('conversations kept in the database', (t) => {
  it('reads a follow-up reaching another instance in the light of the question the first one answered', async () => {
    const [a, b] = [
      createStoredConversations((await t.open()).conversations),
      createStoredConversations((await t.open()).conversations),
    ];
    expect(await say(a, 'Ai chủ trì nhiệm vụ 4 của Đại Sơn?', 1)).toContain('nhiem vu 4 – xa dai son');
    expect(await say(b, 'hạn khi nào?', 2)).toMatch(/nhiem vu 4 – xa dai son.*thoi han/s);
    expect(await say(a, 'còn nhiệm vụ 5 thì sao?', 3)).toContain('nhiem vu 5 – xa dai son');
    expect(await say(b, 'hạn khi nào?', 40)).not.toContain('nhiem vu 5 – xa dai son');
  });

  it('forgets a memory that does not read back, and answers the message alone', async () => {
    const store = await t.open();
    const kept = createStoredConversations(store.conversations);
    expect(await say(kept, 'Ai chủ trì nhiệm vụ 4 của Đại Sơn?', 1)).toContain('nhiem vu 4 – xa dai son');
    await store.conversations.set('c1', '{"focus": 4, "pages": "x"', at(2), at(0));
    expect(await say(kept, 'hạn khi nào?', 3)).not.toContain('nhiem vu 4 – xa dai son');
  });
});
