import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { capReplies, MAX_REPLIES, MAX_REPLY_CHARS } from '../../src/chat/cap-replies.js';
import { MAX_MESSAGE_CHARS, replyCutText } from '../../src/messages/index.js';
import { createChatHarness } from '../support/chat-harness.js';
import { realPlan } from '../support/plan-variants.js';

const chars = (replies: { text: string }[]) => replies.reduce((n, r) => n + r.text.length, 0);
const file = { fileName: 'a.xlsx', mimeType: 'x', content: Buffer.from('x'), kind: 'document' as const };

describe('capReplies', () => {
  it('keeps replies within the limits as they are', () => {
    const replies = [{ text: 'một' }, { text: 'hai', file }];
    expect(capReplies(replies)).toEqual(replies);
  });

  it('cuts a reply too long at a word and says so', () => {
    const [only, ...rest] = capReplies([{ text: 'từ '.repeat(10_000), choices: [{ label: 'a', data: 'a' }] }]);
    expect(rest).toEqual([]);
    expect(only!.text.endsWith(`từ…\n${replyCutText}`)).toBe(true);
    expect(only!.text.length).toBeLessThanOrEqual(MAX_REPLY_CHARS);
    expect(only!.choices).toEqual([{ label: 'a', data: 'a' }]);
  });

  it('sends at most five messages, the last saying the rest was left out', () => {
    const capped = capReplies(Array.from({ length: 300 }, (_, i) => ({ text: `Tin ${i + 1}` })));
    expect(capped.map((r) => r.text)).toEqual(['Tin 1', 'Tin 2', 'Tin 3', 'Tin 4', `Tin 5\n${replyCutText}`]);
    expect(MAX_REPLIES).toBe(5);
  });
});

describe('createChat: the size of a reply', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('answers over a plan whose task table was pasted forty times within the cap', async () => {
    const text = realPlan('nhi-chieu');
    const rows = text.split('\n').filter((l) => /^\d+\t/.test(l));
    dir = mkdtempSync(join(tmpdir(), 'cap-'));
    writeFileSync(
      join(dir, 'nhi-chieu.md'),
      text.replace(rows.at(-1)!, [rows.at(-1)!, ...Array(40).fill(rows).flat()].join('\n')),
    );
    const h = createChatHarness({ knowledgeDir: dir });
    try {
      for (const question of ['Kế hoạch có bao nhiêu nhiệm vụ?', 'Phòng Văn hóa - Xã hội chủ trì những việc gì?']) {
        const replies = await h.send({ id: '1', name: 'Lan' }, question);
        expect(chars(replies)).toBeLessThanOrEqual(MAX_MESSAGE_CHARS);
        // The rest is offered page by page ("chi tiết"), not cut.
        expect(replies.at(-1)!.text).toMatch(/Gõ "chi tiết" để xem (tiếp|danh sách)\.$/);
      }
    } finally {
      h.cleanup();
    }
  });
});
