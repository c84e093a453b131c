import type { ChatEvent } from './fake-telegram.js';

/** One answer: what one bot process sent while handling one delivery of an update (one or more messages). */
export type Answer = { gen: number; at: number; texts: string[] };

/** A person's stretch of the chat: from when the message before was settled until this one was. */
export type Window = { start: number; end: number };

export type Attribution = {
  /** The answers each update received, in order. */
  answers: Map<number, Answer[]>;
  /** Messages sent when no update of the chat had been delivered to that process in that stretch. */
  unattributed: Answer[];
  /** Updates whose answers could only be guessed: a process died with several of the chat's updates in hand. */
  ambiguous: Set<number>;
};

type Episode = { gen: number; texts: string[]; at: number };

/** A message the bot sent of its own accord (a scheduled digest or its chart, a reminder), not an answer. */
export type IsPushed = (event: ChatEvent) => boolean;

/** Reminders (⏰, 📅), digests (📋) and the digest's chart: what the scheduler pushes when `/digest` is never asked. */
export const SCHEDULED: IsPushed = (e) =>
  e.type === 'send' && (/^(⏰|📅|📋)/u.test(e.text) || e.text.startsWith('[sendPhoto tien-do-'));

/**
 * Tells which update each message the bot sent belongs to. A chat's updates are handled one after the other by a
 * process (grammY's sequentialize), and each handling starts with "typing…" (sendChatAction): so within a window
 * and a process, the messages after the n-th chat action belong to the n-th delivery. When fewer handlings than
 * deliveries are seen, the last deliveries are taken as the ones handled (an update delivered again is the one a
 * bot may rightly drop); when more, the extra ones go to the last delivery (it was answered more than once).
 * Messages `isPushed` tells apart (sent by the scheduler, not in answer to anything) are left out.
 */
export function attributeChat(
  events: readonly ChatEvent[],
  windows: Window[],
  isPushed: IsPushed = () => false,
): Attribution {
  const result: Attribution = { answers: new Map(), unattributed: [], ambiguous: new Set() };
  for (const window of windows) {
    const byGen = new Map<number, ChatEvent[]>();
    for (const e of events.slice(window.start, window.end))
      if (!isPushed(e)) byGen.set(e.gen, [...(byGen.get(e.gen) ?? []), e]);
    for (const slice of byGen.values()) assign(slice, byGen.size > 1, result);
  }
  return result;
}

function assign(slice: ChatEvent[], processDied: boolean, result: Attribution): void {
  const deliveries = slice.flatMap((e) => (e.type === 'deliver' ? [e.updateId] : []));
  const episodes = episodesOf(slice);
  const give = (updateId: number, episode: Episode) => {
    const list = result.answers.get(updateId) ?? [];
    if (episode.texts.length > 0) list.push({ gen: episode.gen, at: episode.at, texts: episode.texts });
    result.answers.set(updateId, list);
  };
  for (const id of deliveries) if (!result.answers.has(id)) result.answers.set(id, []);
  if (deliveries.length === 0) {
    result.unattributed.push(...episodes.filter((e) => e.texts.length > 0));
    return;
  }
  if (episodes.length <= deliveries.length) {
    const skipped = deliveries.length - episodes.length;
    episodes.forEach((episode, i) => give(deliveries[skipped + i]!, episode));
    if (skipped > 0 && deliveries.length > 1 && processDied) for (const id of deliveries) result.ambiguous.add(id);
    return;
  }
  episodes.forEach((episode, i) => give(deliveries[Math.min(i, deliveries.length - 1)]!, episode));
}

/**
 * The slice cut at each chat action; messages before the first action make an episode of their own. The bot sends
 * "typing…" without waiting for it, so its action may reach Telegram after the first reply of the same handling: an
 * action right after an episode that began without one is that episode's own, not the start of the next.
 */
function episodesOf(slice: ChatEvent[]): Episode[] {
  const episodes: Episode[] = [];
  let lacksAction = false;
  for (const e of slice) {
    if (e.type === 'deliver') continue;
    if (e.type === 'action' && lacksAction && episodes.at(-1)!.texts.length > 0) {
      lacksAction = false;
      continue;
    }
    if (e.type === 'action' || episodes.length === 0) {
      episodes.push({ gen: e.gen, texts: [], at: e.at });
      lacksAction = e.type !== 'action';
    }
    if (e.type === 'send') {
      const current = episodes.at(-1)!;
      if (current.texts.length === 0) current.at = e.at;
      current.texts.push(e.text);
    }
  }
  return episodes;
}
