/**
 * Some converters write tables as HTML (`<table><tr><td>...</td></tr></table>`). Each `<tr>` becomes one
 * tab-separated line at the line where it starts; blank lines keep the other line numbers in place.
 */
export function htmlTablesToRows(lines: readonly string[]): string[] {
  const text = lines.join('\n');
  if (!/<tr[\s>]/i.test(text)) return [...lines];
  const out = text.replace(/<tr[\s>][\s\S]*?<\/tr>/gi, (row) => {
    const cells = [...row.matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/gi)].map((m) => m[1]!.replace(/\s+/g, ' ').trim());
    const breaks = (row.match(/\n/g) ?? []).length;
    return `${cells.join('\t')}${'\n'.repeat(breaks)}`;
  });
  return out.replace(/<\/?(table|thead|tbody)[^>]*>/gi, '').split('\n');
}
