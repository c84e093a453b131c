import { describe, expect, it } from 'vitest';
import { renderReply } from '../../../src/channels/zalo/render.js';
import type { ReplyFile } from '../../../src/chat/index.js';

const chart: ReplyFile = { fileName: 'tien-do.png', mimeType: 'image/png', content: Buffer.from('png'), kind: 'photo' };
const report: ReplyFile = {
  fileName: 'bao-cao.xlsx',
  mimeType: 'application/vnd.ms-excel',
  content: Buffer.from('x'),
  kind: 'document',
};

describe('renderReply', () => {
  it('sends a short text as one message', () => {
    expect(renderReply({ text: 'Nhiệm vụ 4 do Sở Tư pháp chủ trì.' })).toEqual([
      { kind: 'text', text: 'Nhiệm vụ 4 do Sở Tư pháp chủ trì.' },
    ]);
  });

  it('appends choices as a numbered list', () => {
    const out = renderReply({
      text: 'Trạng thái mới?',
      choices: [
        { label: 'Đang thực hiện', data: 's:1' },
        { label: 'Hoàn thành', data: 's:2' },
      ],
    });
    expect(out).toEqual([
      {
        kind: 'text',
        text: 'Trạng thái mới?\n\nTrả lời bằng số trong ngoặc [ ] để chọn:\n[1] Đang thực hiện\n[2] Hoàn thành',
      },
    ]);
  });

  it('splits text over 2,000 characters on line breaks, never inside a word', () => {
    const line = 'Sở Nội vụ chủ trì rà soát.'.padEnd(99, '.');
    const text = Array.from({ length: 50 }, () => line).join('\n');
    const pieces = renderReply({ text }).map((o) => (o.kind === 'text' ? o.text : ''));
    expect(pieces.map((p) => p.length)).toEqual([1999, 1999, 999]);
    expect(pieces.join('\n')).toBe(text);
  });

  it('sends a photo by its public URL after the text', () => {
    expect(renderReply({ text: 'Biểu đồ tiến độ', file: chart }, 'https://example.org/c.png')).toEqual([
      { kind: 'text', text: 'Biểu đồ tiến độ' },
      { kind: 'photo', url: 'https://example.org/c.png' },
    ]);
  });

  it('leaves out a photo that has no public URL together with its caption', () => {
    expect(renderReply({ text: 'Biểu đồ tiến độ', file: chart })).toEqual([]);
  });

  it('replaces a document by a note saying where to get it', () => {
    expect(renderReply({ text: '', file: report })).toEqual([
      {
        kind: 'text',
        text: 'Tệp «bao-cao.xlsx» không gửi được qua Zalo. Bạn nhận tệp này qua Telegram hoặc bằng lệnh trên máy (terminal).',
      },
    ]);
    expect(renderReply({ text: '', file: report }, 'https://example.org/r.xlsx')).toEqual([
      { kind: 'text', text: 'Tệp «bao-cao.xlsx»: https://example.org/r.xlsx' },
    ]);
  });
});

const LINE = '(Gõ 1 nếu hữu ích, 2 nếu chưa đúng)';
const feedback = { up: 'fb:3:u', down: 'fb:3:d' };

describe('renderReply: the rating line', () => {
  it('goes under an answer that may be rated, in the same message', () => {
    expect(renderReply({ text: 'Chủ trì: Phòng Văn hóa - Xã hội.', feedback })).toEqual([
      { kind: 'text', text: `Chủ trì: Phòng Văn hóa - Xã hội.\n${LINE}` },
    ]);
  });

  it('stays away where it would get in the way: other choices offered, or no room left in the one message', () => {
    const choices = [{ label: 'Có, lưu', data: 'ok' }];
    expect(JSON.stringify(renderReply({ text: 'Lưu?', choices, feedback }))).not.toContain(LINE);
    const full = 'x'.repeat(1990);
    expect(renderReply({ text: full, feedback })).toEqual([{ kind: 'text', text: full }]);
  });

  it('is not shown without a rating to give', () => {
    expect(renderReply({ text: 'Xin chào anh/chị!' })).toEqual([{ kind: 'text', text: 'Xin chào anh/chị!' }]);
  });
});
