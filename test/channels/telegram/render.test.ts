import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ReplyFile } from '../../../src/chat/index.js';
import { renderReply } from '../../../src/channels/telegram/render.js';
import { fuzzParameters } from '../../support/fuzz.js';

const same = (data: string) => data;
const unescape = (html: string) => html.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
const chart: ReplyFile = { fileName: 'tien-do.png', mimeType: 'image/png', content: Buffer.from('png'), kind: 'photo' };

describe('renderReply', () => {
  it('escapes the text for HTML and sends it as one message when it fits', () => {
    expect(renderReply({ text: 'Nhiệm vụ 4: <Sở Tư pháp> & UBND' }, same)).toEqual([
      { kind: 'text', html: 'Nhiệm vụ 4: &lt;Sở Tư pháp&gt; &amp; UBND' },
    ]);
  });

  it('renders a link as a URL button, and the Mini App as a web_app button below it', () => {
    const url = 'https://bot.example.gov.vn/dashboard/login/abc';
    const [message] = renderReply(
      {
        text: 'Bảng điều khiển',
        link: { label: 'Mở', url, miniApp: { label: 'Trong Telegram', url: 'https://bot.example.gov.vn/dashboard/' } },
      },
      same,
    );
    expect(message!.keyboard?.inline_keyboard).toEqual([
      [{ text: 'Mở', url }],
      [{ text: 'Trong Telegram', web_app: { url: 'https://bot.example.gov.vn/dashboard/' } }],
    ]);
    const [plain] = renderReply({ text: 'x', link: { label: 'Mở', url } }, same);
    expect(plain!.keyboard?.inline_keyboard).toEqual([[{ text: 'Mở', url }]]);
  });

  it('puts each choice on its own button row, on the last piece only', () => {
    const text = Array.from({ length: 300 }, (_, i) => `Dòng ${i}: nội dung nhiệm vụ`).join('\n');
    const messages = renderReply(
      {
        text,
        choices: [
          { label: '4. Ban hành văn bản', data: 'task:4' },
          { label: '5. Hội nghị', data: 'task:5' },
        ],
      },
      (d) => `#${d}`,
    );
    expect(messages.length).toBeGreaterThan(1);
    expect(messages.slice(0, -1).every((m) => m.keyboard === undefined)).toBe(true);
    expect(messages.at(-1)!.keyboard!.inline_keyboard).toEqual([
      [{ text: '4. Ban hành văn bản', callback_data: '#task:4' }],
      [{ text: '5. Hội nghị', callback_data: '#task:5' }],
    ]);
  });

  it('splits on line breaks so no piece goes over 4,096 escaped characters', () => {
    const line = '<&> '.repeat(20).trim(); // 79 characters, 219 once escaped
    const text = Array.from({ length: 40 }, () => line).join('\n');
    const pieces = renderReply({ text }, same).map((m) => (m.kind === 'text' ? m.html : ''));
    expect(pieces).toHaveLength(3);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(4096);
    expect(pieces.map(unescape).join('\n')).toBe(text);
  });

  it('never cuts inside a word or an HTML entity, whatever the text', () => {
    const word = fc.string({
      unit: fc.constantFrom('&', '<', '>', 'a', 'đ', 'ư', 'ờ', 'n', 'g'),
      minLength: 1,
      maxLength: 12,
    });
    const text = fc
      .array(fc.tuple(word, fc.constantFrom(' ', '\n')), { minLength: 400, maxLength: 1500, size: 'max' })
      .map((parts) =>
        parts
          .map(([w, sep]) => w + sep)
          .join('')
          .trim(),
      );
    fc.assert(
      fc.property(text, (input) => {
        const pieces = renderReply({ text: input }, same).map((m) => (m.kind === 'text' ? m.html : ''));
        for (const piece of pieces) {
          expect(piece.length).toBeLessThanOrEqual(4096);
          expect(piece).not.toMatch(/&(?!(amp|lt|gt);)/);
        }
        expect(pieces.map(unescape).join(' ').split(/\s+/)).toEqual(input.split(/\s+/));
      }),
      fuzzParameters(60),
    );
  });

  it('sends a file with the text as its caption when the text fits 1,024 characters', () => {
    expect(
      renderReply({ text: 'Biểu đồ <tuần>', file: chart, choices: [{ label: 'Xem báo cáo', data: 'report' }] }, same),
    ).toEqual([
      {
        kind: 'file',
        file: chart,
        captionHtml: 'Biểu đồ &lt;tuần&gt;',
        keyboard: expect.objectContaining({ inline_keyboard: [[{ text: 'Xem báo cáo', callback_data: 'report' }]] }),
      },
    ]);
    expect(renderReply({ text: '', file: chart }, same)).toEqual([{ kind: 'file', file: chart }]);
  });

  it('sends a long text first and the file after it', () => {
    const text = 'Bản tin tiến độ. '.repeat(100);
    expect(renderReply({ text, file: chart }, same).map((m) => m.kind)).toEqual(['text', 'file']);
  });

  it('sends nothing for an empty reply', () => {
    expect(renderReply({ text: '  ' }, same)).toEqual([]);
  });
});
