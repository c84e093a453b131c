import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { realPlan } from '../support/plan-variants.js';

let dir = '';
let h: ChatHarness | undefined;
afterEach(() => {
  h?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('answers: a deadline written with a full stop', () => {
  it('ends the sentence with one full stop, not two', async () => {
    const text = realPlan('nhi-chieu').replace(/^(2\t(?:[^\t]*\t){4})Thường xuyên/mu, '$1Thường xuyên.');
    dir = mkdtempSync(join(tmpdir(), 'deadline-'));
    writeFileSync(join(dir, 'nhi-chieu.md'), text);
    h = createChatHarness({ knowledgeDir: dir });
    expect(h.plans[0]!.tasks.find((t) => t.no === '2')!.deadline.raw).toBe('Thường xuyên.');
    const answer = await h.say({ id: '1', name: 'Lan' }, 'Nhị Chiểu: nhiệm vụ 2 hạn khi nào?');
    expect(answer).toContain('\nThời hạn: Thường xuyên.\n');
    expect(answer).not.toContain('..');
  });
});
