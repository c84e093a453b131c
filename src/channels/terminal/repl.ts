import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { ChatHandler, Choice, Reply, ReplyFile } from '../../chat/index.js';
import { BOT_APOLOGY, LOCAL_ADMIN_NAME, TERMINAL_BANNER, TERMINAL_EMPTY_LINE } from '../../messages/index.js';

export type TerminalChatOptions = {
  /** The chat core. */
  handle: ChatHandler;
  input: Readable;
  output: Writable;
  /** Platform id of the person at the keyboard (default "local": user key `cli:local`). */
  senderId?: string;
  /** The name a `/start` from the terminal registers (default the local admin's, in Vietnamese). */
  senderName?: string;
  /** Called when a message fails, before the apology is shown (e.g. to log it). */
  onError?: (err: unknown) => void;
  /** Keeps a file sent with a reply (report, chart) and returns where, shown instead of the bare file name. */
  saveFile?: (file: ReplyFile) => string;
};

const PROMPT = '> ';

/** Replies as plain text; choices numbered so the answer "2" picks the second. */
export function renderReplies(replies: Reply[], saveFile: (file: ReplyFile) => string = (f) => f.fileName): string {
  return replies
    .map((r) =>
      [
        r.text,
        ...(r.choices ?? []).map((c, i) => `  ${i + 1}) ${c.label}`),
        ...(r.file ? [`  📎 ${saveFile(r.file)}`] : []),
      ].join('\n'),
    )
    .join('\n\n');
}

/**
 * The no-token local chat (`npm start` without bot tokens): each line typed is a message of
 * `cli:<senderId>`; a number answers the choices shown last. Resolves when the input ends.
 */
export async function runTerminalChat(options: TerminalChatOptions): Promise<void> {
  const { handle, input, output, senderId = 'local', senderName = LOCAL_ADMIN_NAME } = options;
  // Message ids must stay unique across runs: the store applies a (channel, message id) once.
  const run = randomUUID();
  let seq = 0;
  let choices: Choice[] = [];
  output.write(`${TERMINAL_BANNER}\n${PROMPT}`);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    const text = line.trim();
    if (text === '') {
      output.write(`${TERMINAL_EMPTY_LINE}\n${PROMPT}`);
      continue;
    }
    const picked = /^\d{1,3}$/.test(text) ? choices[Number(text) - 1] : undefined;
    const message = {
      channel: 'terminal' as const,
      senderId,
      senderName,
      chatId: senderId,
      messageId: `${run}-${++seq}`,
      sentAt: new Date(),
    };
    const replies = await handle({ ...message, text: picked?.data ?? text, isChoice: picked !== undefined }).catch(
      (err: unknown): Reply[] => {
        options.onError?.(err);
        return [{ text: BOT_APOLOGY }];
      },
    );
    choices = replies.flatMap((r) => r.choices ?? []);
    output.write(`${renderReplies(replies, options.saveFile)}\n${PROMPT}`);
  }
}
