/**
 * End to end in headless Chromium: the assistant runs as its own process against telegram-test-api; people get their
 * links from the chat and use the dashboard as on a phone (390 px), screenshots in test-results/dashboard/.
 */
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/index.js';
import { useAppDb, useTelegramApp, type AppProcess } from '../support/app-process.js';
import { screenshot, useBrowser } from '../support/browser.js';
import { signInitData } from '../support/init-data.js';
import { seedUser } from '../support/seed-user.js';
import type { TestUser } from '../support/telegram-server.js';

/** What the page's window offers the checks (the tests are typed without the DOM library). */
type Page = { document: { documentElement: { scrollWidth: number } } };

const db = useAppDb();
const telegram = useTelegramApp(db);
const browser = useBrowser();

const LEADER = { key: 'tg:501', name: 'Chủ tịch Hòa', role: 'leader' as const, plan: 'nhi-chieu', unit: null };
const OFFICER = {
  key: 'tg:601',
  name: 'Lan <img src=x onerror="window.__xss=1">',
  role: 'officer' as const,
  plan: 'nhi-chieu',
  unit: 'Trung tâm Phục vụ hành chính công',
};

/** Seeds the leader and the officer, starts the assistant; the dashboard's address from its log. */
async function start(): Promise<{ app: AppProcess; base: string; leader: TestUser; officer: TestUser }> {
  const store = openStore(db().path);
  seedUser(store, LEADER);
  seedUser(store, OFFICER);
  store.close();
  const app = await telegram.start();
  const listening = await app.waitForLog('dashboard: server listening');
  const leader = telegram.server().user({ userId: 501, firstName: 'Hòa' });
  const officer = telegram.server().user({ userId: 601, firstName: 'Lan' });
  return { app, base: String(listening.publicUrl), leader, officer };
}

/** How long a poll waits for the bot or the page (the machine may be busy). */
const WAIT = { timeout: 20_000 };
const LINK = /https?:\/\/\S+\/dashboard\/login\/[A-Za-z0-9_-]+/;

/** Asks the bot for a link; the address in its reply (the morning's digest or reminders may come before it). */
async function linkFor(user: TestUser): Promise<string> {
  const before = telegram.server().messagesTo(user.chatId).length;
  await user.send('/bangdieukhien');
  for (;;) {
    const reply = telegram
      .server()
      .messagesTo(user.chatId)
      .slice(before)
      .find((m) => LINK.test(m.text));
    if (reply) {
      expect(reply.buttons.flat().map((b) => b.text)).toEqual(['Mở bảng điều khiển']); // http: no Mini App button
      return LINK.exec(reply.text)![0];
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const rows = (page: import('playwright-core').Page) =>
  page.locator('table.tasks tr[class^="k-"] td:first-child').allTextContents();

describe('the dashboard in a browser', { timeout: 90_000 }, () => {
  it('a leader gets the link in the chat, sees an update made a moment before, filters to overdue, opens a history', async () => {
    const { base, leader, officer } = await start();
    await officer.send('/capnhat 11 đang thực hiện 40% <script>window.__xss=2</script> đã rà soát 12 thủ tục');
    const officerSees = () =>
      telegram
        .server()
        .messagesTo(officer.chatId)
        .map((m) => m.text);
    await expect.poll(officerSees, WAIT).toContainEqual(expect.stringMatching(/^Đã lưu cập nhật/));
    const link = await linkFor(leader);
    expect(link.startsWith(`${base}/dashboard/login/`)).toBe(true);

    const { context, page } = await browser.open();
    await page.goto(link);
    await page.waitForURL(`${base}/dashboard/p/nhi-chieu`);
    const changes = page.locator('ul.changes li').first();
    await expect.poll(() => changes.textContent(), WAIT).toContain('NV 11');
    expect(await changes.textContent()).toContain('Đang thực hiện 40% — <script>window.__xss=2</script> đã rà soát');
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(1);
    const [cookie] = await context.cookies();
    expect(cookie).toMatchObject({ name: 'troly_session', httpOnly: true, sameSite: 'Lax', secure: false });
    await screenshot(page, '1-overview');

    await page.click('nav a[href$="/tasks"]');
    await page.selectOption('select[name=status]', 'overdue'); // the page's script applies it at once
    await page.waitForURL(/status=overdue/);
    // The process runs on today's date: task 1 (due 10/05/2026) is overdue, and every row shown is.
    expect(await rows(page)).toContain('1');
    const kinds = await page.locator('table.tasks tr[class^="k-"]').evaluateAll((trs) => trs.map((tr) => tr.className));
    expect(new Set(kinds)).toEqual(new Set(['k-overdue']));
    await screenshot(page, '2-tasks-overdue');

    await page.goto(`${base}/dashboard/p/nhi-chieu/tasks?status=in_progress`);
    await page.click('a[href$="/tasks/11"] >> nth=0');
    await page.waitForURL(/\/tasks\/11$/);
    const history = await page.locator('ol.history li').allTextContents();
    expect(history).toHaveLength(1);
    expect(history[0]).toContain('Đang thực hiện 40% — <script>window.__xss=2</script>');
    expect(history[0]).toContain('<img src=x onerror="window.__xss=1">');
    expect(await page.evaluate(() => (globalThis as { __xss?: number }).__xss)).toBeUndefined();
    await screenshot(page, '3-task-history');

    await page.click('nav a[href$="/units"]');
    await page.waitForURL(/\/units$/);
    expect(await page.locator('table.units tr').count()).toBeGreaterThan(3);
    await screenshot(page, '4-units');
    // Readable at 390 px: nothing wider than the screen but the tables' own scroll boxes.
    expect(
      await page.evaluate(() => (globalThis as unknown as Page).document.documentElement.scrollWidth),
    ).toBeLessThanOrEqual(390);
    await context.close();

    // The same link again signs nobody in, and without a session there is no data.
    const other = await browser.open();
    await other.page.goto(link);
    await expect
      .poll(() => other.page.locator('p.message').textContent(), WAIT)
      .toContain('đã được dùng hoặc đã hết hạn');
    await other.page.goto(`${base}/dashboard/p/nhi-chieu`);
    const body = (await other.page.locator('body').textContent()) ?? '';
    expect(body).toContain('gửi /bangdieukhien');
    expect(body).not.toMatch(/NV \d|Văn hóa|158\/KH/);
    await screenshot(other.page, '5-no-session');
    expect(await other.context.cookies()).toEqual([]);
    await other.context.close();
  });

  it('an officer sees only their unit’s tasks; a deactivated user’s session ends', async () => {
    const { base, officer } = await start();
    const { context, page } = await browser.open();
    await page.goto(await linkFor(officer));
    await page.waitForURL(`${base}/dashboard/p/nhi-chieu`);
    await page.goto(`${base}/dashboard/p/nhi-chieu/tasks`);
    const mine = await rows(page);
    expect(mine.filter((r) => /^\d+$/.test(r))).toEqual(['2', '3', '6', '7', '8', '11']);
    expect(mine).toContain('II.3.a.4'); // a body duty given to it
    expect(await page.locator('body').textContent()).not.toContain('Phòng Văn hóa - Xã hội');
    await screenshot(page, '6-officer-tasks');
    expect((await page.goto(`${base}/dashboard/p/nhi-chieu/tasks/1`))!.status()).toBe(404);

    const store = openStore(db().path);
    await store.users.deactivate(OFFICER.key);
    store.close();
    expect((await page.goto(`${base}/dashboard/p/nhi-chieu`))!.status()).toBe(401);
    expect(await page.locator('body').textContent()).toContain('gửi /bangdieukhien');
    await context.close();
  });

  it('a Mini App is signed in by Telegram’s initData; a wrong hash or an old auth_date is refused', async () => {
    const { base } = await start();
    const fields = (ageSeconds: number) => ({
      auth_date: String(Math.floor(Date.now() / 1000) - ageSeconds),
      query_id: 'AAHdF6IQAAAAAN0XohDhrOrc',
      user: JSON.stringify({ id: 501, first_name: 'Hòa' }),
    });
    const token = telegram.server().token;
    const open = async (initData: string) => {
      const opened = await browser.open();
      await opened.page.goto(`${base}/dashboard/#tgWebAppData=${encodeURIComponent(initData)}&tgWebAppVersion=8.0`);
      return opened;
    };

    for (const [name, initData] of [
      ['wrong-hash', signInitData(fields(5), token).replace(/hash=[0-9a-f]{6}/, 'hash=000000')],
      ['old-auth-date', signInitData(fields(2 * 3600), token)],
    ] as const) {
      const { context, page } = await open(initData);
      await expect.poll(() => page.locator('#sign-in p.message').textContent(), WAIT).toContain('Không xác minh được');
      expect(await context.cookies()).toEqual([]);
      expect(await page.locator('body').textContent()).not.toMatch(/NV \d|158\/KH/);
      await screenshot(page, `7-mini-app-${name}`);
      await context.close();
    }

    const { context, page } = await open(signInitData(fields(5), token));
    await page.waitForURL(`${base}/dashboard/p/nhi-chieu`);
    expect(await page.locator('h1').textContent()).toBe('Kế hoạch 158/KH-UBND');
    await screenshot(page, '8-mini-app-signed-in');
    await context.close();
  });
});
