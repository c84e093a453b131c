import type { Choice } from '../../chat/index.js';

/** Remembers, per chat, the numbered choices last shown, so the answer "2" can be read back as that choice's data. */
export type ChoiceMemory = {
  /** Stores the choices just shown in a chat (an empty list forgets them). */
  remember(chatId: string, choices: readonly Choice[]): void;
  /** The data of the choice a numbered answer picks, or undefined when the text is not such an answer. */
  pick(chatId: string, text: string): string | undefined;
};

const NUMBERED_ANSWER = /^\s*\[?\s*(\d{1,3})\s*[\].)]?\s*$/;

/** An in-memory ChoiceMemory holding at most `capacity` chats (oldest forgotten first). */
export function createChoiceMemory(capacity = 10_000): ChoiceMemory {
  const byChat = new Map<string, readonly Choice[]>();
  return {
    remember(chatId, choices) {
      byChat.delete(chatId);
      if (choices.length === 0) return;
      byChat.set(chatId, choices);
      if (byChat.size > capacity) byChat.delete(byChat.keys().next().value!);
    },
    pick(chatId, text) {
      const match = NUMBERED_ANSWER.exec(text);
      const choices = byChat.get(chatId);
      if (!match || !choices) return undefined;
      return choices[Number(match[1]) - 1]?.data;
    },
  };
}
