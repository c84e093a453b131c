import { z } from 'zod';

/** Channels the assistant speaks on. */
export const channelSchema = z.enum(['telegram', 'zalo', 'terminal']);
export type Channel = z.infer<typeof channelSchema>;

/** One message from a person, as every channel adapter hands it to the chat core. */
export const incomingMessageSchema = z.object({
  channel: channelSchema,
  /** Platform user id as a string ("123456789"); the core keys users as `tg:<id>`, `zl:<id>`, `cli:<id>`. */
  senderId: z.string().min(1).max(128),
  senderName: z.string().max(256),
  chatId: z.string().min(1).max(128),
  /** Platform message (or callback) id; with `channel` it makes a delivery idempotent. */
  messageId: z.string().min(1).max(128),
  /** The text typed, or the `data` of a pressed button. */
  text: z.string(),
  /** When the platform says it was sent. */
  sentAt: z.date(),
  /** True when the message was sent in a group chat (others read the replies); absent or false in a private chat. */
  inGroup: z.boolean().optional(),
  /** True when the text is the data of a choice button (Telegram callback, Zalo numbered answer). */
  isChoice: z.boolean().default(false),
  /** A file sent with the message (a Telegram document; `text` is then its caption), fetched only when wanted. */
  file: z
    .object({
      fileName: z.string().max(256),
      /** Bytes, as the platform says before download. */
      size: z.number().int().nonnegative(),
      download: z.custom<() => Promise<Buffer>>((v) => typeof v === 'function'),
    })
    .optional(),
});
export type IncomingMessage = z.infer<typeof incomingMessageSchema>;
/** A file sent with a message. */
export type IncomingFile = NonNullable<IncomingMessage['file']>;

/** A choice offered with a reply: Telegram renders buttons, Zalo a numbered list. */
export type Choice = {
  /** What the person reads on the button, e.g. "4. Ban hành văn bản…". */
  label: string;
  /** What comes back as `text` (with `isChoice`) when it is chosen. */
  data: string;
};

/** A file sent with a reply (report, chart). */
export type ReplyFile = {
  fileName: string;
  mimeType: string;
  content: Buffer;
  /** Photos are shown inline (charts); documents are attachments (reports). */
  kind: 'photo' | 'document';
};

/** The choice data of the two ratings of an answer (👍 helped, 👎 not right), sent back like a choice's. */
export type FeedbackChoices = { up: string; down: string };
/** An address offered with a reply (the dashboard's sign-in link); the text carries it too, for channels without buttons. */
export type ReplyLink = {
  label: string;
  url: string;
  /** The same page as a Telegram Mini App (an https address), signed in by Telegram. */
  miniApp?: { label: string; url: string };
};

/** One message back to the person. `text` is plain text; adapters escape it for their format. */
export type Reply = {
  text: string;
  choices?: Choice[];
  file?: ReplyFile;
  /**
   * An answer people may rate: Telegram shows 👍/👎 buttons, Zalo a line asking for "1" or "2" (where it fits in the
   * message and no other choice is offered); the terminal shows nothing.
   */
  feedback?: FeedbackChoices;
  link?: ReplyLink;
};

/** The chat core as adapters see it: one message in, the replies out (in order). */
export type ChatHandler = (message: IncomingMessage) => Promise<Reply[]>;
