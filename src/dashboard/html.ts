/** Markup that is already safe: made by the `markup` tag, never from user text directly. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML element content and quoted attribute values. */
export const escapeText = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** What may stand in a `markup` template: text (escaped), numbers, Html (as is), lists of them; null/false/undefined print nothing. */
export type Part = string | number | Html | null | undefined | false | readonly Part[];

const render = (part: Part): string => {
  if (part === null || part === undefined || part === false) return '';
  if (part instanceof Html) return part.text;
  if (Array.isArray(part)) return part.map(render).join('');
  return escapeText(String(part));
};

/**
 * The only way pages make markup: every interpolated value is escaped unless it is itself `Html`, so a note
 * "<script>…" prints as text. `markup`<td>${task.content}</td>``.
 */
export function markup(strings: TemplateStringsArray, ...parts: Part[]): Html {
  let out = strings[0]!;
  parts.forEach((part, i) => (out += render(part) + strings[i + 1]!));
  return new Html(out);
}

/** A query string from the values set (empty ones left out): `query({ status: 'overdue', page: 2 })` → "?status=overdue&page=2". */
export function query(values: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '') params.set(k, String(v));
  const s = params.toString();
  return s ? `?${s}` : '';
}
