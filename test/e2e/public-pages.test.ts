/**
 * The public pages in Debian's Chromium against the local runner: Chinese content from the seeded data,
 * search with highlights, filters without JavaScript, the dashboard, 404 — at 375 px and 1440 px, with no
 * console errors. The screenshot of each main page is taken by screens.test.ts; this file keeps the search state.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/local/chromium';
import { startRunner, type Runner } from './runner';

const SHOTS = join(process.cwd(), 'test', 'e2e', 'screenshots');
let runner: Runner;
let browser: Browser;

beforeAll(async () => {
  const executablePath = await ensureChromium();
  mkdirSync(SHOTS, { recursive: true });
  [runner, browser] = await Promise.all([startRunner(), chromium.launch({ executablePath, args: CHROMIUM_ARGS })]);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await runner?.stop();
});

async function open(width: number, path: string): Promise<{ page: Page; errors: string[]; status: number }> {
  const page = await browser.newPage({ viewport: { width, height: width < 500 ? 800 : 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  const response = await page.goto(`${runner.baseUrl}${path}`);
  return { page, errors, status: response!.status() };
}

for (const width of [375, 1440]) {
  describe(`public pages at ${width} px`, () => {
    it('home: Chinese hero, KPI strip, open challenges with countdowns, newest achievements', async () => {
      const { page, errors, status } = await open(width, '/');
      expect(status).toBe(200);
      expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
      expect(await page.locator('h1').first().textContent()).toContain('石嘴山科技大市场');
      expect(await page.locator('.kpi').count()).toBe(4);
      expect(await page.locator('#ch-title + .grid .card').count()).toBeGreaterThan(0);
      expect(await page.locator('#ch-title + .grid .card').first().textContent()).toMatch(/天后截止/);
      expect(await page.locator('#new-title + .grid .card').count()).toBe(6);
      expect(await page.locator('.money').first().textContent()).toMatch(/¥|面议/);
      // Styled, not raw HTML: the stylesheet applied.
      expect(await page.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(11, 92, 173)');
      // Usable at this width: nothing wider than the viewport.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('search from the home page lands in the hall with highlighted matches; filters work without JavaScript', async () => {
      const { page, errors } = await open(width, '/');
      await page.fill('#q', '双氰胺');
      await Promise.all([page.waitForURL(/\/achievements\?q=/), page.press('#q', 'Enter')]);
      expect(await page.locator('.summary').textContent()).toMatch(/\d+ 条结果/);
      expect(await page.locator('.card mark').first().textContent()).toContain('双氰胺');
      await page.screenshot({ path: join(SHOTS, `achievements-search-${width}.png`), fullPage: true });
      // A facet narrows the results (plain GET form).
      const options = await page.locator('#f-industry option').allTextContents();
      expect(options.length).toBeGreaterThan(1);
      await page.selectOption('#f-industry', { index: 1 });
      await Promise.all([page.waitForURL(/industry=/), page.click('aside.facets button[type=submit]')]);
      const count = Number(/(\d+)/.exec((await page.locator('.summary').textContent()) ?? '')![1]);
      expect(count).toBe(Number(/\((\d+)\)/.exec(options[1]!)![1]));
      expect(errors).toEqual([]);
      await page.close();
    });

    it('with JavaScript, results follow typing without a page load', async () => {
      const { page, errors } = await open(width, '/achievements');
      const before = await page.locator('.summary').textContent();
      // A marker on the window survives only if the page is not reloaded.
      await page.evaluate(() => ((window as unknown as { stay: number }).stay = 1));
      await page.fill('#q', '枸杞');
      await page.waitForFunction((b) => document.querySelector('.summary')?.textContent !== b, before);
      expect(await page.evaluate(() => (window as unknown as { stay?: number }).stay)).toBe(1);
      expect(await page.locator('.card mark').first().textContent()).toContain('枸杞');
      expect(page.url()).toContain('q=%E6%9E%B8%E6%9D%9E');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('listing detail shows public fields only, with a call to action', async () => {
      const { page } = await open(width, '/needs?challenge=true');
      await Promise.all([page.waitForURL(/\/needs\/need_/), page.locator('.card h3 a').first().click()]);
      expect(await page.locator('.notice').first().textContent()).toContain('榜额');
      expect(await page.locator('ol li').count()).toBeGreaterThan(0);
      expect(await page.content()).not.toContain('confidentialDetail');
      expect(await page.locator('a.button').last().textContent()).toContain('揭榜方案');
      await page.close();
    });

    it('the dashboard draws the KPIs as charts; an unknown page is a friendly 404; English is a switch away', async () => {
      const stats = await open(width, '/stats');
      // The KPI charts (by year, industry, district) and the steering charts, drawn by ECharts on the server: one SVG per chart shows at this width.
      for (const name of ['按年度', '按产业', '按区县']) expect(await stats.page.locator(`figure.echart[aria-label="${name}"] svg:visible`).count()).toBe(1);
      expect(await stats.page.locator('figure.echart svg:visible').count()).toBe(await stats.page.locator('figure.echart').count());
      expect(await stats.page.locator('figure.echart').count()).toBeGreaterThanOrEqual(9);
      await stats.page.close();
      const missing = await open(width, '/no-such-page');
      expect(missing.status).toBe(404);
      expect(await missing.page.locator('h1').textContent()).toBe('页面不存在');
      await missing.page.close();
      const english = await open(width, '/achievements?lang=en');
      expect(await english.page.locator('h1').textContent()).toBe('Achievements');
      expect(await english.page.getAttribute('html', 'lang')).toBe('en');
      await english.page.close();
    });
  });
}
