const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Escapes plain text for Telegram's HTML parse mode: `&`, `<` and `>` are the only characters it requires escaped
 * outside attributes (https://core.telegram.org/bots/api#html-style).
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>]/g, (char) => HTML_ENTITIES[char] ?? char);
}
