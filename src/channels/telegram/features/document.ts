import { Composer } from 'grammy';
import type { Document } from 'grammy/types';
import { answer, type AnswerDeps } from '../answer.js';
import type { TelegramContext } from '../context.js';
import { documentToIncoming } from '../to-message.js';

/** Where a file Telegram holds is downloaded from: `<apiRoot>/file/bot<token>/<file_path>` (the token stays out of logs). */
export type FileUrl = (filePath: string) => string;

/** Downloads a document through getFile and the Bot API's file endpoint; a failure says only the status. */
const downloader = (ctx: TelegramContext, document: Document, fileUrl: FileUrl) => async (): Promise<Buffer> => {
  const file = await ctx.api.getFile(document.file_id);
  if (!file.file_path) throw new Error('Telegram: getFile gave no file_path');
  const response = await fetch(fileUrl(file.file_path));
  if (!response.ok) throw new Error(`Telegram: file download failed (${response.status})`);
  return Buffer.from(await response.arrayBuffer());
};

/** A document sent in a private chat goes to the chat core with a way to fetch it (a plan file from an admin). */
export function documentFeature(deps: AnswerDeps & { fileUrl: FileUrl }): Composer<TelegramContext> {
  const composer = new Composer<TelegramContext>();
  composer.chatType('private').on('message:document', async (ctx) => {
    const incoming = documentToIncoming(ctx.msg, ctx.msg.document, downloader(ctx, ctx.msg.document, deps.fileUrl));
    if (incoming) await answer(ctx, incoming, deps);
  });
  return composer;
}
