import { describe, expect, it } from 'vitest';
import { trackedItems } from '../../src/knowledge/index.js';
import { useDashboard } from '../support/dashboard-harness.js';
import { shippedPlans } from '../support/shipped.js';

const h = useDashboard();
const LEADER = { key: 'tg:501', name: 'Chủ tịch Hòa', role: 'leader' as const, plan: 'nhi-chieu', unit: null };
const OFFICER = {
  key: 'tg:601',
  name: 'Lan',
  role: 'officer' as const,
  plan: 'nhi-chieu',
  unit: 'Trung tâm Phục vụ hành chính công',
};
const day = (iso: string) => new Date(`${iso}T02:00:00Z`);
const XSS_NOTE = '<script>alert("note")</script> & <b>đậm</b>';
const XSS_NAME = '<img src=x onerror=alert(1)>';

async function page(path: string, cookie: string): Promise<{ status: number; body: string; headers: Headers }> {
  const answer = await h().request(path, { cookie });
  return { status: answer.status, body: await answer.text(), headers: answer.headers };
}

/** References of the rows of a task list page: appendix numbers, then body duties' section paths. */
const rowNumbers = (body: string) =>
  [...body.matchAll(/<tr class="k-[a-z_]+"><td><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]!);
const appendix = (refs: string[]) => refs.filter((r) => /^\d+$/.test(r));
const ITEMS = trackedItems(shippedPlans().find((p) => p.id === 'nhi-chieu')!).length;

describe('the plan at a glance', () => {
  it('counts the states, lists this week’s updates and the targets, with a strict CSP', async () => {
    h().seed(LEADER);
    const officer = h().seed(OFFICER);
    await officer.append({
      plan: 'nhi-chieu',
      task: '11',
      status: 'in_progress',
      percent: 40,
      note: 'Đã rà soát 12 thủ tục',
      createdAt: day('2026-06-02'),
    });
    await officer.append({ plan: 'nhi-chieu', task: '2', status: 'done', note: 'cũ', createdAt: day('2026-05-20') });
    const { status, body, headers } = await page('/dashboard/p/nhi-chieu', await h().signIn(LEADER.key));
    expect(status).toBe(200);
    expect(headers.get('content-security-policy')).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'self' https://web.telegram.org",
    );
    expect(body).toContain('Kế hoạch 158/KH-UBND');
    expect(body).toMatch(/<span>Quá hạn<\/span><b>1<\/b>/); // task 1, due 10/05/2026
    expect(body).toMatch(/<span>Đang thực hiện<\/span><b>1<\/b>/);
    expect(body).toContain('NV 11</a> · 09:00 02/06/2026 · Lan: <b>Đang thực hiện 40%</b> — Đã rà soát 12 thủ tục');
    expect(body).not.toContain('— cũ'); // last week's update is not this week's change
    expect(body).toContain('Chỉ tiêu năm 2026');
    expect(body).not.toMatch(/<script>|\sstyle=|\son[a-z]+=/i);
  });

  it('draws the last 8 weeks, each as of its end in Hanoi: a task is done from the week of its update on', async () => {
    h().seed(LEADER);
    // Monday 18/05 00:30 in Hanoi, still Sunday 17/05 in UTC: it belongs to the week ending 24/05.
    await h()
      .seed(OFFICER)
      .append({ plan: 'nhi-chieu', task: '2', status: 'done', createdAt: new Date('2026-05-17T17:30:00Z') });
    const { body } = await page('/dashboard/p/nhi-chieu', await h().signIn(LEADER.key));
    const chart = /<svg class="trend"[^>]*>(.*?)<\/svg>/s.exec(body)?.[1] ?? '';
    const done = [...chart.matchAll(/<title>Tuần đến (\d\d\/\d\d\/\d{4}): Hoàn thành (\d+),/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(done).toEqual([
      ['19/04/2026', '0'],
      ['26/04/2026', '0'],
      ['03/05/2026', '0'],
      ['10/05/2026', '0'],
      ['17/05/2026', '0'],
      ['24/05/2026', '1'],
      ['31/05/2026', '1'],
      ['03/06/2026', '1'], // this week, as of today
    ]);
    expect(body).toContain('aria-label="Tình trạng qua 8 tuần"');
  });

  it('renders notes and names as text (no markup from users)', async () => {
    h().seed(LEADER);
    await h()
      .seed({ ...OFFICER, name: XSS_NAME })
      .append({ plan: 'nhi-chieu', task: '2', status: null, note: XSS_NOTE, createdAt: day('2026-06-02') });
    const cookie = await h().signIn(LEADER.key);
    for (const path of ['/dashboard/p/nhi-chieu', '/dashboard/p/nhi-chieu/tasks/2']) {
      const { body } = await page(path, cookie);
      expect(body).toContain('&lt;script&gt;alert(&quot;note&quot;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;');
      expect(body).toContain('&lt;img src=x onerror=alert(1)&gt;');
      expect(body).not.toContain('<script>alert');
      expect(body).not.toContain('<img');
    }
  });
});

describe('the task list', () => {
  it('filters to overdue tasks and sorts by deadline', async () => {
    h().seed(LEADER);
    const cookie = await h().signIn(LEADER.key);
    expect(rowNumbers((await page('/dashboard/p/nhi-chieu/tasks?status=overdue', cookie)).body)).toEqual(['1']);
    const byDue = rowNumbers((await page('/dashboard/p/nhi-chieu/tasks?sort=due&due=year', cookie)).body);
    expect(byDue).toEqual(['1', '4', '3', '6', '7', '8', '9', '11', '12', '13', '14']); // 3 and 6: yearly, due 31/12
    const vhxh = rowNumbers(
      (await page('/dashboard/p/nhi-chieu/tasks?unit=Ph%C3%B2ng+V%C4%83n+h%C3%B3a+-+X%C3%A3+h%E1%BB%99i', cookie)).body,
    );
    expect(appendix(vhxh)).toEqual(['1', '4', '9', '10', '13', '14', '15', '16', '17', '18', '19']);
    expect(vhxh).toContain('II.5.c.1'); // a body duty of the unit
  });

  it('ignores filters it does not know', async () => {
    h().seed(LEADER);
    const { status, body } = await page(
      '/dashboard/p/nhi-chieu/tasks?status=%3Cx%3E&sort=constructor&page=-4',
      await h().signIn(LEADER.key),
    );
    expect(status).toBe(200);
    expect(rowNumbers(body)).toHaveLength(50);
    expect(body).toContain(`1–50 / ${ITEMS} nhiệm vụ`);
  });
});

describe('a task', () => {
  it('shows its content, lead, coordinators, deadline, state and every update, newest first', async () => {
    h().seed(LEADER);
    const officer = h().seed(OFFICER);
    await officer.append({
      plan: 'nhi-chieu',
      task: '11',
      status: 'in_progress',
      percent: 20,
      note: 'bắt đầu',
      createdAt: day('2026-05-02'),
    });
    await officer.append({
      plan: 'nhi-chieu',
      task: '11',
      status: 'in_progress',
      percent: 60,
      note: 'gần xong',
      createdAt: day('2026-06-01'),
    });
    const { body } = await page('/dashboard/p/nhi-chieu/tasks/11', await h().signIn(LEADER.key));
    expect(body).toContain('<dt>Chủ trì</dt><dd>Trung tâm Phục vụ hành chính công</dd>');
    expect(body).toContain('Quý IV/2026 (31/12/2026)');
    expect(body.indexOf('gần xong')).toBeLessThan(body.indexOf('bắt đầu'));
    expect(body).toContain('<li><small>09:00 02/05/2026 · Lan</small><b>Đang thực hiện 20%</b> — bắt đầu</li>');
  });
});

describe('who sees what', () => {
  it('an officer sees only their unit’s tasks, and no report', async () => {
    h().seed(OFFICER);
    const cookie = await h().signIn(OFFICER.key);
    const list = rowNumbers((await page('/dashboard/p/nhi-chieu/tasks', cookie)).body);
    // Its own tasks and those of "the units" (as /viec lists them), and the body duties given to it.
    expect(appendix(list)).toEqual(['2', '3', '6', '7', '8', '11']);
    expect(list).toContain('II.3.a.4');
    expect(list).not.toContain('II.5.c.1');
    expect((await page('/dashboard/p/nhi-chieu/tasks/1', cookie)).status).toBe(404);
    expect((await page('/dashboard/p/nhi-chieu/report?period=2026-H1', cookie)).status).toBe(403);
    const overview = (await page('/dashboard/p/nhi-chieu', cookie)).body;
    expect(overview).toContain(`${list.length} nhiệm vụ`);
    expect(overview).not.toContain('Tải báo cáo');
  });

  it('a leader sees their plan only; an admin every plan', async () => {
    h().seed(LEADER);
    h().seed({ key: 'tg:1', name: 'Quản trị', role: 'admin', plan: null, unit: null });
    expect((await page('/dashboard/p/hue', await h().signIn(LEADER.key))).status).toBe(404);
    const admin = await h().signIn('tg:1');
    const home = await page('/dashboard', admin);
    expect(home.body.match(/<li><a href="\/dashboard\/p\//g)).toHaveLength(3);
    expect((await page('/dashboard/p/hue', admin)).status).toBe(200);
  });
});

describe('the units', () => {
  it('lists each lead unit with its counts, those with overdue tasks first', async () => {
    h().seed(LEADER);
    const { body } = await page('/dashboard/p/nhi-chieu/units', await h().signIn(LEADER.key));
    const units = [...body.matchAll(/<tr><td><a [^>]*>([^<]+)<\/a>/g)].map((m) => m[1]);
    expect(units[0]).toBe('Phòng Văn hóa - Xã hội');
    expect(units).toContain('Trung tâm Phục vụ hành chính công');
  });
});

describe('the report', () => {
  it.each([
    ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'PK'],
    ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'PK'],
  ])('downloads as .%s for the period chosen', async (format, type, magic) => {
    h().seed(LEADER);
    const answer = await h().request(`/dashboard/p/nhi-chieu/report?period=2026-H1&format=${format}`, {
      cookie: await h().signIn(LEADER.key),
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(type);
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="bao-cao-nhi-chieu-2026-H1.${format}"`,
    );
    expect(
      Buffer.from(await answer.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe(magic);
  });

  it('refuses a period it cannot read', async () => {
    h().seed(LEADER);
    const { status, body } = await page('/dashboard/p/nhi-chieu/report?period=soon', await h().signIn(LEADER.key));
    expect(status).toBe(400);
    expect(body).toContain('Kỳ báo cáo không hợp lệ');
  });
});

describe('member units of a group', () => {
  it('count each member by its own share, in the units, the task and an officer’s list', async () => {
    h().seed(LEADER);
    const member = h().seed({ ...OFFICER, key: 'tg:701', name: 'Bình', unit: 'Phòng Kinh tế' });
    await h().store.members.add('nhi-chieu', 'Các phòng, đơn vị', ['Phòng Kinh tế', 'Phòng Tư pháp'], h().clock.now);
    await member.append({
      plan: 'nhi-chieu',
      task: '3',
      unit: 'Phòng Kinh tế',
      trackingYear: '2026', // a yearly task
      status: 'done',
      note: 'xong phần mình',
      createdAt: day('2026-06-02'),
    });
    const cookie = await h().signIn(LEADER.key);
    const units = (await page('/dashboard/p/nhi-chieu/units', cookie)).body;
    expect(units).toContain('>Phòng Kinh tế</a>');
    expect(units).toContain('>Phòng Tư pháp</a>');
    const task = (await page('/dashboard/p/nhi-chieu/tasks/3', cookie)).body;
    expect(task).toContain('Phần việc của các đơn vị');
    expect(task).toMatch(/<b>Phòng Kinh tế<\/b>: Hoàn thành/);
    expect(task).toMatch(/<b>Phòng Tư pháp<\/b>: /);
    const mine = rowNumbers((await page('/dashboard/p/nhi-chieu/tasks', await h().signIn('tg:701'))).body);
    expect(mine).toContain('3');
  });
});
