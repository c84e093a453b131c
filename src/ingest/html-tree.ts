/** An element of simple, well-formed HTML (as mammoth writes it): tag, attributes text, children. */
export type HtmlNode = { tag: string; attrs: string; children: Array<HtmlNode | string> };

const VOID = new Set(['br', 'img', 'hr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Text with its character references decoded ("&amp;" → "&", "&#39;" → "'"). */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, ref: string) => {
    if (ref[0] !== '#') return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return String.fromCodePoint(code);
  });
}

/** Parses HTML into a tree under a root node; unmatched closing tags are ignored. */
export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: '#root', attrs: '', children: [] };
  const stack = [root];
  const TAG = /<(\/?)([a-z][a-z0-9]*)([^>]*)>|([^<]+)/gi;
  for (const m of html.matchAll(TAG)) {
    const top = stack.at(-1)!;
    if (m[4] !== undefined) top.children.push(decodeEntities(m[4]));
    else if (m[1]) {
      const at = stack.map((n) => n.tag).lastIndexOf(m[2]!.toLowerCase());
      if (at > 0) stack.length = at;
    } else {
      const node: HtmlNode = { tag: m[2]!.toLowerCase(), attrs: m[3] ?? '', children: [] };
      top.children.push(node);
      if (!VOID.has(node.tag) && !m[3]?.endsWith('/')) stack.push(node);
    }
  }
  return root;
}
