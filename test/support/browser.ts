import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { PROJECT_ROOT } from './app-process.js';

/** Debian's chromium (`apt-get install chromium`; .ci/run installs it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the run's screenshots go (gitignored). */
export const SCREENSHOTS = join(PROJECT_ROOT, 'test-results', 'dashboard');
/** A phone: 390 px wide. */
export const PHONE = { width: 390, height: 844 };

/** Registers hooks starting one headless Chromium for the file; `open()` gives a fresh phone-sized context (no cookies). */
export function useBrowser(): { open(): Promise<{ context: BrowserContext; page: Page }> } {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    open: async () => {
      const context = await browser.newContext({ viewport: PHONE, locale: 'vi-VN' });
      return { context, page: await context.newPage() };
    },
  };
}

/** Saves a full-page screenshot as `test-results/dashboard/<name>.png`. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
