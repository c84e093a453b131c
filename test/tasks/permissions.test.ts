import { describe, expect, it } from 'vitest';
import type { Task } from '../../src/knowledge/schema.js';
import { accessTo, type UserRecord } from '../../src/tasks/index.js';

const ref = (name: string) => ({ name, raw: name });
const task: Task = {
  plan: 'nhi-chieu',
  no: '11',
  content: 'x',
  leadRaw: '',
  lead: [ref('Trung tâm Phục vụ hành chính công')],
  coordinatorsRaw: '',
  coordinators: [ref('Phòng Văn hóa - Xã hội')],
  product: '',
  line: 1,
  deadline: { raw: '', kind: 'ongoing', start: null, due: null, fromYear: null },
};
const user = (over: Partial<UserRecord>): UserRecord => ({
  key: 'tg:1',
  name: 'A',
  role: 'officer',
  plan: 'nhi-chieu',
  unit: null,
  active: true,
  createdAt: new Date(0),
  ...over,
});

const groupTask: Task = {
  ...task,
  lead: [ref('Văn phòng HĐND và UBND'), ref('Các phòng, đơn vị')],
  coordinators: [ref('UBND các xã, phường')],
};

describe('accessTo', () => {
  it('counts every unit of the plan in a group of units named as lead', () => {
    expect(accessTo(user({ unit: 'Phòng Văn hóa - Xã hội' }), groupTask)).toBe('full');
    expect(accessTo(user({ unit: 'Phòng Văn hóa - Xã hội', plan: 'hue' }), groupTask)).toBe('none');
  });

  it('lets a unit named as coordinator only add notes even when a group of units leads', () => {
    expect(
      accessTo(user({ unit: 'UBND các xã, phường' }), { ...groupTask, coordinators: [ref('UBND các xã, phường')] }),
    ).toBe('note_only');
    expect(
      accessTo(user({ unit: 'Phòng Văn hóa - Xã hội' }), {
        ...groupTask,
        coordinators: [ref('Phòng Văn hóa - Xã hội')],
      }),
    ).toBe('note_only');
  });

  it('counts every unit of the plan in a group named as coordinator', () => {
    expect(accessTo(user({ unit: 'Phòng Tư pháp' }), { ...groupTask, lead: [ref('Văn phòng HĐND và UBND')] })).toBe(
      'note_only',
    );
  });

  it.each([
    ['an officer of the lead unit', user({ unit: 'Trung tâm Phục vụ hành chính công' }), 'full'],
    ['an officer of a coordinating unit', user({ unit: 'Phòng Văn hóa - Xã hội' }), 'note_only'],
    ['an officer of another unit', user({ unit: 'Văn phòng HĐND và UBND' }), 'none'],
    [
      'an officer of the same unit name in another plan',
      user({ plan: 'dai-son', unit: 'Trung tâm Phục vụ hành chính công' }),
      'none',
    ],
    ['a leader of the plan', user({ role: 'leader' }), 'full'],
    ['a leader of another plan', user({ role: 'leader', plan: 'hue' }), 'none'],
    ['an admin', user({ role: 'admin', plan: null }), 'full'],
    ['a deactivated admin', user({ role: 'admin', active: false }), 'none'],
  ] as const)('gives %s %s access', (_who, u, access) => {
    expect(accessTo(u, task)).toBe(access);
  });
});
