import type { Section } from './schema.js';
import { agencyHead } from './agency.js';
import type { Block } from './blocks.js';
import type { DocLine } from './doc-lines.js';

type Kind = Section['kind'];
/** Markers in rank order: a marker nests under any marker of lower rank ("+" bullets under "-" bullets). */
const MARKERS: ReadonlyArray<{ kind: Kind; rank: number; pattern: RegExp }> = [
  { kind: 'roman', rank: 0, pattern: /^(?:PHẦN\s+)?([IVXL]+)\s*[.)\-–:]\s*(\S.*)$/u },
  { kind: 'number', rank: 1, pattern: /^(\d{1,2}(?:\.\d{1,2})*)\s*[.)]\s+(\S.*)$/u },
  { kind: 'letter', rank: 2, pattern: /^([a-zđ])\s*[.)]\s+(\S.*)$/u },
  { kind: 'bullet', rank: 3, pattern: /^()[-–—•●▪○◦]\s*(\S.*)$/u },
  { kind: 'bullet', rank: 4, pattern: /^()\+\s*(\S.*)$/u },
];

/** A marked line is a heading (its words are the title) when short and not ending a sentence. */
const isHeading = (kind: Kind, rest: string) => kind !== 'bullet' && rest.length <= 160 && !/[.;]["”)]*$/u.test(rest);

type Marked = { kind: Kind; rank: number; label: string; rest: string };

function classify(text: string): Marked | null {
  for (const { kind, rank, pattern } of MARKERS) {
    const m = pattern.exec(text);
    if (m) return { kind, rank, label: m[1]!, rest: m[2]! };
  }
  return null;
}

type Open = { section: Section; rank: number; bullets: number; paragraphs: number };

class Tree {
  readonly sections: Section[] = [];
  readonly blocks: Block[] = [];
  private stack: Open[] = [];

  add({ kind, rank, label, rest }: Marked, line: number): void {
    while (this.stack.length && this.stack.at(-1)!.rank >= rank) this.stack.pop();
    const parent = this.stack.at(-1);
    const segment = !parent ? label : kind === 'bullet' ? String(++parent.bullets) : kind === 'paragraph' ? `p${++parent.paragraphs}` : label;
    let path = parent ? `${parent.section.path}.${segment}` : segment;
    while (this.sections.some((s) => s.path === path)) path += "'";
    const heading = isHeading(kind, rest);
    const title = heading ? rest.replace(/:$/, '').trim() : '';
    const section: Section = { path, parent: parent?.section.path ?? null, kind, title, text: heading ? '' : rest, line };
    this.sections.push(section);
    this.stack.push({ section, rank, bullets: 0, paragraphs: 0 });
    this.blocks.push({ text: rest, line, section: path, task: null });
  }

  addText(text: string, line: number): void {
    const holder = [...this.stack].reverse().find((o) => o.section.kind !== 'bullet');
    if (holder) holder.section.text = holder.section.text ? `${holder.section.text}\n${text}` : text;
    this.blocks.push({ text, line, section: holder?.section.path ?? null, task: null });
  }

  /** Text that belongs to the document, not to any section (the closing paragraph, an appendix note). */
  addLoose(text: string, line: number): void {
    this.blocks.push({ text, line, section: null, task: null });
  }

  started(): boolean {
    return this.sections.length > 0;
  }
}

/** The closing paragraph of a Vietnamese administrative document ends with the mark "./.". */
const CLOSING = /\.\/\.\s*$/u;
/** "(Có Phụ lục phân công nhiệm vụ kèm theo)": a note on the appendix, not text of the section above it. */
const APPENDIX_NOTE = /^\(?\s*Có\s.{0,80}kèm theo\s*\)?\s*\.?\s*$/iu;

/**
 * A plan numbered without Roman headings starts its body at an upper-case numbered heading ("1. MỤC ĐÍCH, YÊU CẦU");
 * a plan with them, at the first Roman heading.
 */
const opensBody = ({ kind, label, rest }: Marked) =>
  kind === 'roman' ||
  (kind === 'number' && !label.includes('.') && /\p{Lu}/u.test(rest) && rest === rest.toLocaleUpperCase('vi'));

/** An unmarked short line naming only an agency ("Sở Nội vụ:", bold in the source) heads the bullets below it. */
function agencyLine(text: string): Marked | null {
  const name = text.replace(/:$/, '').trim();
  if (name.length > 100 || /[.;]$/u.test(name) || agencyHead(name, true) !== name) return null;
  return { kind: 'paragraph', rank: 2.5, label: '', rest: text };
}

/**
 * Builds the section tree of a plan body: Roman numerals, numbers, letters and bullets, with stable paths
 * such as "II.4.b.2", and unmarked agency lines ("IV.p1"). Lines before the first Roman heading (in a plan with none,
 * the first upper-case numbered heading) come back as blocks with no section.
 */
export function parseSections(lines: readonly DocLine[]): { sections: Section[]; blocks: Block[] } {
  const tree = new Tree();
  let closed = false;
  for (const { text, line } of lines) {
    const marked = classify(text) ?? (tree.started() ? agencyLine(text) : null);
    // After the closing paragraph ("Trên đây là Kế hoạch ... ./.") nothing belongs to the last section.
    closed ||= !marked && CLOSING.test(text);
    if (closed || (!marked && APPENDIX_NOTE.test(text))) tree.addLoose(text, line);
    else if (marked && (tree.started() || opensBody(marked))) tree.add(marked, line);
    else tree.addText(text, line);
  }
  return { sections: tree.sections, blocks: tree.blocks };
}
