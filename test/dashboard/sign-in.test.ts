import { describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../src/dashboard/index.js';
import { BOT_TOKEN, useDashboard } from '../support/dashboard-harness.js';
import { signInitData } from '../support/init-data.js';

const h = useDashboard();
const LEADER = { key: 'tg:501', name: 'Chủ tịch Hòa', role: 'leader' as const, plan: 'nhi-chieu', unit: null };
const linkPath = (url: string) => new URL(url).pathname;

describe('the dashboard without a session', () => {
  it.each(['/dashboard', '/dashboard/p/nhi-chieu', '/dashboard/p/nhi-chieu/tasks/1', '/dashboard/p/nhi-chieu/units'])(
    '%s: says how to get a link and shows no plan data',
    async (path) => {
      const answer = await h().request(path);
      expect(answer.status).toBe(401);
      const body = await answer.text();
      expect(body).toContain('gửi /bangdieukhien cho trợ lý');
      expect(body).not.toMatch(/Văn hóa|NV \d|158\/KH/);
    },
  );

  it('a report is not given either', async () => {
    const answer = await h().request('/dashboard/p/nhi-chieu/report?period=2026-H1&format=xlsx');
    expect(answer.status).toBe(401);
    expect(answer.headers.get('content-type')).toMatch(/^text\/html/);
  });
});

describe('signing in with a one-time link', () => {
  it('opens a form (a link preview does not use it up); posting it sets the cookie and goes to the dashboard', async () => {
    h().seed(LEADER);
    const { url } = await h().dashboard.issueLink(LEADER.key, h().clock.now);
    expect(url).toMatch(new RegExp(`^${h().base}/dashboard/login/[A-Za-z0-9_-]{43}$`));
    const preview = await h().request(linkPath(url));
    expect(preview.status).toBe(200);
    expect(preview.headers.get('set-cookie')).toBeNull();
    const used = await h().request(linkPath(url), { method: 'POST' });
    expect(used.status).toBe(303);
    expect(used.headers.get('location')).toBe('/dashboard/');
    const cookie = used.headers.get('set-cookie')!;
    expect(cookie).toMatch(
      new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Lax; Max-Age=28800$`),
    );
    const home = await h().request('/dashboard', { cookie: cookie.split(';')[0] });
    expect(home.status).toBe(303);
    expect(home.headers.get('location')).toBe('/dashboard/p/nhi-chieu');
  });

  it('works once: used again it signs nobody in', async () => {
    h().seed(LEADER);
    const { url } = await h().dashboard.issueLink(LEADER.key, h().clock.now);
    expect((await h().request(linkPath(url), { method: 'POST' })).status).toBe(303);
    const again = await h().request(linkPath(url), { method: 'POST' });
    expect(again.status).toBe(403);
    expect(again.headers.get('set-cookie')).toBeNull();
    expect(await again.text()).toContain('đã được dùng hoặc đã hết hạn');
  });

  it('expires after 10 minutes; an unknown link signs nobody in', async () => {
    h().seed(LEADER);
    const { url } = await h().dashboard.issueLink(LEADER.key, h().clock.now);
    h().clock.now = new Date(h().clock.now.getTime() + 10 * 60_000 + 1);
    expect((await h().request(linkPath(url), { method: 'POST' })).status).toBe(403);
    const forged = await h().request(`/dashboard/login/${'A'.repeat(43)}`, { method: 'POST' });
    expect(forged.status).toBe(403);
  });

  it('keeps only hashes of the link and session secrets in the database', async () => {
    h().seed(LEADER);
    const { url } = await h().dashboard.issueLink(LEADER.key, h().clock.now);
    const secret = url.split('/').at(-1)!;
    const cookie = (await h().request(linkPath(url), { method: 'POST' })).headers.get('set-cookie')!;
    const session = cookie.split(';')[0]!.split('=')[1]!;
    const stored = JSON.stringify(h().store.db.prepare('SELECT * FROM dashboard_links, dashboard_sessions').all());
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain(session);
  });

  it('a form posted from another site is refused', async () => {
    h().seed(LEADER);
    const { url } = await h().dashboard.issueLink(LEADER.key, h().clock.now);
    const answer = await h().request(linkPath(url), { method: 'POST', headers: { origin: 'https://evil.example' } });
    expect(answer.status).toBe(403);
    expect((await h().request(linkPath(url), { method: 'POST' })).status).toBe(303);
  });
});

describe('a session', () => {
  it('ends when its user is deactivated', async () => {
    h().seed(LEADER);
    const cookie = await h().signIn(LEADER.key);
    expect((await h().request('/dashboard/p/nhi-chieu', { cookie })).status).toBe(200);
    expect(await h().store.users.deactivate(LEADER.key)).toBe(true);
    const after = await h().request('/dashboard/p/nhi-chieu', { cookie });
    expect(after.status).toBe(401);
    expect(h().store.db.prepare('SELECT ended_at FROM dashboard_sessions').pluck().get()).not.toBeNull();
  });

  it('ends when signing out, and after 8 hours', async () => {
    h().seed(LEADER);
    const cookie = await h().signIn(LEADER.key);
    const out = await h().request('/dashboard/logout', { method: 'POST', cookie });
    expect(out.status).toBe(303);
    expect(out.headers.get('set-cookie')).toMatch(
      new RegExp(`^${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`),
    );
    expect((await h().request('/dashboard/p/nhi-chieu', { cookie })).status).toBe(401);
    const later = await h().signIn(LEADER.key);
    h().clock.now = new Date(h().clock.now.getTime() + 8 * 3_600_000);
    expect((await h().request('/dashboard/p/nhi-chieu', { cookie: later })).status).toBe(401);
  });
});

describe('signing in from the Telegram Mini App', () => {
  const fields = (authDate: Date, id = 501) => ({
    auth_date: String(Math.floor(authDate.getTime() / 1000)),
    query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
    user: JSON.stringify({ id, first_name: 'Hòa', language_code: 'vi' }),
  });
  const post = (initData: string) =>
    h().request('/dashboard/mini-app', {
      method: 'POST',
      body: new URLSearchParams({ init_data: initData }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('opens a session for the registered Telegram user whose initData Telegram signed', async () => {
    h().seed(LEADER);
    const answer = await post(signInitData(fields(h().clock.now), BOT_TOKEN));
    expect(answer.status).toBe(204);
    const cookie = answer.headers.get('set-cookie')!.split(';')[0]!;
    expect((await h().request('/dashboard/p/nhi-chieu', { cookie })).status).toBe(200);
  });

  it.each([
    ['a wrong hash', (now: Date) => signInitData(fields(now), BOT_TOKEN).replace(/hash=[0-9a-f]{4}/, 'hash=0000')],
    ['another bot’s signature', (now: Date) => signInitData(fields(now), '987654321:OTHER-bot-token')],
    [
      'a changed user id',
      (now: Date) => signInitData(fields(now), BOT_TOKEN).replace('%22id%22%3A501', '%22id%22%3A502'),
    ],
    ['an old auth_date', (now: Date) => signInitData(fields(new Date(now.getTime() - 2 * 3_600_000)), BOT_TOKEN)],
    ['no hash', (now: Date) => new URLSearchParams(fields(now)).toString()],
    ['nothing', () => ''],
  ])('refuses %s', async (_what, initData) => {
    h().seed(LEADER);
    h().seed({ ...LEADER, key: 'tg:502' });
    const answer = await post(initData(h().clock.now));
    expect(answer.status).toBe(403);
    expect(answer.headers.get('set-cookie')).toBeNull();
    expect(await answer.text()).toContain('Không xác minh được');
  });

  it('refuses a Telegram user who is not registered', async () => {
    const answer = await post(signInitData(fields(h().clock.now, 777), BOT_TOKEN));
    expect(answer.status).toBe(403);
    expect(await answer.text()).toContain('chưa đăng ký');
  });
});
