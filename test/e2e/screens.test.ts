/**
 * Every main page, public and signed-in, at 375 px and 1440 px in Debian's Chromium against the local
 * runner: no console errors, nothing wider than the viewport, the stylesheet applied, a filled <h1>, every
 * visible control labelled; a full-page screenshot of each under test/e2e/screenshots/<name>-<width>.png.
 * Then the language switch on the signed-in pages: English on /me and on a form (inline messages too),
 * and back to Chinese. Each role signs in once per width and its context is reused for its pages.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useJourney } from './session';

const SHOTS = join(process.cwd(), 'test', 'e2e', 'screenshots');
mkdirSync(SHOTS, { recursive: true });
const journey = useJourney();

/** Console errors and uncaught exceptions of a page, collected from now on. */
function watch(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

/** Signs in through the shared helper (its console listener covers the sign-in itself) and adds page errors. */
async function signIn(account: string, width: number) {
  const session = await journey.signIn(account, width);
  session.page.on('pageerror', (e) => session.errors.push(String(e)));
  return session;
}

async function go(page: Page, path: string): Promise<number> {
  const response = await page.goto(`${journey.runner().baseUrl}${path}`);
  return response!.status();
}

/** Visible form controls that neither a <label> nor aria-label names (screen readers would read nothing). */
function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input:not([type=hidden]), select, textarea'))
      .filter((el) => !(el.labels && el.labels.length > 0) && !el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
      .map((el) => el.outerHTML.slice(0, 120)),
  );
}

/** The checks every page passes, then its screenshot. `errors` is emptied so the next page starts clean. */
async function checkScreen(page: Page, errors: string[], name: string, width: number): Promise<void> {
  const h1 = (await page.locator('h1').first().textContent())?.trim() ?? '';
  expect(h1.length, `${name}: <h1> text`).toBeGreaterThan(1);
  // Styled from /assets/app.css, not the browser's defaults: the header's brand colour and the main column.
  expect(await page.locator('header.site').evaluate((el) => getComputedStyle(el).backgroundColor), `${name}: header style`).toBe('rgb(11, 92, 173)');
  expect(await page.locator('main').evaluate((el) => getComputedStyle(el).maxWidth), `${name}: main style`).toBe('1200px');
  // Usable at this width: nothing forces a horizontal scroll.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), `${name}: page width`).toBeLessThanOrEqual(width);
  expect(await unlabelledControls(page), `${name}: unlabelled controls`).toEqual([]);
  await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true });
  expect(errors, `${name}: console errors`).toEqual([]);
  errors.length = 0;
}

/** The first card's link in a hall, for the detail pages (whatever the seed's ids are). */
async function firstCardHref(page: Page, hall: string): Promise<string> {
  await go(page, hall);
  const href = await page.locator('.card h3 a').first().getAttribute('href');
  expect(href).toMatch(/^\/(achievements|needs)\/[\w-]+$/);
  return href!;
}

const CJK = /[\u4e00-\u9fff]/;

for (const width of [375, 1440]) {
  describe(`every main page at ${width} px`, () => {
    it('public: home, both halls, an achievement, a need, the dashboard, 404', { timeout: 90_000 }, async () => {
      const context = await journey.browser().newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      const errors = watch(page);
      for (const [name, path] of [['home', '/'], ['achievements', '/achievements'], ['needs', '/needs'], ['stats', '/stats']] as const) {
        expect(await go(page, path), name).toBe(200);
        await checkScreen(page, errors, name, width);
      }
      await go(page, await firstCardHref(page, '/achievements'));
      await checkScreen(page, errors, 'achievement-detail', width);
      await go(page, await firstCardHref(page, '/needs?challenge=true'));
      expect(await page.locator('.notice').first().textContent()).toContain('榜额');
      await checkScreen(page, errors, 'need-detail', width);

      expect(await go(page, '/no-such-page')).toBe(404);
      expect(await page.locator('h1').textContent()).toBe('页面不存在');
      // The browser reports the 404 document itself as a console error; that one is expected, nothing else.
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/404/);
      errors.length = 0;
      await checkScreen(page, errors, 'not-found', width);
      await context.close();
    });

    it('enterprise: workspace and the need form', { timeout: 60_000 }, async () => {
      const { context, page, errors } = await signIn('demo-ent-chem', width);
      expect(await page.locator('h1').textContent()).toBe('我的工作台');
      expect(await page.locator('h2:has-text("我的技术需求") + p + table tbody tr').count()).toBeGreaterThan(0);
      await checkScreen(page, errors, 'me-enterprise', width);
      await go(page, '/needs/new');
      expect(await page.locator('label[for=f-title]').textContent()).toContain('需求标题');
      await checkScreen(page, errors, 'need-form', width);
      await context.close();
    });

    it('university: workspace, the achievement form, an achievement with its matching needs', { timeout: 90_000 }, async () => {
      const { context, page, errors } = await signIn('demo-inst-material', width);
      await checkScreen(page, errors, 'me-university', width);
      const manageLinks = await page.locator('a[href$="/manage"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(manageLinks.length).toBeGreaterThan(0);
      await go(page, '/achievements/new');
      expect(await page.locator('label[for=f-trl]').textContent()).toContain('TRL');
      await checkScreen(page, errors, 'achievement-form', width);
      // The first of the university's achievements that has matching needs (the seed gives several some).
      let matched = false;
      for (const href of manageLinks) {
        await go(page, href);
        if ((await page.locator('ol.grid .card').count()) > 0) {
          matched = true;
          break;
        }
      }
      expect(matched, 'an achievement with matches').toBe(true);
      expect(await page.locator('ol.grid .card .tag').first().textContent()).toMatch(/^匹配度 \d+$/);
      // Edit and archive sit together in one row of actions (a <form> inside a <p> used to split them).
      expect(await page.locator('.actions > a, .actions > form').count()).toBeGreaterThanOrEqual(2);
      await checkScreen(page, errors, 'achievement-manage', width);
      await context.close();
    });

    it('transfer center: workspace, a contract with payments and reward, the contract form', { timeout: 60_000 }, async () => {
      const { context, page, errors } = await signIn('demo-tc-xjtu', width);
      expect(await page.locator('h2:has-text("我促成的技术合同")').count()).toBe(1);
      await checkScreen(page, errors, 'me-center', width);
      // A contract with verified payments: its reward figures show.
      const row = page.locator('tr', { hasText: '履行中' }).first();
      const href = await row.locator('a').first().getAttribute('href');
      await go(page, href!);
      expect(await page.locator('h2:has-text("到账记录") + table tbody tr').count()).toBeGreaterThan(0);
      expect(await page.locator('.kpi').count()).toBe(4);
      expect(await page.locator('.money').first().textContent()).toMatch(/^¥[\d,]+\.\d\d$/);
      await checkScreen(page, errors, 'contract', width);
      // Longer English terms in the same layout (they once pushed this page past 375 px).
      await go(page, `${href!}?lang=en`);
      expect(await page.locator('dl.facts').textContent()).toContain('Registration number');
      await checkScreen(page, errors, 'contract-en', width);
      await go(page, `${href!}?lang=zh`);
      await go(page, '/contracts/new');
      await checkScreen(page, errors, 'contract-form', width);
      await context.close();
    });

    it('admin: work queues and the reward policies', { timeout: 60_000 }, async () => {
      const { context, page, errors } = await signIn('demo-admin', width);
      expect(await page.locator('h2:has-text("待认定登记的技术合同")').count()).toBe(1);
      await checkScreen(page, errors, 'admin-queues', width);
      await go(page, '/admin/policies');
      expect(await page.locator('table.list tbody tr').count()).toBeGreaterThan(0);
      await checkScreen(page, errors, 'admin-policies', width);
      await context.close();
    });

    it('newcomer without an organisation: workspace and the registration form', { timeout: 60_000 }, async () => {
      const { context, page, errors } = await signIn('demo-newcomer-enterprise', width);
      expect(await page.locator('.summary').first().textContent()).toContain('尚未加入机构');
      await checkScreen(page, errors, 'me-newcomer', width);
      await Promise.all([page.waitForURL(/\/orgs\/new$/), page.getByRole('link', { name: '注册机构' }).click()]);
      await checkScreen(page, errors, 'organisation-form', width);
      await context.close();
    });
  });
}

describe('the signed-in pages switch to English and back', () => {
  it('workspace, forms and inline messages follow ?lang=, remembered across pages', { timeout: 90_000 }, async () => {
    const { context, page, errors } = await signIn('demo-ent-chem', 375);

    await go(page, '/me?lang=en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('My workspace');
    expect(await page.locator('main').textContent()).toContain('My technology needs');
    const statuses = await page.locator('h2:has-text("My technology needs") + p + table tbody td:nth-child(2)').allTextContents();
    expect(statuses.length).toBeGreaterThan(0);
    for (const status of statuses) expect(status).not.toMatch(CJK);
    await page.screenshot({ path: join(SHOTS, `me-enterprise-en-375.png`), fullPage: true });

    // The choice is remembered: the form comes in English without asking again.
    await go(page, '/needs/new');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Post a technology need');
    expect(await page.locator('label[for=f-contactPhone]').textContent()).toContain('Phone');
    expect(await page.locator('#f-industry option[value="精制双氰胺"]').textContent()).toBe('Refined dicyandiamide');
    // Mistakes are explained in English beside the fields.
    await page.fill('#f-title', 'x');
    await page.fill('#f-budgetMin', '十万');
    await page.click('button:has-text("Save draft")');
    expect(await page.locator('#err-budgetMin').textContent()).toContain('Enter an amount in yuan');
    expect(await page.locator('p.field-error[role=alert]').first().textContent()).toMatch(/^Please correct the \d+ marked fields/);
    for (const message of await page.locator('.field-error').allTextContents()) expect(message).not.toMatch(CJK);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: join(SHOTS, `need-form-errors-en-375.png`), fullPage: true });

    // Back to Chinese.
    await go(page, '/needs/new?lang=zh');
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.locator('h1').textContent()).toBe('发布技术需求');
    await go(page, '/me');
    expect(await page.locator('h1').textContent()).toBe('我的工作台');
    expect(await page.locator('main').textContent()).toContain('我的技术需求');
    expect(errors).toEqual([]);
    await context.close();
  });
});
