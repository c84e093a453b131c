import type { Plan } from '../../knowledge/index.js';
import { DASHBOARD_TEXT as T, planLabel } from '../../messages/index.js';
import type { UserRecord } from '../../tasks/index.js';
import { markup } from '../html.js';
import { BASE, page, planPath } from './layout.js';

/** Without a session: how to get a link, and no plan data. The script signs a Mini App in from Telegram's data. */
export const signInPage = (): string =>
  page({
    title: T.signInTitle,
    body: markup`<section id="sign-in" data-mini-app="${BASE}/mini-app"><h2>${T.signInTitle}</h2><p>${T.signInHow}</p></section>`,
  });

/**
 * What a one-time link opens: a form that uses it by POST (the script submits it at once). A link preview that
 * fetches the address does not use the link up.
 */
export const linkPage = (path: string): string =>
  page({
    title: T.signInTitle,
    body: markup`<form method="post" action="${path}" id="use-link"><p>${T.signingIn}</p><button type="submit">${T.signInButton}</button></form>`,
  });

/** An admin's plans. */
export function plansPage(user: UserRecord, plans: Plan[]): string {
  const list = plans.map((p) => markup`<li><a href="${planPath(p)}">${planLabel(p)}</a></li>`);
  const content = plans.length ? markup`<ul class="plans">${list}</ul>` : markup`<p>${T.noPlan}</p>`;
  return page({ title: T.title, user, body: markup`<section><h2>${T.plans}</h2>${content}</section>` });
}
