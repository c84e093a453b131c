import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { notification, runDigest, runReminders } from '../../src/scheduler/index.js';
import { hanoi, PLAN } from '../support/digest-fixture.js';
import { svgToPng } from '../../src/reports/index.js';
import { LEADER, OFFICER, OTHER_UNIT, SchedulerHarness } from '../support/scheduler-harness.js';

let h: SchedulerHarness;
beforeEach(() => {
  h = new SchedulerHarness();
});
afterEach(() => {
  vi.useRealTimers();
  h.tmp.cleanup();
});

const digests = (to = LEADER) => h.sent.filter((s) => s.to === to && s.reply.text.startsWith('📋'));
const charts = (to = LEADER) => h.sent.filter((s) => s.to === to && s.reply.file?.kind === 'photo');

describe('createScheduler on fake timers', () => {
  // resvg is loaded on the first chart drawn, through real I/O that fake time does not wait for.
  beforeAll(() => svgToPng('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'));

  it('sends the digest at 07:30 Hanoi on a weekday, with its chart, and nothing on Sunday', async () => {
    vi.useFakeTimers({ now: hanoi('2026-06-07 07:00'), toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const scheduler = h.scheduler('a', () => new Date());
    await scheduler.start();
    await vi.advanceTimersByTimeAsync(hanoi('2026-06-07 08:00').getTime() - Date.now());
    expect(digests()).toEqual([]);
    await vi.advanceTimersByTimeAsync(hanoi('2026-06-08 07:29').getTime() - Date.now());
    expect(digests()).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    scheduler.stop();
    expect(digests().map((s) => s.at)).toEqual([hanoi('2026-06-08 07:30')]);
    expect(digests()[0]!.reply.text.split('\n')[0]).toBe('📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 08/06/2026');
    expect(charts()).toHaveLength(1);
    expect(charts()[0]!.reply.file).toMatchObject({ mimeType: 'image/png', fileName: 'tien-do-demo-2026-06-08.png' });
    expect(digests(OFFICER)).toEqual([]);
  });
});

describe('catch-up and exactly once', () => {
  it('a restart at 07:31 sends the missed digest once, marked late', async () => {
    h.clock = hanoi('2026-06-08 07:31');
    await h.scheduler('a').start();
    expect(digests().map((s) => s.reply.text.split('\n')[0])).toEqual([
      '📋 Kế hoạch 158/KH-UBND — tổng hợp ngày 08/06/2026 (gửi bù)',
    ]);
    await h.scheduler('b').catchUp();
    h.clock = hanoi('2026-06-08 09:00');
    await h.scheduler('a').catchUp();
    expect(digests()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
  });

  it('two instances started together never send twice', async () => {
    h.clock = hanoi('2026-06-08 07:30');
    const [a, b] = [h.scheduler('a'), h.scheduler('b')];
    await Promise.all([a.catchUp(), b.catchUp(), a.catchUp()]);
    expect(digests()).toHaveLength(1);
    expect(charts()).toHaveLength(1);
  });

  it('does not catch up a digest older than a day', async () => {
    h.clock = hanoi('2026-06-07 12:00');
    await h.scheduler().catchUp();
    expect(digests()).toEqual([]);
  });

  it('retries a claim left by a crash mid-send only after its lease', async () => {
    const deps = h.deps('crashed');
    const slot = hanoi('2026-06-08 07:30');
    await deps.notifications.claim(
      notification('digest', LEADER, 'demo', slot.toISOString(), false),
      'crashed',
      slot,
      deps.leaseMs,
    );
    h.clock = hanoi('2026-06-08 07:32');
    await h.scheduler('a').catchUp();
    expect(digests()).toEqual([]);
    expect(charts()).toHaveLength(1);
    h.clock = hanoi('2026-06-08 07:36');
    await h.scheduler('a').catchUp();
    expect(digests()).toHaveLength(1);
  });

  it('logs and skips a failed recipient, gives up after three attempts', async () => {
    h.tmp.open().db.prepare("UPDATE users SET role = 'leader', unit = NULL WHERE key = ?").run(OTHER_UNIT);
    h.failFor.add(LEADER);
    h.clock = hanoi('2026-06-08 07:30');
    for (let i = 0; i < 5; i++) await h.scheduler().catchUp();
    expect(digests(OTHER_UNIT)).toHaveLength(1);
    expect(h.tmp.rows('notifications').filter((r: any) => r.recipient === LEADER && r.kind === 'digest')).toEqual([
      expect.objectContaining({
        state: 'failed',
        attempts: 3,
        error: `Error: Forbidden: bot was blocked by the user ${LEADER}`,
      }),
    ]);
  });

  it('paces the sends when asked', async () => {
    let paced = 0;
    const deps = { ...h.deps(), pace: async () => void paced++ };
    h.clock = hanoi('2026-06-08 07:30');
    await runDigest(deps, h.clock, false);
    expect(paced).toBe(h.sent.length);
    expect(paced).toBe(2);
  });

  it('honours /tatdigest for a leader and /nhandigest for an officer', async () => {
    const deps = h.deps();
    await deps.subscriptions.set(LEADER, false, new Date());
    await deps.subscriptions.set(OFFICER, true, new Date());
    h.clock = hanoi('2026-06-08 07:30');
    await h.scheduler().catchUp();
    expect(digests()).toEqual([]);
    expect(digests(OFFICER)).toHaveLength(1);
  });
});

describe('reminders', () => {
  it('reach the lead unit 7 days and 1 day before the deadline, once each, then weekly while overdue', async () => {
    for (let day = 1; day <= 19; day++) {
      for (const time of ['08:00', '08:10', '15:00']) {
        h.clock = hanoi(`2026-05-${String(day).padStart(2, '0')} ${time}`);
        await h.scheduler().catchUp();
      }
    }
    const task1 = h.sent.filter((s) => s.to === OFFICER && s.reply.text.includes('Nhiệm vụ 1 '));
    expect(task1.map((s) => [s.at.toISOString(), s.reply.text.split('\n')[0]])).toEqual([
      [
        hanoi('2026-05-03 08:00').toISOString(),
        '⏰ Nhắc việc: Nhiệm vụ 1 Kế hoạch 158/KH-UBND đến hạn ngày 10/05/2026 (còn 7 ngày).',
      ],
      [
        hanoi('2026-05-09 08:00').toISOString(),
        '⏰ Nhắc việc: Nhiệm vụ 1 Kế hoạch 158/KH-UBND đến hạn ngày 10/05/2026 (còn 1 ngày).',
      ],
      [
        hanoi('2026-05-11 08:00').toISOString(),
        '⏰ Nhắc việc: Nhiệm vụ 1 Kế hoạch 158/KH-UBND đã quá hạn 1 ngày (hạn 10/05/2026) và chưa hoàn thành.',
      ],
      [
        hanoi('2026-05-18 08:00').toISOString(),
        '⏰ Nhắc việc: Nhiệm vụ 1 Kế hoạch 158/KH-UBND đã quá hạn 8 ngày (hạn 10/05/2026) và chawa hoàn thành.'.replace(
          'chawa',
          'chưa',
        ),
      ],
    ]);
    expect(h.sent.filter((s) => s.to === OTHER_UNIT && s.reply.text.includes('Nhiệm vụ 1 '))).toEqual([]);
  });

  it('sends a reminder missed while down once, marked late', async () => {
    h.clock = hanoi('2026-05-04 07:00');
    await h.scheduler().catchUp();
    h.clock = hanoi('2026-05-04 09:00');
    await h.scheduler().catchUp();
    expect(
      h
        .texts(OFFICER)
        .filter((t) => t.includes('Nhiệm vụ 1 '))
        .map((t) => t.split('\n')[0]),
    ).toEqual(['⏰ Nhắc việc (gửi bù): Nhiệm vụ 1 Kế hoạch 158/KH-UBND đến hạn ngày 10/05/2026 (còn 7 ngày).']);
  });

  it('reach every officer of the plan when a group of units leads the task', async () => {
    const group = [{ name: 'Các phòng, đơn vị', raw: 'Các phòng, đơn vị' }];
    const plan = {
      ...PLAN,
      tasks: PLAN.tasks.map((t) => (t.no === '1' ? { ...t, lead: group, leadRaw: group[0]!.name } : t)),
    };
    h.clock = hanoi('2026-05-03 08:00');
    await runReminders({ ...h.deps(), plans: [plan] }, h.clock, false);
    expect(h.sent.filter((s) => s.reply.text.includes('Nhiệm vụ 1 ')).map((s) => s.to)).toEqual([OTHER_UNIT, OFFICER]);
  });
});

describe('runReminders asks first who could be due a reminder', () => {
  /** Job deps whose progress store records which plans' updates were read. */
  const counted = (plans = [PLAN]) => {
    const deps = h.deps();
    const read: string[] = [];
    const progress = {
      ...deps.progress,
      listForPlan: (plan: string) => (read.push(plan), deps.progress.listForPlan(plan)),
    };
    return { deps: { ...deps, plans, progress }, read };
  };

  it('reads no progress on a day when no task is within a week of its due day', async () => {
    const { deps, read } = counted();
    h.clock = hanoi('2026-03-02 08:00');
    await runReminders(deps, h.clock, false);
    expect(read).toEqual([]);
    expect(h.sent).toEqual([]);
  });

  it('reads no progress of a plan nobody registered on could be reminded about', async () => {
    const { deps, read } = counted([PLAN, { ...PLAN, id: 'unstaffed' }]);
    h.clock = hanoi('2026-05-03 08:00');
    await runReminders(deps, h.clock, false);
    expect(read).toEqual(['demo']);
    expect(h.texts(OFFICER).map((t) => t.split('\n')[0])).toEqual([
      '⏰ Nhắc việc: Nhiệm vụ 1 Kế hoạch 158/KH-UBND đến hạn ngày 10/05/2026 (còn 7 ngày).',
    ]);
  });
});
