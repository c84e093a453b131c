import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp, useAppDb, type AppProcess } from '../support/app-process.js';
import { xlsxRows } from '../support/xlsx-rows.js';

const db = useAppDb();

const PROMPT = '\n> ';

/** The assistant without bot tokens, once its first prompt is shown: the chat on stdin/stdout, the log on stderr. */
async function startLocalChat(): Promise<AppProcess> {
  const app = startApp({ DATABASE_PATH: db().path });
  await app.waitForStdout(PROMPT);
  return app;
}

/** Types a line and waits for the prompt that follows its answer; returns what was printed in between. */
async function ask(app: AppProcess, line: string): Promise<string> {
  const prompts = app.stdout().split(PROMPT).length - 1;
  app.type(line);
  await app.waitForStdout(PROMPT, prompts + 1);
  return app.stdout().split(PROMPT).at(-2)!;
}

describe('the assistant without a bot token (local terminal chat)', () => {
  it('answers a typed question with its source', async () => {
    const app = await startLocalChat();
    expect(await ask(app, 'Ai chủ trì nhiệm vụ 4 của phường Nhị Chiểu?')).toBe(
      'Nhiệm vụ 4 – phường Nhị Chiểu: Ban hành văn bản về việc thực hiện kỷ luật, kỷ cương chấp hành thời gian làm việc trong…\n' +
        'Chủ trì: Phòng Văn hóa - Xã hội.\n' +
        'Nguồn: Kế hoạch 158/KH-UBND phường Nhị Chiểu, Phụ lục, nhiệm vụ 4.',
    );
    app.child.stdin!.end();
    expect(await app.exited).toEqual({ code: 0, signal: null });
    expect(app.stderr()).toBe('');
  });

  it('stores an update from the local admin once the plan is named, as the bot asks', async () => {
    const app = await startLocalChat();
    expect(await ask(app, '/capnhat 4 hoàn thành đã ban hành Công văn 15')).toMatch(
      /^Chưa lưu cập nhật: chưa rõ nhiệm vụ 4 thuộc kế hoạch nào\. .*\/capnhat dai-son#4 .*\nCác kế hoạch: dai-son \(xã Đại Sơn\), hue \(thành phố Huế\), nhi-chieu \(phường Nhị Chiểu\)\.$/,
    );
    const stored = await ask(app, '/capnhat nhi-chieu#4 hoàn thành đã ban hành Công văn 15');
    expect(stored).toMatch(
      /^Đã lưu cập nhật:\n• Nhiệm vụ 4 \(Kế hoạch 158\/KH-UBND\)\n• Trạng thái: Hoàn thành\n• Ghi chú: đã ban hành Công văn 15\n/,
    );
    app.child.stdin!.end();
    expect((await app.exited).code).toBe(0);

    expect(db().rows('updates')).toMatchObject([
      {
        plan: 'nhi-chieu',
        task: '4',
        status: 'done',
        percent: 100,
        note: 'đã ban hành Công văn 15',
        user_key: 'cli:local',
        channel: 'terminal',
      },
    ]);
    expect(db().rows('users')).toMatchObject([{ key: 'cli:local', role: 'admin', plan: null, unit: null, active: 1 }]);
  });

  it('writes the year report into <database folder>/files and prints its path', async () => {
    const app = await startLocalChat();
    await ask(app, '/capnhat nhi-chieu#4 hoàn thành đã ban hành Công văn 15');
    const printed = await ask(app, '/baocao nam');
    app.child.stdin!.end();
    expect((await app.exited).code).toBe(0);

    const paths = [...printed.matchAll(/📎 (.+)$/gm)].map((m) => m[1]!);
    const year = new Intl.DateTimeFormat('en', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric' }).format(new Date());
    const files = join(dirname(db().path), 'files');
    expect(paths).toEqual(['dai-son', 'hue', 'nhi-chieu'].map((plan) => join(files, `bao-cao-${plan}-${year}.xlsx`)));
    expect(printed).toContain(`Báo cáo kết quả thực hiện Kế hoạch 158/KH-UBND, năm ${year}.\n  📎 ${paths[2]}`);
    const rows = await xlsxRows(readFileSync(paths[2]!));
    expect(rows[0]).toEqual(['BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH SỐ 158/KH-UBND']);
    expect(rows.find((r) => r[0] === '4')?.join(' | ')).toContain('Hoàn thành');
  });

  it('exits 0 on Ctrl+D (end of input) with the database closed cleanly, and keeps the local admin on the next start', async () => {
    const first = await startLocalChat();
    await ask(first, '/capnhat nhi-chieu#4 đang thực hiện 50%');
    first.child.stdin!.end();
    expect(await first.exited).toEqual({ code: 0, signal: null });
    // A clean close checkpoints the write-ahead log and removes it; a killed process leaves it behind.
    expect(existsSync(`${db().path}-wal`)).toBe(false);
    const before = db().snapshot();

    const second = await startLocalChat();
    second.child.stdin!.end();
    expect(await second.exited).toEqual({ code: 0, signal: null });
    expect(db().snapshot()).toEqual(before);
  });
});
