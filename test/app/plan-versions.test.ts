import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createNotice } from '../../src/app/admin-notice.js';
import { createPlanIntake } from '../../src/app/plan-intake.js';
import { createPlanReloader, type PlanReloader } from '../../src/app/plan-reload.js';
import { createPlanVersions } from '../../src/app/plan-versions.js';
import { loadKnowledge } from '../../src/ingest/index.js';
import { compareRevisions } from '../../src/knowledge/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';
import { knowledgeFolder, realPlan } from '../support/plan-variants.js';

const NEW_TASK = 'Tổ chức hội nghị sơ kết một năm thực hiện Kết luận số 226-KL/TW trên địa bàn thành phố';

/** Huế's plan amended: task 2 dropped (3..12 renumbered 2..11), task 1 due later, a new task 12. */
function amended(): string {
  const lines = realPlan('hue').split('\n');
  const out: string[] = [];
  let last = '';
  for (const line of lines) {
    const m = /^(\d+)\t/.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    const no = Number(m[1]);
    if (no === 2) continue;
    const row = no === 1 ? line.replace('Tháng 5/2026', 'Tháng 9/2026') : line.replace(/^\d+/, String(no - 1));
    out.push(row);
    last = row;
  }
  const cells = last.split('\t');
  out.splice(out.indexOf(last) + 1, 0, ['12', NEW_TASK, ...cells.slice(2)].join('\t'));
  return out.join('\n');
}

let dir: string;
let h: ChatHarness;
let reloader: PlanReloader;
let sent: Array<{ to: string; text: string }>;
const officer = { id: '1', name: 'Hà' };
const leader = { id: '2', name: 'Lãnh' };
const admin = { id: '3', name: 'An' };

beforeEach(async () => {
  dir = knowledgeFolder({ 'hue.md': realPlan('hue') });
  sent = [];
  h = createChatHarness({
    knowledgeDir: dir,
    planIntake: (knowledge) => {
      const notify = createNotice(
        { list: () => h.store().users.list(), get: async () => undefined, deactivate: async () => false },
        () => async (to, reply) => void sent.push({ to, text: reply.text }),
        () => undefined,
      );
      const versions = createPlanVersions({
        revisions: {
          record: (...args) => h.store().revisions.record(...args),
          versions: () => h.store().revisions.versions(),
        },
        now: () => h.now(),
        log: () => undefined,
        notify,
      });
      reloader = createPlanReloader({ dir, knowledge, log: () => undefined, revise: versions.revise });
      return createPlanIntake({ dir });
    },
  });
  const hue = h.plans[0]!;
  const unit = hue.tasks[2]!.lead[0]!.name;
  await h.register(officer, { plan: 'hue', unit, role: 'officer' });
  await h.register(leader, { plan: 'hue', role: 'leader' });
  await h.register(admin, { plan: null, role: 'admin' });
});
afterEach(() => {
  h.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe('compareRevisions', () => {
  it('matches tasks by content and lead across renumbering', async () => {
    const before = h.plans[0]!;
    writeFileSync(join(dir, 'hue.md'), amended());
    const after = (await loadKnowledge(dir)).plans[0]!;
    const change = compareRevisions(before, after);
    expect(change.removed.map((t) => t.no)).toEqual(['2']);
    expect(change.added.map((t) => [t.no, t.content])).toEqual([['12', NEW_TASK]]);
    expect(change.renumbered.map((m) => `${m.before.no}→${m.after.no}`)).toEqual([
      '3→2',
      '4→3',
      '5→4',
      '6→5',
      '7→6',
      '8→7',
      '9→8',
      '10→9',
      '11→10',
      '12→11',
    ]);
    expect(change.deadlineChanged.map((m) => [m.after.no, m.before.deadline.raw, m.after.deadline.raw])).toEqual([
      ['1', 'Tháng 5/2026', 'Tháng 9/2026'],
    ]);
    expect(change.leadChanged).toEqual([]);
  });
});

describe('a new version of a plan', () => {
  it('keeps the progress of renumbered tasks, retires dropped ones, tells leaders and admins, and answers say the version', async () => {
    await h.say(officer, '/capnhat 3 đang thực hiện 50% đã dự thảo');
    writeFileSync(join(dir, 'hue.md'), amended());
    await reloader.reload(['hue.md']);

    expect(h.db.rows('updates')).toMatchObject([{ task: '3', status: 'in_progress', percent: 50 }]);
    expect(h.db.rows('task_moves')).toContainEqual({
      plan: 'hue',
      revision: 2,
      from_task: '3',
      to_task: '2',
      up_to_id: 1,
    });
    expect(h.db.rows('retired_tasks')).toMatchObject([{ plan: 'hue', task: '2', revision: 2, history_key: '~v2:2' }]);
    expect(await h.say(officer, '/tiendo 2')).toMatch(/Đang thực hiện 50%/);

    expect(sent.map((s) => s.to).sort()).toEqual(['tg:2', 'tg:3']);
    expect(sent[0]!.text.split('\n')).toEqual([
      'Kế hoạch 263/KH-UBND (mã hue) vừa có bản sửa đổi lần 1.',
      'Nhiệm vụ mới (1):',
      `• 12. ${NEW_TASK.slice(0, 58).replace(/\s\S*$/, '')}…`,
      'Nhiệm vụ bỏ khỏi kế hoạch (1; lịch sử cập nhật vẫn được giữ, không còn nhắc hạn):',
      expect.stringMatching(/^• 2\. Rà soát, sửa đổi, bổ sung/),
      'Đổi số thứ tự (tiến độ đã cập nhật được giữ):',
      expect.stringMatching(/^• 3 → 2: Thực hiện cắt giảm/),
      ...Array.from({ length: 9 }, () => expect.stringMatching(/^• \d+ → \d+: /)),
      'Đổi thời hạn:',
      '• 1: Tháng 5/2026 → Tháng 9/2026',
    ]);
    expect(await h.say(admin, 'Nhiệm vụ 1 của thành phố Huế hạn khi nào?')).toMatch(
      /Nguồn: Kế hoạch 263\/KH-UBND thành phố Huế \(bản sửa đổi lần 1\), Phụ lục, nhiệm vụ 1\./,
    );
  });

  it('is not recorded when the tasks did not change', async () => {
    writeFileSync(join(dir, 'hue.md'), `${realPlan('hue')}\n`);
    await reloader.reload(['hue.md']);
    expect(h.db.rows('plan_revisions')).toEqual([]);
    expect(sent).toEqual([]);
  });
});
