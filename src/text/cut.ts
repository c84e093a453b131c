/**
 * `text` cut at the end of a word to at most `max` characters, then "…" (trailing ",;:." dropped); `text` itself
 * when it is no longer. Only a first word longer than `max` is cut inside the word.
 */
export function cutAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max);
  const head = /\s/u.test(text.charAt(max)) ? room : room.replace(/\s+\S*$/u, '');
  return `${head.replace(/[\s,;:.]+$/u, '') || room}…`;
}
