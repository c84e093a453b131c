import { describe, expect, it } from 'vitest';
import { useDashboard } from '../support/dashboard-harness.js';

const h = useDashboard({ baseUrl: 'https://bot.example.gov.vn' });

describe('the session cookie behind an https PUBLIC_URL', () => {
  it('is Secure, and the links are made under PUBLIC_URL', async () => {
    h().seed({ key: 'tg:501', name: 'Hòa', role: 'leader', plan: 'nhi-chieu', unit: null });
    const { url } = await h().dashboard.issueLink('tg:501', h().clock.now);
    expect(url).toMatch(/^https:\/\/bot\.example\.gov\.vn\/dashboard\/login\//);
    const answer = await h().request(new URL(url).pathname, { method: 'POST' });
    expect(answer.headers.get('set-cookie')).toMatch(/; HttpOnly; SameSite=Lax; Max-Age=28800; Secure$/);
  });
});
