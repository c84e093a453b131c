import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createProgressReader } from '../../src/chat/index.js';
import { createChatHarness, type ChatHarness } from '../support/chat-harness.js';

let h: ChatHarness;
const lan = { id: '1', name: 'Lan' };
beforeEach(async () => {
  h = createChatHarness();
  await h.register(lan, { plan: 'nhi-chieu', unit: 'Phòng Văn hóa - Xã hội', role: 'officer' });
});
afterEach(() => h.cleanup());

const task = (no: string) => h.plans.find((p) => p.id === 'nhi-chieu')!.tasks.find((t) => t.no === no)!;

/** The lookup over what the store holds now for plan nhi-chieu. */
const lookupNow = () => createProgressReader(h.store().progress)(new Set(['nhi-chieu']));

describe('createProgressReader', () => {
  it('gives the latest status, percent and day; undefined when nothing is reported', async () => {
    expect((await lookupNow())(task('4'), '2026-06-01')).toBeUndefined();
    await h.say(lan, '/capnhat 4 đang thực hiện 60%');
    await h.say(lan, '/capnhat 4 ghi chú đã xin ý kiến');
    expect((await lookupNow())(task('4'), '2026-06-01')).toEqual({
      status: 'in_progress',
      percent: 60,
      updatedOn: '2026-06-01',
    });
  });

  it('reads a recurring task in the year asked about, and ignores undone updates', async () => {
    await h.say(lan, '/capnhat 3 xong');
    expect((await lookupNow())(task('3'), '2026-12-01')).toEqual({
      status: 'done',
      percent: 100,
      updatedOn: '2026-06-01',
    });
    expect((await lookupNow())(task('3'), '2027-01-15')).toBeUndefined();
    await h.say(lan, '/hoantac');
    expect((await lookupNow())(task('3'), '2026-12-01')).toBeUndefined();
  });

  it('says a task done after its due day was done late, as /tiendo derives it', async () => {
    h.advance(180 * 86_400_000);
    await h.say(lan, '/capnhat 4 xong');
    expect((await lookupNow())(task('4'), '2026-11-28')).toMatchObject({ status: 'done', doneLateDays: 151 });
  });

  it('reads each plan asked for once, whatever number of its tasks the answer looks at', async () => {
    await h.say(lan, '/capnhat 4 đang thực hiện 60%');
    await h.say(lan, '/capnhat 3 xong');
    const progress = h.store().progress;
    const reads: string[] = [];
    const counted = await createProgressReader({
      ...progress,
      listForPlan: (plan) => (reads.push(plan), progress.listForPlan(plan)),
    })(new Set(['nhi-chieu', 'hue']));
    expect(counted(task('4'), '2026-06-01')).toMatchObject({ status: 'in_progress', percent: 60 });
    expect(counted(task('3'), '2026-06-01')).toMatchObject({ status: 'done' });
    expect(counted(task('1'), '2026-06-01')).toBeUndefined();
    expect(reads.sort()).toEqual(['hue', 'nhi-chieu']);
  });
});
