import type { IncomingMessage } from './types.js';

const PREFIX = { telegram: 'tg', zalo: 'zl', terminal: 'cli' } as const;

/** The key a sender is registered under: `tg:<id>`, `zl:<id>`, `cli:<id>`. */
export const userKeyOf = (m: Pick<IncomingMessage, 'channel' | 'senderId'>): string =>
  `${PREFIX[m.channel]}:${m.senderId}`;
