import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportCommandId } from '../../src/chat/index.js';
import {
  BOT_COMMANDS,
  COMMAND_IDS,
  COMMANDS,
  commandWords,
  helpLine,
  unknownCommandText,
  type CommandId,
} from '../../src/messages/index.js';
import { UNDO_WINDOW_MINUTES } from '../../src/tasks/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

const REPORT_IDS = ['digest', 'subscribe', 'unsubscribe', 'report', 'figures'] as const satisfies ReportCommandId[];
const ran = (id: string) => `ran ${id}`;

let h: ChatHarness;
const admin = { id: '1', name: 'Quản trị' };
const guest = { id: '2' };

beforeEach(async () => {
  h = createChatHarness({
    reportCommands: Object.fromEntries(REPORT_IDS.map((id) => [id, () => [{ text: ran(id) }]])),
  });
  await h.register(admin, { plan: 'nhi-chieu', role: 'admin' });
});
afterEach(() => h.cleanup());

/** The command words a text shows: "/capnhat" in "• /capnhat <số> …", "/hoi" in "• Hỏi …, hoặc /hoi <câu hỏi>". */
const wordsIn = (text: string) => [...text.matchAll(/(?<![\w/])\/([a-z_]+)/g)].map((m) => m[1]!);

const isDispatched = async (word: string) => (await h.say(admin, `/${word}`)) !== unknownCommandText(word);

describe('the command list (help, menu and dispatcher from one list)', () => {
  it.each(COMMAND_IDS.flatMap((id) => commandWords(id).map((word) => [word, id] as const)))(
    '/%s is dispatched (%s)',
    async (word, id) => {
      const reply = await h.say(admin, `/${word}`);
      expect(reply).not.toBe(unknownCommandText(word));
      // The digest and report words run the handler given for their id, the others a built-in one.
      if ((REPORT_IDS as readonly CommandId[]).includes(id)) expect(reply).toBe(ran(id));
      else expect(REPORT_IDS.map(ran)).not.toContain(reply);
    },
  );

  it('/trogiup lists every command that has help, for an admin, a registered user and anyone else', async () => {
    const officer = { id: '3', name: 'Lan' };
    await h.register(officer, { plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
    for (const [who, audience] of [
      [admin, 'admin'],
      [officer, 'registered'],
      [guest, 'guest'],
    ] as const) {
      const help = await h.say(who, '/trogiup');
      const entries = help.split('\n• ').slice(1);
      const expected = COMMAND_IDS.flatMap((id) => helpLine(id, audience, { undoMinutes: UNDO_WINDOW_MINUTES }) ?? []);
      expect(entries).toEqual(expected);
      const addPlan = '/themkehoach — thêm hoặc thay một kế hoạch (chỉ quản trị viên)';
      if (audience === 'admin') expect(entries).toContain(addPlan);
      else expect(help).not.toContain('/themkehoach');
    }
  });

  it('every command /trogiup shows is dispatched', async () => {
    const shown = wordsIn((await h.say(guest, '/trogiup')).split('\n').slice(1).join('\n'));
    expect(shown).toEqual(expect.arrayContaining(['hoi', 'capnhat', 'digest', 'baocao', 'solieu', 'start']));
    for (const word of shown) expect(await isDispatched(word), `/${word} in /trogiup`).toBe(true);
  });

  it('the Telegram menu holds the listed commands with a menu entry, each dispatched', async () => {
    expect(BOT_COMMANDS.map((c) => c.command)).toEqual([
      'hoi',
      'capnhat',
      'tiendo',
      'viec',
      'quahan',
      'digest',
      'bangdieukhien',
      'trogiup',
    ]);
    for (const { command, description } of BOT_COMMANDS) {
      const id = COMMAND_IDS.find((i) => COMMANDS[i].word === command)!;
      expect(COMMANDS[id]).toMatchObject({ menu: description });
      // Telegram's limits for setMyCommands.
      expect(command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(description.length).toBeLessThanOrEqual(256);
      expect(await isDispatched(command), `/${command} in the menu`).toBe(true);
    }
  });

  it('a word not in the list is an unknown command, however it is written', async () => {
    expect(await h.say(admin, '/xoa_het')).toBe('Không có lệnh /xoa_het. Gửi /trogiup để xem các lệnh.');
    expect(await h.say(admin, '/constructor')).toBe('Không có lệnh /constructor. Gửi /trogiup để xem các lệnh.');
  });
});
