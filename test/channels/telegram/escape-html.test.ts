import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/channels/telegram/escape-html.js';

describe('escapeHtml', () => {
  it.each([
    ['Phòng Văn hóa & Xã hội', 'Phòng Văn hóa &amp; Xã hội'],
    ['<b>không phải thẻ</b>', '&lt;b&gt;không phải thẻ&lt;/b&gt;'],
    ['&amp; đã thoát', '&amp;amp; đã thoát'],
    ['"trích dẫn" và \'nháy\'', '"trích dẫn" và \'nháy\''],
    ['Không có gì đặc biệt 😀', 'Không có gì đặc biệt 😀'],
  ])('escapes %j as %j', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});
