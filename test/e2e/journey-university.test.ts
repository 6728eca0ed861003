/**
 * The university's side in the browser: publish an achievement from the form (mistakes shown inline),
 * see the needs it could answer, send a 揭榜 proposal to one; the enterprise sees it in its inbox.
 */
import { describe, expect, it } from 'vitest';
import { useJourney } from './session';

const journey = useJourney();
const signIn = journey.signIn;

describe('university publishes an achievement → sees matching needs → sends a 揭榜 proposal', () => {
  it('works from the pages alone', { timeout: 120_000 }, async () => {
    const uni = await signIn('demo-inst-material');
    await uni.page.click('text=发布科技成果');
    await uni.page.fill('#f-title', '高纯钽靶材电子束熔炼提纯技术');
    await uni.page.fill('#f-trl', '12');
    await uni.page.click('button:has-text("保存草稿")');
    expect(await uni.page.locator('#err-trl').textContent()).toBe('不能大于 9');
    expect(await uni.page.locator('#err-summary').textContent()).toBe('至少 20 个字');

    await uni.page.fill('#f-summary', '采用电子束多次熔炼与真空退火，钽纯度达到 99.995%，可制备溅射靶材，替代进口。');
    await uni.page.fill('#f-confidentialDetail', '熔炼功率与真空度曲线见内部报告。');
    await uni.page.selectOption('#f-industry', '电子元器件用高纯稀有金属');
    await uni.page.fill('#f-keywords', '高纯钽 靶材 电子束熔炼');
    await uni.page.fill('#f-trl', '7');
    await uni.page.check('input[name=transferModes][value=licence]');
    await uni.page.fill('#f-priceMin', '800000');
    await uni.page.fill('#f-leader', '赵明');
    await uni.page.fill('#f-contactName', '赵明');
    await uni.page.fill('#f-contactPhone', '0952-6012345');
    await uni.page.fill('#f-contactEmail', 'zhaoming@szs-nmi.cn');
    await Promise.all([uni.page.waitForURL(/\/achievements\/ach_.+\/manage\?done=created/), uni.page.click('button:has-text("保存草稿")')]);
    await Promise.all([uni.page.waitForURL(/done=published/), uni.page.click('button:has-text("发布")')]);
    // Edit the published achievement: the form comes back filled, the change is saved.
    await Promise.all([uni.page.waitForURL(/\/edit$/), uni.page.click('a:has-text("修改")')]);
    expect(await uni.page.inputValue('#f-priceMin')).toBe('800000');
    await uni.page.fill('#f-trl', '8');
    await Promise.all([uni.page.waitForURL(/done=saved/), uni.page.click('button:has-text("保存修改")')]);
    expect(await uni.page.locator('dl.facts').textContent()).toContain('TRL 8');

    // Any open need it matches (the demo data has some in related industries); send a proposal to the first.
    const matches = uni.page.locator('ol.grid .card');
    expect(await matches.count()).toBeGreaterThan(0);
    await Promise.all([uni.page.waitForURL(/\/needs\/need_/), matches.first().locator('h3 a').click()]);
    const needOwner = ((await uni.page.locator('dl.facts dd').first().textContent()) ?? '').trim();
    await uni.page.fill('#f-message', '我院可承担该需求，附中试数据。');
    await uni.page.fill('#f-plan', '第一阶段完成小批量试制并检测纯度，第二阶段在贵公司产线完成工艺验证，三个月内交付。');
    await uni.page.fill('#f-contactName', '赵明');
    await uni.page.fill('#f-contactPhone', '0952-6012345');
    await uni.page.fill('#f-contactEmail', 'zhaoming@szs-nmi.cn');
    await Promise.all([uni.page.waitForURL(/\/me\?done=interest/), uni.page.click('button:has-text("提交方案")')]);

    const accounts = ((await (await fetch(`${journey.runner().baseUrl}/api/v1/dev/accounts`)).json()) as { items: { id: string; orgName: string | null; groups: string[] }[] }).items;
    const owner = accounts.find((a) => a.orgName === needOwner && a.groups.includes('enterprise'))!;
    const ent = await signIn(owner.id, 375);
    expect(await ent.page.locator('tr', { hasText: '石嘴山新材料研究院' }).first().textContent()).toContain('揭榜方案');
    expect(uni.errors).toEqual([]);
    expect(ent.errors).toEqual([]);
    await uni.context.close();
    await ent.context.close();
  });
});
