/** Telegram's limit for a message text, in UTF-16 units after entity parsing. */
export const TEXT_LIMIT = 4096;
/** Telegram's limit for a photo or document caption. */
export const CAPTION_LIMIT = 1024;

const TAGS = new Set([
  'b',
  'strong',
  'i',
  'em',
  'u',
  'ins',
  's',
  'strike',
  'del',
  'span',
  'tg-spoiler',
  'a',
  'tg-emoji',
  'code',
  'pre',
  'blockquote',
]);
const TOKEN = /<(\/?)([a-z-]+)(?:\s[^<>]*)?>|&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});|[<&]/gi;
const ENTITY: Record<string, string> = { '&lt;': '<', '&gt;': '>', '&amp;': '&', '&quot;': '"' };

/** The text a person sees, or why Telegram refuses the markup ("can't parse entities: ..."). */
export type Parsed = { ok: true; plain: string } | { ok: false; problem: string };

const decode = (entity: string) =>
  ENTITY[entity.toLowerCase()] ??
  String.fromCodePoint(Number(entity.startsWith('&#x') ? `0x${entity.slice(3, -1)}` : entity.slice(2, -1)));

/**
 * Reads a text sent with `parse_mode: 'HTML'` as Telegram does: every `<` and `&` must start a supported tag or an
 * entity, tags must balance; gives the plain text (tags removed, entities decoded) that limits are measured on.
 */
export function parseHtml(html: string): Parsed {
  const open: string[] = [];
  let plain = '';
  let last = 0;
  for (const m of html.matchAll(TOKEN)) {
    plain += html.slice(last, m.index);
    last = m.index + m[0].length;
    const [token, closing, tag] = m;
    if (tag === undefined) {
      if (token === '<' || token === '&')
        return { ok: false, problem: `can't parse entities: unexpected "${token}" at byte offset ${m.index}` };
      plain += decode(token);
      continue;
    }
    const name = tag.toLowerCase();
    if (!TAGS.has(name))
      return { ok: false, problem: `can't parse entities: unsupported start tag "${name}" at byte offset ${m.index}` };
    if (!closing) open.push(name);
    else if (open.pop() !== name)
      return { ok: false, problem: `can't parse entities: unexpected end tag at byte offset ${m.index}` };
  }
  if (open.length > 0)
    return {
      ok: false,
      problem: `can't parse entities: can't find end tag corresponding to start tag "${open.at(-1)}"`,
    };
  return { ok: true, plain: plain + html.slice(last) };
}

/**
 * Why Telegram would refuse this message text or caption ("message is too long", ...), or undefined when it is
 * accepted. A caption may be empty; a message text may not.
 */
export function textProblem(text: string, parseMode: unknown, kind: 'text' | 'caption'): string | undefined {
  if (kind === 'caption' && text === '') return undefined;
  const parsed: Parsed = parseMode === 'HTML' ? parseHtml(text) : { ok: true, plain: text };
  if (!parsed.ok) return parsed.problem;
  if (kind === 'text' && parsed.plain.trim() === '') return 'message text is empty';
  if (kind === 'text' && parsed.plain.length > TEXT_LIMIT) return 'message is too long';
  return kind === 'caption' && parsed.plain.length > CAPTION_LIMIT ? 'message caption is too long' : undefined;
}
