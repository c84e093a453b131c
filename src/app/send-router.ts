import type { Reply } from '../chat/index.js';
import type { Send } from '../scheduler/index.js';

/** Sends replies to one chat of a channel; resolves to how many platform messages went out. */
export type ChannelSender = (chatId: string, replies: Reply[]) => Promise<number>;

const PREFIXES = { 'tg:': 'telegram', 'zl:': 'zalo' } as const;

/**
 * The scheduler's `send` port: a user key `tg:<id>` goes to Telegram, `zl:<id>` to Zalo. Throws when the person's
 * channel is not running or a text did not go out, so the notification log records the failure and tries again later.
 */
export function createSendRouter(senders: Partial<Record<'telegram' | 'zalo', ChannelSender>>): Send {
  return async (recipient, reply) => {
    const prefix = recipient.slice(0, 3) as keyof typeof PREFIXES;
    const channel = PREFIXES[prefix];
    const sender = channel ? senders[channel] : undefined;
    if (!sender) throw new Error(`send: no running channel for ${recipient}`);
    const sent = await sender(recipient.slice(3), [reply]);
    // A picture may be left out on purpose (Zalo without a public address); a text that did not go out failed.
    if (sent === 0 && !reply.file && reply.text !== '') throw new Error(`send: nothing went out to ${recipient}`);
  };
}
