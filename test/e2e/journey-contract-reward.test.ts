/**
 * The money journey in the browser: a transfer center records a payment on a registered contract and
 * uploads its invoice; the bureau opens the invoice and verifies it; the reward accrues; the center claims it (a re-submitted form does not claim twice);
 * another bureau official approves; the public dashboard shows the approved reward.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createHash } from 'node:crypto';
import { minimalPdf } from '../../scripts/local/demo-files';
import { useJourney } from './session';

const journey = useJourney();
const signIn = journey.signIn;

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Uploads through the files panel's own script: ticket, straight to storage with progress, confirm, reload. */
async function upload(page: Page, form: ReturnType<Page['locator']>, kind: string, name: string, bytes: Uint8Array) {
  await form.locator('select[name=kind]').selectOption(kind);
  await form.locator('input[type=file]').setInputFiles({ name, mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  await Promise.all([page.waitForURL(/done=file/), form.locator('button:has-text("上传")').click()]);
}

/** The admin opens a file from the queue with their own browser session: the bytes are the ones uploaded. */
async function openFromQueue(admin: { page: Page; context: import('playwright-core').BrowserContext }, row: ReturnType<Page['locator']>, name: string, bytes: Uint8Array) {
  const link = row.locator('ul.files a', { hasText: name });
  expect(await row.locator('ul.files code').first().textContent()).toBe(sha256(bytes));
  const res = await admin.context.request.get(new URL((await link.getAttribute('href'))!, admin.page.url()).toString());
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toBe('application/pdf');
  expect(sha256(new Uint8Array(await res.body()))).toBe(sha256(bytes));
}

const rewardFigure = async (page: Page, label: string) => (await page.locator('.kpi', { hasText: label }).locator('.value').textContent())?.trim();

describe('center records a payment → bureau verifies → center claims → bureau approves → dashboard', () => {
  it('works from the pages alone', { timeout: 120_000 }, async () => {
    const before = ((await (await fetch(`${journey.runner().baseUrl}/api/v1/stats`)).json()) as { totals: { rewardsApprovedFen: number } }).totals.rewardsApprovedFen;
    const center = await signIn('demo-tc-xjtu');
    const row = center.page.locator('tr', { hasText: '咨询合同' }).first();
    expect(await row.textContent()).toContain('已登记');
    await Promise.all([center.page.waitForURL(/\/contracts\/con_/), row.locator('a').first().click()]);
    await center.page.fill('#f-amount', '120,000');
    await center.page.fill('#f-paidOn', '2026-11-20');
    await Promise.all([center.page.waitForURL(/done=payment/), center.page.click('button:has-text("登记到账")')]);
    expect(await center.page.locator('table.list').first().textContent()).toContain('待核验');
    const contractUrl = center.page.url().replace(/\?.*$/, '');
    // Verification needs the evidence itself: the center uploads the invoice on the contract page.
    const invoice = minimalPdf(['Invoice 120,000.00 CNY', 'consulting contract']);
    await upload(center.page, center.page.locator('form[data-upload^="/files/payments/"]').first(), 'invoice', '发票-咨询合同.pdf', invoice);
    expect(await center.page.locator('table.list').first().textContent()).toContain('发票-咨询合同.pdf');

    const admin = await signIn('demo-admin');
    const paymentRow = admin.page.locator('tr', { hasText: '咨询合同' }).filter({ has: admin.page.locator('button:has-text("核验通过")') }).first();
    await openFromQueue(admin, paymentRow, '发票-咨询合同.pdf', invoice);
    await Promise.all([admin.page.waitForURL(/done=decided/), paymentRow.locator('button:has-text("核验通过")').click()]);

    // The ledger runs from the stream: the reward appears within a moment.
    let accrued = '';
    for (let i = 0; i < 40 && accrued !== '¥12,000.00'; i++) {
      await center.page.goto(contractUrl);
      accrued = (await rewardFigure(center.page, '累计应得奖励')) ?? '';
      if (accrued !== '¥12,000.00') await center.page.waitForTimeout(250);
    }
    expect(accrued).toBe('¥12,000.00');
    expect(await rewardFigure(center.page, '当前可申领')).toBe('¥12,000.00');

    // Submit the claim form, then submit the very same form again (a retry): one claim only.
    const claimForm = center.page.locator('form[action$="/claims"]');
    const key = await claimForm.locator('input[name=idempotencyKey]').inputValue();
    const csrf = await claimForm.locator('input[name=_csrf]').inputValue();
    await Promise.all([center.page.waitForURL(/done=claim/), claimForm.locator('button').click()]);
    const retry = await center.context.request.post(contractUrl.replace(/$/, '/claims'), { form: { _csrf: csrf, idempotencyKey: key, amount: '12000.00' }, headers: { origin: journey.runner().baseUrl }, maxRedirects: 0 });
    expect(retry.status()).toBe(303);
    await center.page.goto(contractUrl);
    expect(await center.page.locator('h3:has-text("申领记录") + table tbody tr').count()).toBe(1);
    expect(await rewardFigure(center.page, '当前可申领')).toBe('¥0.00');
    // The claim's supporting document, for the bureau to decide on.
    const proof = minimalPdf(['Brokerage service report', 'consulting contract']);
    await upload(center.page, center.page.locator('form[data-upload^="/files/claims/"]'), 'supporting_document', '服务报告.pdf', proof);

    // The official who verified the payment may not approve; another one does.
    await admin.page.goto(`${journey.runner().baseUrl}/me`);
    const claimRow = admin.page.locator('tr', { hasText: '咨询合同' }).filter({ has: admin.page.locator('button:has-text("批准")') }).first();
    await claimRow.locator('button:has-text("批准")').click();
    expect(await admin.page.locator('p[role=alert]').textContent()).toContain('核验过该合同到账的管理员');
    const admin2 = await signIn('demo-admin-2');
    const claimRow2 = admin2.page.locator('tr', { hasText: '咨询合同' }).filter({ has: admin2.page.locator('button:has-text("批准")') }).first();
    await openFromQueue(admin2, claimRow2, '服务报告.pdf', proof);
    await Promise.all([admin2.page.waitForURL(/done=decided/), claimRow2.locator('button:has-text("批准")').click()]);

    const after = ((await (await fetch(`${journey.runner().baseUrl}/api/v1/stats`)).json()) as { totals: { rewardsApprovedFen: number } }).totals.rewardsApprovedFen;
    expect(after - before).toBe(1_200_000);
    const board = await journey.browser().newPage();
    await board.goto(`${journey.runner().baseUrl}/stats`);
    expect(await board.locator('.kpi', { hasText: '已批准奖励' }).locator('.value').textContent()).toMatch(/¥/);
    await board.close();
    // A new contract from the form, registered from the bureau's queue.
    await center.page.goto(`${journey.runner().baseUrl}/contracts/new`);
    await center.page.fill('#f-title', '锂电正极材料前驱体连续共沉淀技术开发合同');
    await center.page.selectOption('#f-kind', 'development');
    await center.page.selectOption('#f-sellerOrgId', { label: '石嘴山新材料研究院' });
    await center.page.selectOption('#f-buyerOrgId', { label: '石嘴山星海光伏材料有限公司' });
    await center.page.fill('#f-amount', '一百万');
    await center.page.fill('#f-signedOn', '2026-11-10');
    await center.page.click('button:has-text("保存合同")');
    expect(await center.page.locator('#err-amount').textContent()).toBeTruthy();
    await center.page.fill('#f-amount', '1,000,000');
    await Promise.all([center.page.waitForURL(/\/contracts\/con_/), center.page.click('button:has-text("保存合同")')]);
    expect(await center.page.locator('dl.facts').textContent()).toContain('待提交');
    expect(await center.page.locator('p.notice').textContent()).toContain('请先上传签章合同');
    // A file that is not a PDF inside is refused under the form, and nothing is attached.
    const fake = new TextEncoder().encode('<html>not a pdf</html>');
    const contractForm = center.page.locator('form[data-upload^="/files/contracts/"]');
    await contractForm.locator('select[name=kind]').selectOption('signed_contract');
    await contractForm.locator('input[type=file]').setInputFiles({ name: 'scan.pdf', mimeType: 'application/pdf', buffer: Buffer.from(fake) });
    await contractForm.locator('button:has-text("上传")').click();
    await expect.poll(() => contractForm.locator('[role=alert]').textContent()).toContain('文件内容与声明的类型不符');
    const signed = minimalPdf(['Technology development contract', 'signed and sealed']);
    await upload(center.page, contractForm, 'signed_contract', '技术开发合同（签章）.pdf', signed);
    await Promise.all([center.page.waitForURL(/done=submitted/), center.page.click('button:has-text("提交认定登记")')]);
    expect(await center.page.locator('dl.facts').textContent()).toContain('待认定登记');
    await admin2.page.goto(`${journey.runner().baseUrl}/me`);
    const draftRow = admin2.page.locator('tr', { hasText: '锂电正极材料前驱体' }).first();
    // The stored name is normalised (NFKC: full-width brackets become ASCII).
    await openFromQueue(admin2, draftRow, '技术开发合同(签章).pdf', signed);
    await Promise.all([admin2.page.waitForURL(/done=decided/), draftRow.locator('button:has-text("认定登记")').click()]);
    await center.page.reload();
    expect(await center.page.locator('dl.facts').textContent()).toMatch(/6402\d{10}/);
    expect(await center.page.locator('.files-panel + p.hint, p.hint:has-text("登记时的附件")').first().textContent()).toContain(sha256(signed));

    // Admins drill down from the dashboard to the contracts behind the turnover.
    await admin2.page.goto(`${journey.runner().baseUrl}/stats`);
    expect(await admin2.page.locator('table.list tbody tr').count()).toBeGreaterThanOrEqual(5);

    // The bureau publishes a successor policy: an overlapping window is refused inline, a later one is listed.
    await admin2.page.goto(`${journey.runner().baseUrl}/admin/policies`);
    expect(await admin2.page.locator('table.list tbody tr').count()).toBe(2);
    await admin2.page.fill('#f-name', '技术转移奖励政策（2028 年起）');
    await admin2.page.fill('#f-validFrom', '2027-06-01');
    await admin2.page.fill('#f-validTo', '2028-12-31');
    await admin2.page.click('button:has-text("发布政策")');
    expect(await admin2.page.locator('#err-validFrom').textContent()).toContain('重叠');
    await admin2.page.fill('#f-validFrom', '2028-01-01');
    await Promise.all([admin2.page.waitForURL(/\/admin\/policies$/), admin2.page.click('button:has-text("发布政策")')]);
    expect(await admin2.page.locator('table.list tbody tr').count()).toBe(3);

    expect(center.errors).toEqual([]);
    expect(admin2.errors).toEqual([]);
    for (const s of [center, admin, admin2]) await s.context.close();
  });
});
