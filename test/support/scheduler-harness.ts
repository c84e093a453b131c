import type { Reply } from '../../src/chat/index.js';
import { createScheduler, type JobDeps, type Scheduler } from '../../src/scheduler/index.js';
import type { Store } from '../../src/store/index.js';
import { PLAN } from './digest-fixture.js';
import { createTmpDb, type TmpDb } from './tmp-db.js';

export const LEADER = 'tg:100';
export const OFFICER = 'zl:200';
export const OTHER_UNIT = 'tg:300';

/** A message that went out through the `send` port. */
export type Sent = { to: string; reply: Reply; at: Date };

/** Inserts a registered user straight into the store (registration itself is tested by the chat). */
export function addUser(store: Store, key: string, name: string, role: string, unit: string | null): void {
  store.db
    .prepare('INSERT INTO users (key, name, role, plan, unit, active, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)')
    .run(key, name, role, 'demo', unit, '2026-01-01T00:00:00.000Z');
}

/** Jobs over a real SQLite file: one leader, one officer of Phòng Văn hóa - Xã hội, one of another unit. */
export class SchedulerHarness {
  readonly tmp: TmpDb = createTmpDb();
  readonly sent: Sent[] = [];
  clock = new Date('2026-01-01T00:00:00Z');
  failFor = new Set<string>();

  constructor() {
    const store = this.tmp.open();
    addUser(store, LEADER, 'Lê Văn Lãnh', 'leader', null);
    addUser(store, OFFICER, 'Phạm Thu Hà', 'officer', 'Phòng Văn hóa - Xã hội');
    addUser(store, OTHER_UNIT, 'Đỗ Minh Tâm', 'officer', 'Trung tâm Phục vụ hành chính công');
  }

  /** Job dependencies on a fresh connection to the same file (a second instance gets its own). */
  deps(owner = 'instance-a', now: () => Date = () => this.clock): JobDeps {
    const store = this.tmp.open();
    return {
      plans: [PLAN],
      progress: store.progress,
      users: store.users,
      subscriptions: store.subscriptions,
      figures: store.figures,
      members: store.members,
      notifications: store.notifications,
      send: async (to, reply) => {
        if (this.failFor.has(to)) throw new Error(`Forbidden: bot was blocked by the user ${to}`);
        this.sent.push({ to, reply, at: now() });
      },
      now,
      owner,
      leaseMs: 5 * 60_000,
      digestCron: '30 7 * * 1-5',
      reminderCron: '0 8 * * *',
      questions: store.questions,
      questionReportCron: '0 8 * * 1',
      questionLogDays: 90,
    };
  }

  scheduler(owner?: string, now?: () => Date): Scheduler {
    return createScheduler(this.deps(owner, now));
  }

  texts(to?: string): string[] {
    return this.sent.filter((s) => !to || s.to === to).map((s) => s.reply.text);
  }
}
