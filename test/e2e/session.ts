/** Shared set-up for the browser journeys: one runner and one Chromium per file, and signing in as a demo account. */
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/local/chromium';
import { startRunner, type Runner } from './runner';

export interface Journey {
  runner(): Runner;
  browser(): Browser;
  signIn(account: string, width?: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
}

export function useJourney(): Journey {
  let runner: Runner;
  let browser: Browser;
  beforeAll(async () => {
    const executablePath = await ensureChromium();
    [runner, browser] = await Promise.all([startRunner(), chromium.launch({ executablePath, args: CHROMIUM_ARGS })]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await runner?.stop();
  });
  return {
    runner: () => runner,
    browser: () => browser,
    async signIn(account, width = 1440) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
      await page.goto(`${runner.baseUrl}/login`);
      await Promise.all([page.waitForURL(/\/me$/), page.locator(`form:has(input[name=account][value="${account}"]) button`).click()]);
      return { context, page, errors };
    },
  };
}
