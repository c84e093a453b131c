import JSZip from 'jszip';

/** One level of a Word list: its first number, its format ("upperRoman", "decimal", "bullet", ...) and label pattern ("%1."). */
type Level = { start: number; format: string; text: string };
type Numbering = {
  levels: Map<string, Map<number, Level>>;
  nums: Map<string, { abstract: string; starts: Map<number, number> }>;
};

const attr = (xml: string, tag: string) => new RegExp(`<w:${tag}\\b[^>]*\\bw:val="([^"]*)"`).exec(xml)?.[1];
const unescapeXml = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function readNumbering(xml: string): Numbering {
  const levels = new Map<string, Map<number, Level>>();
  for (const [, id, body] of xml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const byLevel = new Map<number, Level>();
    for (const [, ilvl, lvl] of body!.matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g))
      byLevel.set(Number(ilvl), {
        start: Number(attr(lvl!, 'start') ?? 1),
        format: attr(lvl!, 'numFmt') ?? 'decimal',
        text: unescapeXml(attr(lvl!, 'lvlText') ?? ''),
      });
    levels.set(id!, byLevel);
  }
  const nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  for (const [, id, body] of xml.matchAll(/<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g)) {
    const starts = new Map<number, number>();
    for (const [, ilvl, o] of body!.matchAll(/<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g)) {
      const start = attr(o!, 'startOverride');
      if (start !== undefined) starts.set(Number(ilvl), Number(start));
    }
    nums.set(id!, { abstract: attr(body!, 'abstractNumId') ?? '', starts });
  }
  return { levels, nums };
}

function roman(n: number): string {
  const marks: Array<[number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [value, mark] of marks) for (; n >= value; n -= value) out += mark;
  return out;
}

/** A number in a level's format: 4 → "IV" (upperRoman), "d" (lowerLetter), "04" (decimalZero), "4" otherwise. */
function formatNumber(n: number, format: string): string {
  const letter = () => String.fromCharCode(97 + ((n - 1) % 26)).repeat(Math.floor((n - 1) / 26) + 1);
  switch (format) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'upperLetter':
      return letter().toUpperCase();
    case 'lowerLetter':
      return letter();
    case 'decimalZero':
      return String(n).padStart(2, '0');
    default:
      return String(n);
  }
}

/**
 * The document's paragraph XML with Word's automatic numbering written out as text at the start of each numbered
 * paragraph ("IV. ", "2. ", "b) ", "- "), counted as Word counts: per list, a level's count restarting under each item
 * of a higher level, each level in its own format and pattern; a bullet is written "-". The paragraph's numbering
 * is taken off, so the label is read like a typed one.
 */
export function writeOutNumbering(documentXml: string, numberingXml: string): string {
  const { levels, nums } = readNumbering(numberingXml);
  const counts = new Map<string, number[]>(); // abstract list → count per level
  const seenNums = new Set<string>();
  return documentXml.replace(/<w:p\b[^>]*>[\s\S]*?<\/w:p>/g, (p) => {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(p);
    if (!numPr) return p;
    const numId = attr(numPr[1]!, 'numId') ?? '0';
    const ilvl = Number(attr(numPr[1]!, 'ilvl') ?? 0);
    const num = nums.get(numId);
    const byLevel = num && levels.get(num.abstract);
    if (!num || !byLevel) return p.replace(numPr[0], '');
    const count = counts.get(num.abstract) ?? [];
    if (!seenNums.has(numId)) {
      seenNums.add(numId);
      for (const [k, start] of num.starts) count[k] = start - 1;
    }
    count[ilvl] = (count[ilvl] ?? (byLevel.get(ilvl)?.start ?? 1) - 1) + 1;
    count.length = ilvl + 1;
    counts.set(num.abstract, count);
    const level = byLevel.get(ilvl);
    const label =
      !level || level.format === 'bullet'
        ? '-'
        : level.text.replace(/%(\d)/g, (_, k: string) => {
            const at = Number(k) - 1;
            return formatNumber(count[at] ?? byLevel.get(at)?.start ?? 1, byLevel.get(at)?.format ?? 'decimal');
          });
    const runXml = label ? `<w:r><w:t xml:space="preserve">${escapeXml(label)} </w:t></w:r>` : '';
    const withoutNumbering = p.replace(numPr[0], '');
    const afterProps = /<\/w:pPr>/.exec(withoutNumbering);
    const at = afterProps ? afterProps.index + afterProps[0].length : /<w:p\b[^>]*>/.exec(withoutNumbering)![0].length;
    return withoutNumbering.slice(0, at) + runXml + withoutNumbering.slice(at);
  });
}

/** The .docx bytes with its automatic numbering written out as text (`writeOutNumbering`), or as they were without any. */
export async function docxWithNumberingText(bytes: Buffer): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const numbering = zip.file('word/numbering.xml');
  const document = zip.file('word/document.xml');
  if (!numbering || !document) return bytes;
  zip.file('word/document.xml', writeOutNumbering(await document.async('string'), await numbering.async('string')));
  return zip.generateAsync({ type: 'nodebuffer' });
}
