import { foldCase } from '../../text/index.js';
import { LEVEL_WORDS } from './lexicon.js';

const MAX_NAME_WORDS = 4;
const capitalized = (word: string) => /^\p{Lu}/u.test(word);
const clean = (word: string) => word.replace(/[.,;:!?()"“”]+$/u, '').replace(/^[("“]+/u, '');

/**
 * A place the question names as written, a level word then capitalized words: "thành phố Hà Nội",
 * "tỉnh Bắc Ninh" (null when none). Used to tell that a question is about a place no plan covers.
 */
export function readPlaceName(text: string): string | null {
  const words = text.split(/\s+/).map(clean).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    for (const level of LEVEL_WORDS) {
      const n = level.split(' ').length;
      if (foldCase(words.slice(i, i + n).join(' ')) !== level) continue;
      const name: string[] = [];
      for (let k = i + n; k < words.length && name.length < MAX_NAME_WORDS && capitalized(words[k]!); k++)
        name.push(words[k]!);
      if (name.length > 0) return [...words.slice(i, i + n), ...name].join(' ');
    }
  }
  return null;
}
