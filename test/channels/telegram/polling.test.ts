import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChatHandler, IncomingMessage } from '../../../src/chat/index.js';
import { createTelegramBot, startTelegramPolling, type TelegramPolling } from '../../../src/channels/telegram/index.js';
import {
  captureLog,
  startTelegramServer,
  type LogCapture,
  type TelegramTestServer,
} from '../../support/telegram-server.js';

let server: TelegramTestServer;
let polling: TelegramPolling | undefined;
let log: LogCapture;
let received: IncomingMessage[];

/** Starts the bot with a chat core stub that records what it gets and answers with `answer(message)`. */
async function startBot(answer: ChatHandler): Promise<void> {
  const handle: ChatHandler = async (message) => {
    received.push(message);
    return answer(message);
  };
  polling = await startTelegramPolling(
    createTelegramBot({ token: server.token, apiRoot: server.apiRoot, handle, log }),
  );
}

beforeEach(async () => {
  server = await startTelegramServer();
  log = captureLog();
  received = [];
});
afterEach(async () => {
  await polling?.stop();
  polling = undefined;
  await server.stop();
});

describe('startTelegramPolling', () => {
  it('answers a question in a private chat, escaped for HTML, with "typing…" shown first', async () => {
    await startBot(async () => [{ text: 'Nhiệm vụ 4 do <Phòng Văn hóa & Xã hội> chủ trì.' }]);
    const user = server.user({ userId: 42, firstName: 'Lan' });
    await user.send('Ai chủ trì nhiệm vụ 4?');

    const [reply] = await user.replies(1);
    expect(reply).toMatchObject({
      text: 'Nhiệm vụ 4 do &lt;Phòng Văn hóa &amp; Xã hội&gt; chủ trì.',
      parseMode: 'HTML',
    });
    expect(received[0]).toMatchObject({
      channel: 'telegram',
      senderId: '42',
      senderName: 'Lan',
      chatId: '42',
      text: 'Ai chủ trì nhiệm vụ 4?',
      isChoice: false,
    });
    expect(JSON.parse((await server.waitForCalls('sendChatAction'))[0]!.body)).toEqual({
      chat_id: '42',
      action: 'typing',
    });
  });

  it('registers the Vietnamese command menu at start', async () => {
    await startBot(async () => []);
    const [call] = await server.waitForCalls('setMyCommands');
    const commands = (JSON.parse(call!.body) as { commands: Array<{ command: string }> }).commands.map(
      (c) => c.command,
    );
    expect(commands).toEqual(['hoi', 'capnhat', 'tiendo', 'viec', 'quahan', 'digest', 'bangdieukhien', 'trogiup']);
    expect(call!.body).toContain('Cập nhật tiến độ một nhiệm vụ');
  });

  it('logs one info line per handled update with channel, user, intent and its times, and never the token', async () => {
    await startBot(async () => [{ text: 'Đã nhận.' }]);
    const user = server.user({ userId: 7 });
    await user.send('/capnhat 4 xong');
    await user.replies(1);
    await polling!.stop();

    const handled = log.lines.filter((l) => l.msg === 'telegram: update handled');
    expect(handled).toHaveLength(1);
    expect(handled[0]).toMatchObject({ level: 'info', fields: { channel: 'telegram', userId: 7, intent: 'capnhat' } });
    // In all, waiting for the chat's earlier updates, and the chat core's own work.
    const { ms, queuedMs, coreMs } = handled[0]!.fields as Record<string, number>;
    expect([ms, queuedMs, coreMs]).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
    expect(queuedMs! + coreMs!).toBeLessThanOrEqual(ms! + 1);
    expect(JSON.stringify(log.lines)).not.toContain(server.token);
  });

  it('shows choices as inline buttons and hands the pressed button’s data to the core as a choice', async () => {
    const longData = `update:task=4:status=${'đang thực hiện'.repeat(5)}`;
    await startBot(async (message) =>
      message.isChoice
        ? [{ text: `Bạn chọn: ${message.text}` }]
        : [
            {
              text: 'Chọn trạng thái:',
              choices: [
                { label: 'Hoàn thành', data: 'status:done' },
                { label: 'Đang thực hiện', data: longData },
              ],
            },
          ],
    );
    const user = server.user({ userId: 5 });
    await user.send('/capnhat 4');
    const [question] = await user.replies(1);
    expect(question!.buttons.map((row) => row.map((b) => b.text))).toEqual([['Hoàn thành'], ['Đang thực hiện']]);
    expect(Buffer.byteLength(question!.buttons[1]![0]!.callback_data)).toBeLessThanOrEqual(64);

    await user.press(question!, 'Hoàn thành');
    expect((await user.replies(1))[0]!.text).toBe('Bạn chọn: status:done');
    await user.press(question!, 'Đang thực hiện');
    expect((await user.replies(1))[0]!.text).toBe(`Bạn chọn: ${longData}`);

    expect(received.slice(1)).toMatchObject([
      { isChoice: true, text: 'status:done', senderId: '5', chatId: '5', messageId: expect.stringMatching(/^cb:/) },
      { isChoice: true, text: longData },
    ]);
    expect(received[1]!.messageId).not.toBe(received[2]!.messageId);
    expect(await server.waitForCalls('answerCallbackQuery', 2)).toHaveLength(2);
  });

  it('splits a 5,000-character answer on line breaks into messages within 4,096 characters', async () => {
    const lines = Array.from(
      { length: 110 },
      (_, i) => `${String(i + 1).padStart(3, '0')}. Nhiệm vụ & kết quả <báo cáo> của đơn vị ${i}`,
    );
    const answer = lines.join('\n');
    expect(answer.length).toBeGreaterThan(5000);
    await startBot(async () => [{ text: answer }]);
    const user = server.user();
    await user.send('việc nào đến hạn?');

    const pieces = await user.replies(2);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(4096);
    const unescaped = pieces.map((p) =>
      p.text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'),
    );
    expect(unescaped.join('\n')).toBe(answer);
  });

  it('retries a reply refused with 429 after the retry_after the server gave', async () => {
    server.failNext('sendMessage', { status: 429, retryAfter: 1 });
    await startBot(async () => [{ text: 'Trả lời sau khi chờ.' }]);
    const user = server.user();
    await user.send('hỏi');

    expect((await user.replies(1))[0]!.text).toBe('Trả lời sau khi chờ.');
    expect(server.calls('sendMessage')).toHaveLength(2);
    expect(log.lines.find((l) => l.msg === 'telegram: API call failed')).toMatchObject({
      level: 'warn',
      fields: { method: 'sendMessage', errorCode: 429, retryAfter: 1 },
    });
  });

  it('keeps polling through a server error on getUpdates', async () => {
    await startBot(async (message) => [{ text: `Đã nhận: ${message.text}` }]);
    await server.waitForCalls('getUpdates');
    server.failNext('getUpdates', { status: 500 });
    const user = server.user();
    await user.send('còn đó không?');

    expect((await user.replies(1))[0]!.text).toBe('Đã nhận: còn đó không?');
    expect(log.lines.some((l) => l.fields.method === 'getUpdates' && l.fields.errorCode === 500)).toBe(true);
  });

  it('apologises when the core fails and goes on answering the next message', async () => {
    await startBot(async (message) => {
      if (message.text === 'hỏng') throw new Error('core bug');
      return [{ text: 'Vẫn chạy.' }];
    });
    const user = server.user();
    await user.send('hỏng');
    expect((await user.replies(1))[0]!.text).toBe(
      'Xin lỗi, trợ lý đang gặp sự cố khi xử lý tin nhắn này. Bạn vui lòng thử lại sau ít phút.',
    );
    await user.send('còn chạy không?');
    expect((await user.replies(1))[0]!.text).toBe('Vẫn chạy.');
    expect(log.lines.find((l) => l.level === 'error')).toMatchObject({
      msg: 'telegram: update failed',
      fields: { channel: 'telegram' },
    });
  });

  it('sends a chart as a photo and a report as a document', async () => {
    await startBot(async () => [
      {
        text: 'Biểu đồ tiến độ',
        file: { fileName: 'tien-do.png', mimeType: 'image/png', content: Buffer.from('png'), kind: 'photo' },
      },
      {
        text: '',
        file: {
          fileName: 'bao-cao.xlsx',
          mimeType: 'application/vnd.ms-excel',
          content: Buffer.from('xlsx'),
          kind: 'document',
        },
      },
    ]);
    const user = server.user();
    await user.send('/digest');
    const [photo, document] = await user.replies(2);
    expect(photo).toMatchObject({ text: 'Biểu đồ tiến độ', file: { method: 'sendPhoto', fileName: 'tien-do.png' } });
    expect(document).toMatchObject({ text: '', file: { method: 'sendDocument', fileName: 'bao-cao.xlsx' } });
  });

  it('in a group, answers commands, mentions and replies to the bot, and ignores other talk', async () => {
    await startBot(async (message) => [{ text: `Đã nhận: ${message.text}` }]);
    const member = server.user({ userId: 9, group: true });
    await member.send('chào cả nhà');
    await member.send('@TestNameBot ai chủ trì nhiệm vụ 4?');
    const [first] = await member.replies(1);
    expect(first!.text).toBe('Đã nhận: ai chủ trì nhiệm vụ 4?');
    await member.send('/quahan@TestNameBot');
    expect((await member.replies(1))[0]!.text).toBe('Đã nhận: /quahan');
    await member.send('còn nhiệm vụ 5?', { replyTo: first! });
    expect((await member.replies(1))[0]!.text).toBe('Đã nhận: còn nhiệm vụ 5?');
    expect(received.map((m) => m.text)).toEqual(['ai chủ trì nhiệm vụ 4?', '/quahan', 'còn nhiệm vụ 5?']);
    expect(received[0]!.chatId).toBe(String(member.chatId));
  });
});
