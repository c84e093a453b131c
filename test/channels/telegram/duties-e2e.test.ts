import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TelegramPolling } from '../../../src/channels/telegram/index.js';
import { pollWithHarness } from '../../support/telegram-polling.js';
import { run as invite } from '../../../src/cli/commands/invite.js';
import { loadKnowledge } from '../../../src/ingest/index.js';
import { trackedItems, type Plan, type TrackedItem } from '../../../src/knowledge/index.js';
import { createChatHarness, type ChatHarness } from '../../support/chat-harness.js';
import { captureConsole } from '../../support/cli-run.js';
import { startTelegramServer, type TelegramTestServer } from '../../support/telegram-server.js';

/**
 * The plan this scenario runs over; any plan file the assistant reads (.md, .docx, .pdf) with at least one body duty
 * led by a unit named only in the body: `DUTIES_PLAN=/path/to/plan.docx npx vitest run test/channels/telegram/duties-e2e`.
 */
const PLAN_FILE = process.env.DUTIES_PLAN ?? 'test/knowledge/fixtures/duties/tinh-hoa-lam.md';
const PLAN_ID = basename(PLAN_FILE, extname(PLAN_FILE));

/**
 * A body duty with one lead unit, one that no appendix task names first (the unit exists only in the body; a plan
 * with no appendix has only such units), a dated one first.
 */
function bodyDuty(plan: Plan): TrackedItem {
  const inAppendix = new Set(plan.tasks.flatMap((t) => [...t.lead, ...t.coordinators].map((a) => a.name)));
  const duties = trackedItems(plan).filter((t) => t.source === 'body' && t.lead.length === 1);
  const bodyOnly = duties.filter((t) => !inAppendix.has(t.lead[0]!.name));
  const found = [...bodyOnly, ...duties].sort(
    (a, b) => Number(a.deadline.due === null) - Number(b.deadline.due === null),
  )[0];
  if (!found) throw new Error(`${PLAN_FILE}: no body duty with one lead unit`);
  return found;
}

let dir: string;
let server: TelegramTestServer;
let h: ChatHarness;
let polling: TelegramPolling;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'duties-e2e-'));
  copyFileSync(PLAN_FILE, join(dir, basename(PLAN_FILE)));
  server = await startTelegramServer();
  h = createChatHarness({ plans: (await loadKnowledge(dir)).plans });
  polling = await pollWithHarness(server, () => h);
});
afterEach(async () => {
  await polling.stop();
  await server.stop();
  h.cleanup();
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe(`body duties over Telegram, end to end (${basename(PLAN_FILE)})`, () => {
  it('registers an officer of a unit named only in the body, who sees, updates and reads the duty; the digest has it', async () => {
    const plan = h.plans.find((p) => p.id === PLAN_ID)!;
    const duty = bodyDuty(plan);
    const unit = duty.lead[0]!.name;

    // The admin's invite is checked against the plan's units: this one is named only in the body.
    const io = captureConsole();
    expect(
      await invite(['--plan', PLAN_ID, '--unit', unit, '--role', 'officer', '--db', h.db.path, '--knowledge', dir]),
    ).toBe(0);
    const code = /^code (\S+) /.exec(io.out[0] ?? '')![1]!;

    const officer = server.user({ userId: 2001, firstName: 'Hà' });
    await officer.send(`/start ${code}`);
    expect((await officer.replies(1))[0]!.text).toMatch(
      new RegExp(`^Chào Hà! Bạn đã đăng ký là chuyên viên ${escape(unit)}, `),
    );

    await officer.send('/viec');
    const list = (await officer.replies(1))[0]!.text.split('\n');
    expect(list.filter((l) => l.startsWith(`• Mục ${duty.no}: `))).toHaveLength(1);

    await officer.send(`/capnhat ${duty.no} đang thực hiện 50% đã triển khai`);
    expect((await officer.replies(1))[0]!.text).toMatch(
      new RegExp(`^Đã lưu cập nhật:\\n• Nhiệm vụ ${escape(duty.no)} \\(`),
    );
    expect(h.db.rows('updates')).toMatchObject([{ plan: PLAN_ID, task: duty.no, status: 'in_progress', percent: 50 }]);

    await officer.send(`/tiendo ${duty.no.toLowerCase()}`);
    const progress = (await officer.replies(1))[0]!.text.split('\n');
    expect(progress[0]).toMatch(new RegExp(`^Mục ${escape(duty.no)} \\(`));
    expect(progress[1]).toMatch(new RegExp(`^Chủ trì: ${escape(unit)} · `));
    expect(progress[2]).toMatch(/^Tình trạng: .*Đang thực hiện 50%/);

    const leader = server.user({ userId: 2002, firstName: 'Lãnh' });
    await leader.send(`/start ${await h.invite({ plan: PLAN_ID, role: 'leader' })}`);
    await leader.replies(1);
    await leader.send('/digest');
    const digest = (await leader.replies(1))[0]!.text.split('\n');
    expect(digest[1]).toBe(`Tiến độ ${trackedItems(plan).length} nhiệm vụ:`);
    expect(digest).toContain(`• NV ${duty.no} — Hà: Đang thực hiện 50% — đã triển khai`);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
