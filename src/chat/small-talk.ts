import { tokenize } from '../text/index.js';
import { SMALL_TALK, SMALL_TALK_FILLERS } from './lexicon.js';

type SmallTalkKind = (typeof SMALL_TALK)[number]['kind'];

/** Every start of `phrase` (folded words) in `words`. */
function startsOf(words: readonly string[], phrase: string): number[] {
  const parts = phrase.split(' ');
  return words.flatMap((_, i) => (parts.every((p, k) => words[i + k] === p) ? [i] : []));
}

/**
 * The kind of small talk a message is ("chào bạn", "cảm ơn nhé", "bạn là ai?", "giúp gì được"), or null when it says
 * anything more (a question about the plans).
 */
export function smallTalkOf(text: string): SmallTalkKind | null {
  const words = tokenize(text);
  if (words.length === 0) return null;
  const covered = words.map(() => false);
  let kind: SmallTalkKind | null = null;
  for (const entry of SMALL_TALK) {
    for (const phrase of entry.words) {
      for (const at of startsOf(words, phrase)) {
        phrase.split(' ').forEach((_, k) => (covered[at + k] = true));
        kind ??= entry.kind;
      }
    }
  }
  return kind !== null && words.every((w, i) => covered[i] || SMALL_TALK_FILLERS.has(w)) ? kind : null;
}
