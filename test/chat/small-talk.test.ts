import { describe, expect, it } from 'vitest';
import { converse } from '../../src/chat/index.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { buildSearch } from '../../src/search/index.js';

const index = buildSearch((await loadKnowledge('knowledge')).plans);
const reply = (text: string) => converse(index, text, { today: '2026-11-28', now: new Date('2026-11-28T02:00:00Z') });

describe('converse: small talk', () => {
  it.each([
    ['chào bạn', 'Xin chào anh/chị!'],
    ['Chào em nhé', 'Xin chào anh/chị!'],
    ['hi', 'Xin chào anh/chị!'],
    ['xin chao tro ly', 'Xin chào anh/chị!'],
    ['cảm ơn', 'Không có gì ạ!'],
    ['cam on ban nhieu a', 'Không có gì ạ!'],
    ['thanks', 'Không có gì ạ!'],
    ['bạn là ai?', 'Tôi là Trợ lý 226:'],
    ['ban la ai vay', 'Tôi là Trợ lý 226:'],
    ['giúp gì được', 'Tôi giúp tra cứu'],
    ['bạn giúp được gì cho mình', 'Tôi giúp tra cứu'],
  ])('"%s" gets a short friendly reply with example questions and /trogiup', async (text, start) => {
    const { text: said, answer } = await reply(text);
    expect(said.startsWith(start)).toBe(true);
    expect(said).toContain('• Ai chủ trì nhiệm vụ 4?');
    expect(said).toContain('/trogiup');
    expect(said).not.toContain('không đề cập');
    expect(answer).toBeNull();
  });

  it.each(['chào bạn, ai chủ trì nhiệm vụ 4 của Đại Sơn?', 'cảm ơn, còn nhiệm vụ 5 của Đại Sơn ai chủ trì'])(
    '"%s" is a question, answered from the plans',
    async (text) => {
      expect((await reply(text)).answer?.intent).toBe('lead');
    },
  );
});
