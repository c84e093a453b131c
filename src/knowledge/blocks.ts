import type { Task } from './schema.js';

/** A piece of plan text with where it sits; targets, meeting rules and reporting dates are read from blocks. */
export type Block = { text: string; line: number; section: string | null; task: string | null };

/** Sentences of a block: cut after . ! ? when an upper-case letter follows. */
export function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=\p{Lu})|\n/u).map((s) => s.trim()).filter(Boolean);
}

/** Sentences already cut, by block: targets, meeting rules and reporting dates all read every block's sentences. */
const SENTENCES = new WeakMap<Block, readonly string[]>();

/** The sentences of a block ({@link sentencesOf} of its text), cut once however many readers ask. */
export function blockSentences(block: Block): readonly string[] {
  let sentences = SENTENCES.get(block);
  if (!sentences) SENTENCES.set(block, (sentences = sentencesOf(block.text)));
  return sentences;
}

/** The content and product cells of the appendix tasks, as blocks. */
export function taskBlocks(tasks: readonly Task[]): Block[] {
  return tasks.flatMap((t) =>
    [t.content, t.product].filter(Boolean).map((text) => ({ text, line: t.line, section: null, task: t.no })),
  );
}
