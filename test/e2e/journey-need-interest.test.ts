/**
 * A two-role journey in the browser: an enterprise posts a need (first with mistakes, corrected from the
 * inline Chinese messages), publishes it, sees matches, opens one and expresses interest; the university
 * that owns the achievement accepts it; the enterprise sees the acceptance. Forms need no JavaScript.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useJourney } from './session';

const SHOTS = join(process.cwd(), 'test', 'e2e', 'screenshots');
const journey = useJourney();
const signIn = journey.signIn;

describe('enterprise posts a need → sees matches → expresses interest; university accepts', () => {
  it('works end to end from the pages alone', { timeout: 120_000 }, async () => {
    const ent = await signIn('demo-ent-chem');
    expect(await ent.page.locator('h1').textContent()).toBe('我的工作台');
    expect(await ent.page.locator('.summary').first().textContent()).toContain('宁夏贺兰山精细化工有限公司');

    // The workspace has its notifications section. Which seed alerts reach this organisation depends on
    // how the seed's stream batches fall, so the count is not asserted here; the alert rules themselves
    // are tested deterministically in test/integration/alerts.test.ts.
    expect(await ent.page.locator('h2:has-text("通知")').count()).toBe(1);
    // Subscribing to a search from the hall.
    await ent.page.goto(`${journey.runner().baseUrl}/achievements?q=${encodeURIComponent('精细化工')}`);
    await Promise.all([ent.page.waitForURL(/\/me\?done=saved/), ent.page.click('button:has-text("订阅此搜索")')]);
    expect(await ent.page.locator('.flash').textContent()).toContain('已订阅');
    expect(await ent.page.locator('h2:has-text("我的订阅") + table').textContent()).toContain('精细化工');

    // A form with mistakes: the messages appear beside the fields, in Chinese, and nothing is saved.
    await ent.page.click('text=发布技术需求');
    await ent.page.fill('#f-title', '短');
    await ent.page.fill('#f-budgetMin', '十万');
    await ent.page.click('button:has-text("保存草稿")');
    expect(await ent.page.locator('#err-title').textContent()).toBe('至少 4 个字');
    expect(await ent.page.locator('#err-contactPhone').textContent()).toContain('电话号码');
    expect(await ent.page.locator('#err-budgetMin').textContent()).toContain('以元为单位');
    expect(await ent.page.locator('#f-title').getAttribute('aria-invalid')).toBe('true');
    await ent.page.screenshot({ path: join(SHOTS, 'need-form-errors-1440.png'), fullPage: true });

    await ent.page.fill('#f-title', '双氰胺产品纯度不稳定、粉尘大');
    await ent.page.fill('#f-problem', '我公司双氰胺产品纯度在 99.0% 到 99.5% 之间波动，包装和干燥环节粉尘大，客户投诉较多，希望引进精制提纯和连续化生产技术。');
    await ent.page.fill('#f-acceptanceCriteria', '产品纯度稳定在 99.7% 以上\n干燥包装工段粉尘排放低于 10 毫克每立方米');
    await ent.page.selectOption('#f-industry', '精制双氰胺');
    await ent.page.fill('#f-keywords', '双氰胺, 重结晶, 粉尘');
    await ent.page.fill('#f-budgetMin', '1000000');
    await ent.page.fill('#f-budgetMax', '3,500,000');
    await ent.page.fill('#f-deadline', '2027-08-31');
    await ent.page.check('input[name=cooperationModes][value=licence]');
    await ent.page.check('input[name=cooperationModes][value=joint_development]');
    await ent.page.fill('#f-contactName', '吴芳');
    await ent.page.fill('#f-contactPhone', '0952-6033456');
    await ent.page.fill('#f-contactEmail', 'wufang@hls-chem.cn');
    await Promise.all([ent.page.waitForURL(/\/needs\/need_.+\/manage\?done=created/), ent.page.click('button:has-text("保存草稿")')]);
    expect(await ent.page.locator('.flash').textContent()).toContain('草稿');
    expect(await ent.page.locator('dl.facts').textContent()).toContain('¥1,000,000.00 – ¥3,500,000.00');

    await Promise.all([ent.page.waitForURL(/done=published/), ent.page.click('button:has-text("发布")')]);
    const matches = ent.page.locator('ol.grid .card');
    expect(await matches.count()).toBeGreaterThan(0);
    expect(await matches.first().textContent()).toMatch(/共同关键词|同属/);
    await ent.page.screenshot({ path: join(SHOTS, 'need-matches-1440.png'), fullPage: true });

    // Open the best match and express interest.
    await Promise.all([ent.page.waitForURL(/\/achievements\/ach_/), matches.first().locator('h3 a').click()]);
    const ownerOrg = ((await ent.page.locator('dl.facts dd').first().textContent()) ?? '').trim();
    await ent.page.fill('#f-message', '我公司希望了解该工艺在现有产线上的改造方案与投资。');
    await ent.page.fill('#f-contactName', '吴芳');
    await ent.page.fill('#f-contactPhone', '0952-6033456');
    await ent.page.fill('#f-contactEmail', 'wufang@hls-chem.cn');
    await Promise.all([ent.page.waitForURL(/\/me\?done=interest/), ent.page.click('button:has-text("提交意向")')]);
    expect(await ent.page.locator('.flash').textContent()).toContain('意向已提交');
    expect(await ent.page.locator('h2:has-text("我提交的合作意向") + table').textContent()).toContain('待对方处理');

    // The owning university accepts.
    const accounts = ((await (await fetch(`${journey.runner().baseUrl}/api/v1/dev/accounts`)).json()) as { items: { id: string; orgName: string | null; groups: string[] }[] }).items;
    const owner = accounts.find((a) => a.orgName === ownerOrg && a.groups.includes('university'))!;
    expect(owner, `an account for ${ownerOrg}`).toBeTruthy();
    const uni = await signIn(owner.id, 375);
    const row = uni.page.locator('tr', { hasText: '宁夏贺兰山精细化工有限公司' }).first();
    expect(await row.textContent()).toContain('我公司希望了解');
    await uni.page.screenshot({ path: join(SHOTS, 'university-inbox-375.png'), fullPage: true });
    await Promise.all([uni.page.waitForURL(/done=decided/), row.locator('button:has-text("接受")').click()]);
    expect(await uni.page.locator('tr', { hasText: '宁夏贺兰山精细化工有限公司' }).first().textContent()).toContain('已接受 · 联系人 吴芳');

    await ent.page.goto(`${journey.runner().baseUrl}/me`);
    expect(await ent.page.locator('h2:has-text("我提交的合作意向") + table').textContent()).toContain('对方已接受');
    expect(ent.errors).toEqual([]);
    expect(uni.errors).toEqual([]);

    // Without the CSRF token a form post is refused.
    const forged = await ent.context.request.post(`${journey.runner().baseUrl}/logout`, { form: { _csrf: 'x'.repeat(64) } });
    expect(forged.status()).toBe(403);
    await ent.context.close();
    await uni.context.close();
  });
});

describe('a published challenge keeps its promise in the edit form', () => {
  it('refuses a lower bounty inline and accepts a higher one', { timeout: 60_000 }, async () => {
    const ent = await signIn('demo-ent-sheep');
    const row = ent.page.locator('tr', { hasText: '【揭榜挂帅】' }).first();
    await Promise.all([ent.page.waitForURL(/\/manage/), row.locator('a').click()]);
    await Promise.all([ent.page.waitForURL(/\/edit$/), ent.page.click('a:has-text("修改")')]);
    expect(await ent.page.locator('.notice').textContent()).toContain('榜额只能提高');
    const bounty = Number(await ent.page.inputValue('#f-bounty'));
    await ent.page.fill('#f-bounty', String(bounty - 1));
    await ent.page.click('button:has-text("保存修改")');
    expect(await ent.page.locator('#err-bounty').textContent()).toContain('榜额不得降低');
    await ent.page.fill('#f-bounty', String(bounty + 100000));
    await Promise.all([ent.page.waitForURL(/done=saved/), ent.page.click('button:has-text("保存修改")')]);
    expect(await ent.page.locator('.flash').textContent()).toContain('修改已保存');
    expect(ent.errors).toEqual([]);
    await ent.context.close();
  });
});
