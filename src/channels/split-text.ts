/**
 * Splits a reply into pieces that each fit a platform's limit, preferring line breaks, then spaces,
 * and never cutting inside a word unless one word alone is longer than the limit.
 * `measure` gives a piece's length as the platform counts it (e.g. after HTML escaping).
 */
export function splitText(text: string, limit: number, measure: (s: string) => number = (s) => s.length): string[] {
  if (limit < 1) throw new RangeError('splitText: limit must be positive');
  const pieces: string[] = [];
  let rest = text;
  while (measure(rest) > limit) {
    const cut = findCut(rest, limit, measure);
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, '');
  }
  if (rest.length > 0 || pieces.length === 0) pieces.push(rest);
  return pieces;
}

/** The longest prefix length that fits, ending at a line break, else a space, else anywhere. */
function findCut(text: string, limit: number, measure: (s: string) => number): number {
  let fit = 0;
  let low = 1;
  let high = text.length;
  // Binary search: measure is monotone in prefix length.
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (measure(text.slice(0, mid)) <= limit) {
      fit = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  const window = text.slice(0, fit);
  const newline = window.lastIndexOf('\n');
  if (newline > 0) return newline + 1;
  const space = window.lastIndexOf(' ');
  if (space > 0) return space + 1;
  // One unbroken run longer than the limit: cut it, but not between a surrogate pair.
  const code = text.charCodeAt(fit - 1);
  return code >= 0xd800 && code <= 0xdbff && fit > 1 ? fit - 1 : Math.max(fit, 1);
}
