/**
 * The plan's other incentives in the browser, one journey per program, against the runner `npm start`
 * is: a university applies for 中试熟化 guidance from its pages, the bureau verifies, reviews and (another
 * admin) approves, and the dashboard's program figure moves by exactly the approved amount; the team
 * reward on a transfer contract; and a transfer center's one-off start-up grant through to paid.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { minimalPdf, postFile } from '../../scripts/local/demo-files';
import { achievementInput } from '../fixtures';
import { useJourney } from './session';

const SHOTS = join(process.cwd(), 'test', 'e2e', 'screenshots');
const journey = useJourney();

/** ¥1,234.56 in a cell → 123456 fen (digits only, no floats). */
function fenOf(text: string | null): number {
  const m = /¥([\d,]+)\.(\d\d)/.exec(text ?? '');
  if (!m) throw new Error(`no amount in ${text}`);
  return Number(m[1]!.replace(/,/g, '')) * 100 + Number(m[2]);
}

async function programFigure(page: Page, program: string, which: 'approved' | 'paid'): Promise<number> {
  await page.goto(`${journey.runner().baseUrl}/stats`);
  return fenOf(await page.locator(`tr#program-${program} .program-${which}`).textContent());
}

/** Uploads through the files panel's own script: ticket, straight to storage, confirm, reload. */
async function upload(page: Page, form: ReturnType<Page['locator']>, kind: string, name: string) {
  await form.locator('select[name=kind]').selectOption(kind);
  await form.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(minimalPdf([name])) });
  await Promise.all([page.waitForURL(/done=file/), form.locator('button:has-text("上传")').click()]);
}

async function api(account: string) {
  const base = journey.runner().baseUrl;
  const token = ((await (await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account }) })).json()) as { accessToken: string }).accessToken;
  return async (path: string, body?: unknown) => {
    const res = await fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<any>;
  };
}

/** The bureau's queue row for `text`, and a click on its button that waits for the decision. */
async function decide(page: Page, text: string, button: string, fill?: string) {
  await page.goto(`${journey.runner().baseUrl}/admin/programs`);
  const row = page.locator('tr', { hasText: text }).filter({ has: page.locator(`button:has-text("${button}")`) }).first();
  if (fill) await row.locator('input[name=note], input[name=reason]').first().fill(fill);
  await Promise.all([page.waitForURL(/done=decided/), row.locator(`button:has-text("${button}")`).click()]);
}

describe('programs from the pages', () => {
  it('中试熟化 guidance: project → R&D input → verified → applied → reviewed → approved by another admin → the dashboard moves by exactly that', { timeout: 180_000 }, async () => {
    const uni = await journey.signIn('demo-nxist');
    await uni.page.goto(`${journey.runner().baseUrl}/me/programs`);
    await uni.page.fill('#f-title', '退役光伏组件银浆回收中试线');
    await uni.page.fill('#f-summary', '建设年处理 500 吨退役组件的湿法提取中试线，验证回收率与能耗指标。');
    await uni.page.fill('#f-budget', '3000000');
    await uni.page.fill('#f-startOn', '2026-03-01');
    await Promise.all([uni.page.waitForURL(/\/me\/projects\/prj_.*done=created/), uni.page.click('button:has-text("创建项目")')]);
    await uni.page.fill('#f-amount', '2,000,000');
    await uni.page.fill('#f-spentOn', '2026-10-15');
    await uni.page.fill('#f-evidenceRef', '银行回单 ZS-20261015-01');
    await Promise.all([uni.page.waitForURL(/done=input/), uni.page.click('button:has-text("登记")')]);
    expect(await uni.page.locator('table.list').first().textContent()).toContain('待核验');
    const projectUrl = uni.page.url().replace(/\?.*$/, '');
    // The evidence that the funds were in place, for the bureau to verify against.
    await upload(uni.page, uni.page.locator('form[data-upload^="/files/inputs/"]'), 'funds_evidence', '银行回单-20261015.pdf');
    expect(await uni.page.locator('table.list').first().textContent()).toContain('银行回单-20261015.pdf');

    const admin = await journey.signIn('demo-admin');
    await admin.page.goto(`${journey.runner().baseUrl}/admin/programs`);
    expect(await admin.page.locator('tr', { hasText: '退役光伏组件银浆回收中试线' }).locator('ul.files').textContent()).toContain('银行回单-20261015.pdf');
    await decide(admin.page, '退役光伏组件银浆回收中试线', '核验通过');

    await uni.page.goto(projectUrl);
    expect(await uni.page.locator('dd.verified-input').textContent()).toBe('¥2,000,000.00');
    const apply = uni.page.locator('button:has-text("申请引导支持")');
    expect(await apply.textContent()).toContain('¥600,000.00');
    await Promise.all([uni.page.waitForURL(/done=applied/), apply.click()]);
    expect(await uni.page.locator('table.list').nth(1).textContent()).toContain('已提交');

    await decide(admin.page, '退役光伏组件银浆回收中试线', '受理审核', '研发投入凭证与合同一致');
    // The reviewer is not offered the approval.
    expect(await admin.page.locator('tr', { hasText: '退役光伏组件银浆回收中试线' }).locator('button:has-text("批准")').count()).toBe(0);
    const before = await programFigure(admin.page, 'maturation_guidance', 'approved');

    const admin2 = await journey.signIn('demo-admin-2');
    await decide(admin2.page, '退役光伏组件银浆回收中试线', '批准');
    expect(await programFigure(admin2.page, 'maturation_guidance', 'approved')).toBe(before + 60_000_000);

    // The dashboard's charts, rendered by Chromium, at both widths.
    for (const width of [1440, 375]) {
      const page = await journey.browser().newPage({ viewport: { width, height: 900 } });
      await page.goto(`${journey.runner().baseUrl}/stats`);
      expect(await page.locator('figure.echart svg:visible').count()).toBeGreaterThanOrEqual(6);
      const box = await page.locator('figure.echart').first().boundingBox();
      expect(box!.width).toBeLessThanOrEqual(width);
      await page.screenshot({ path: join(SHOTS, `stats-dashboard-${width}.png`), fullPage: true });
      await page.close();
    }
    for (const s of [uni, admin, admin2]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  it('team reward: the registered transfer contract linked from the project page, 30 % of what was paid', { timeout: 180_000 }, async () => {
    // Arrange through the API: a project with its achievement, and the registered contract that transferred it with a verified payment.
    const uniApi = await api('demo-nxist');
    const tcApi = await api('demo-tc-xjtu');
    const adminApi = await api('demo-admin');
    const achievement = await uniApi('/achievements', achievementInput({ title: '石墨负极连续提纯技术' }));
    await uniApi(`/achievements/${achievement.id}/publish`);
    const project = await uniApi('/projects', { title: '石墨负极连续提纯中试', achievementId: achievement.id, summary: '验证连续提纯工艺在中试规模下的纯度与能耗。', budgetFen: 100_000_000, startOn: '2026-02-01' });
    // Any enterprise will do as the buyer: the owner of a published need is one.
    const buyer = { id: ((await (await fetch(`${journey.runner().baseUrl}/api/v1/needs?limit=1`)).json()) as { items: { ownerOrgId: string }[] }).items[0]!.ownerOrgId };
    const contract = await tcApi('/contracts', { title: '石墨负极连续提纯技术转让合同', kind: 'transfer', sellerOrgId: achievement.ownerOrgId, buyerOrgId: buyer.id, amountFen: 400_000_000, signedOn: '2026-11-02', achievementId: achievement.id });
    const upload = async (owner: string, kind: string) => {
      const bytes = minimalPdf([owner, kind]);
      const ticket = await tcApi(`/${owner}/uploads`, { kind, fileName: `${kind}.pdf`, contentType: 'application/pdf', sizeBytes: bytes.byteLength });
      expect(await postFile(ticket, bytes, `${kind}.pdf`)).toBe(204);
      await tcApi(`/${owner}/uploads/${ticket.uploadId}/confirm`, {});
    };
    await upload(`contracts/${contract.id}`, 'signed_contract');
    await tcApi(`/contracts/${contract.id}/submit`);
    const registered = await adminApi(`/contracts/${contract.id}/register`, { decision: 'registered' });
    const payment = await tcApi(`/contracts/${contract.id}/payments`, { amountFen: 100_000_000, paidOn: '2026-11-20', evidenceRef: `银行回单 ${registered.registrationNumber}-1` });
    await upload(`payments/${payment.id}`, 'bank_slip');
    await adminApi(`/payments/${payment.id}/verify`, { decision: 'verified' });

    const uni = await journey.signIn('demo-nxist', 375);
    await uni.page.goto(`${journey.runner().baseUrl}/me/projects/${project.id}`);
    await uni.page.fill('#f-contractId', contract.id);
    await Promise.all([uni.page.waitForURL(/done=linked/), uni.page.click('button:has-text("关联合同")')]);
    const apply = uni.page.locator('button:has-text("申请团队奖励")');
    expect(await apply.textContent()).toContain('¥300,000.00');
    await Promise.all([uni.page.waitForURL(/done=applied/), apply.click()]);

    // demo-admin verified the payment: demo-admin-2 reviews, and neither may approve; the refusal says why.
    const admin2 = await journey.signIn('demo-admin-2');
    await decide(admin2.page, '石墨负极连续提纯中试', '受理审核', '合同已登记，到账已核验');
    const admin = await journey.signIn('demo-admin');
    await admin.page.goto(`${journey.runner().baseUrl}/admin/programs`);
    const row = admin.page.locator('tr', { hasText: '石墨负极连续提纯中试' });
    await Promise.all([admin.page.waitForURL(/error=separation_of_duties_program/), row.locator('button:has-text("批准")').click()]);
    expect(await admin.page.locator('p.page-error').textContent()).toContain('不能审批');
    for (const s of [uni, admin, admin2]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });

  it('start-up grant: a transfer center applies once, the bureau approves and pays, the paid figure moves by ¥200,000', { timeout: 180_000 }, async () => {
    const tc = await journey.signIn('demo-tc-xjtu');
    await tc.page.goto(`${journey.runner().baseUrl}/me/programs`);
    await tc.page.fill('#f-agreementTitle', '石嘴山市人民政府与西安交通大学技术转移合作协议');
    await tc.page.fill('#f-agreementNumber', 'SZS-2026-017');
    await tc.page.fill('#f-agreementSignedOn', '2026-06-18');
    await Promise.all([tc.page.waitForURL(/done=applied/), tc.page.click('button:has-text("申请启动费用")')]);
    // A second application is refused with the reason, on the same page.
    await tc.page.fill('#f-agreementTitle', '石嘴山市人民政府与西安交通大学技术转移合作协议');
    await tc.page.fill('#f-agreementNumber', 'SZS-2026-017');
    await tc.page.fill('#f-agreementSignedOn', '2026-06-18');
    await Promise.all([tc.page.waitForURL(/error=already_granted/), tc.page.click('button:has-text("申请启动费用")')]);
    expect(await tc.page.locator('p.page-error').textContent()).toContain('已申请过');
    await upload(tc.page, tc.page.locator('form[data-upload^="/files/applications/"]'), 'signed_agreement', '合作协议-盖章页.pdf');

    const admin = await journey.signIn('demo-admin');
    const paidBefore = await programFigure(admin.page, 'startup_grant', 'paid');
    await decide(admin.page, '技术转移合作协议', '受理审核', '协议已核实');
    const admin2 = await journey.signIn('demo-admin-2');
    await decide(admin2.page, '技术转移合作协议', '批准');
    await decide(admin.page, '技术转移合作协议', '登记已拨付');
    expect(await programFigure(admin.page, 'startup_grant', 'paid')).toBe(paidBefore + 20_000_000);
    await tc.page.goto(`${journey.runner().baseUrl}/me/programs`);
    expect(await tc.page.locator('table.list', { hasText: '启动费用' }).textContent()).toContain('已拨付');
    for (const s of [tc, admin, admin2]) {
      expect(s.errors).toEqual([]);
      await s.context.close();
    }
  });
});
