/**
 * E-mail from the stream, read back from the real local mail catcher (MailDev's REST API): each event
 * mails the right people with a link to its page; replaying a batch sends nothing twice; a partial
 * batch failure resends only what failed; preferences, signed-out unsubscribe, the suppression list,
 * the daily digest and the message rate limit.
 */
import type { DynamoDBRecord } from 'aws-lambda';
import { beforeAll, describe, expect, it } from 'vitest';
import { caughtMail, type CaughtMail } from '../../scripts/local/mail-local';
import { deliveriesOf } from '../../shared/db/mail';
import { unsubscribeToken } from '../../shared/mail/links';
import type { Mailer } from '../../shared/mail/mailer';
import { createMailFeedbackHandler, createMailHandler, sendDailyDigests } from '../../shared/services/mail-delivery';
import { achievementInput, orgInput } from '../fixtures';
import { problem, startHarness, TEST_NOW, type Harness } from './harness';

let h: Harness;
let clock = TEST_NOW.getTime();
/** Every record the mail notifier was given; `live` false: recorded but not mailed (the test drives the handler). */
const records: DynamoDBRecord[] = [];
let live = false;
const UNI = 'contact@nxist.edu.cn';
const ENT = 'contact@xinghai-pv.cn';
const TC = 'contact@xjtu-szs.cn';
const ADMINS = ['demo-admin@szskjj.gov.cn', 'demo-admin-2@szskjj.gov.cn'];
const SENDER_PHONE = '13995012345';

beforeAll(async () => {
  h = await startHarness({
    now: () => new Date(clock),
    streamHandlers: {
      'mail-notifier': async (event) => {
        records.push(...event.Records);
        return live ? createMailHandler(h.mail.deps)(event) : { batchItemFailures: [] };
      },
    },
  });
  // The seed's records were set aside by the local runner's own gate too: start from what tests do.
  records.length = 0;
  live = true;
});

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

/** The mails to `address` whose subject contains `subject`, waiting (bounded) for at least `min` to arrive. */
async function mailsTo(address: string, subject: string, min = 1): Promise<CaughtMail[]> {
  await h.drain();
  const deadline = Date.now() + 3000;
  for (;;) {
    const found = (await caughtMail(h.mail.inboxUrl)).filter((m) => m.to.some((t) => t.address === address) && m.subject.includes(subject));
    if (found.length >= min || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function publishedAchievement(title: string) {
  const uni = await h.token('demo-nxist');
  const a = await json(await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput({ title }) }), 201);
  await json(await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token: uni }), 200);
  return a.id as string;
}

async function interestIn(achievementId: string, account = 'demo-ent-pv') {
  return json(
    await h.call('POST', `/api/v1/achievements/${achievementId}/interests`, {
      token: await h.token(account),
      body: { message: '我司希望就该成果的产业化应用进行洽谈，请联系。', contact: { name: '刘强', phone: SENDER_PHONE, email: 'liu.qiang@xinghai-pv.cn' } },
    }),
    201,
  ) as Promise<{ id: string }>;
}

describe('mail for each event, to the right people', () => {
  it('interest received → the listing owner, with the link to the interest and none of the sender’s contact', async () => {
    const title = '邮件测试：多晶硅还原炉节能改造';
    const interest = await interestIn(await publishedAchievement(title));
    const [mail, ...more] = await mailsTo(UNI, title);
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe(`收到新的合作意向：${title}`);
    expect(mail!.text).toContain(`http://localhost/me/interests/${interest.id}`);
    // Chinese first, then the English.
    expect(mail!.text.indexOf('留言摘要')).toBeLessThan(mail!.text.indexOf('Their message begins'));
    expect(mail!.text).not.toContain(SENDER_PHONE);
    expect(mail!.html).not.toContain(SENDER_PHONE);
    expect(mail!.text).toMatch(/\/unsubscribe\?t=/);
    // Nobody else of the deal is mailed about it.
    expect(await mailsTo(ENT, `合作意向：${title}`, 0)).toHaveLength(0);
  });

  it('accepted and declined (with its coded reason) → the sender; withdrawn → the owner', async () => {
    const uni = await h.token('demo-nxist');
    const a = await interestIn(await publishedAchievement('邮件测试：接受的成果'));
    await json(await h.call('POST', `/api/v1/interests/${a.id}/accept`, { token: uni }), 200);
    expect((await mailsTo(ENT, '对方已接受您的意向：邮件测试：接受的成果'))).toHaveLength(1);

    const d = await interestIn(await publishedAchievement('邮件测试：婉拒的成果'));
    await json(await h.call('POST', `/api/v1/interests/${d.id}/decline`, { token: uni, body: { reason: 'price' } }), 200);
    const [declined] = await mailsTo(ENT, '对方婉拒了您的意向：邮件测试：婉拒的成果');
    expect(declined!.text).toContain('原因：价格或预算不匹配');
    expect(declined!.text).toContain('Reason: price or budget does not fit');

    const w = await interestIn(await publishedAchievement('邮件测试：撤回的成果'));
    await json(await h.call('POST', `/api/v1/interests/${w.id}/withdraw`, { token: await h.token('demo-ent-pv') }), 200);
    expect(await mailsTo(UNI, '对方撤回了意向：邮件测试：撤回的成果')).toHaveLength(1);
  });

  it('contract submitted → admins; registered → the parties; payment recorded → admins, verified → the broker; claim submitted → admins, approved and paid → the broker', async () => {
    const tc = await h.token('demo-tc-xjtu');
    const title = '邮件测试：碳化硅粉体提纯技术许可合同';
    const contract = await json(
      await h.call('POST', '/api/v1/contracts', { token: tc, body: { title, kind: 'licence', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 100_000_000, signedOn: '2026-10-15' } }),
      201,
    );
    await h.submitForRegistration(contract.id, tc);
    for (const admin of ADMINS) expect(await mailsTo(admin, `待认定登记：${title}`)).toHaveLength(1);
    const registered = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: await h.token('demo-admin'), body: { decision: 'registered' } }), 200);
    for (const party of [UNI, ENT, TC]) {
      const [mail] = await mailsTo(party, `合同已认定登记：${title}`);
      expect(mail!.text).toContain(registered.registrationNumber);
      expect(mail!.text).toContain(`http://localhost/contracts/${contract.id}`);
    }

    const payment = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/payments`, { token: tc, body: { amountFen: 50_000_000, paidOn: '2026-11-20', evidenceRef: `银行回单 ${registered.registrationNumber}-1` } }), 201);
    for (const admin of ADMINS) expect(await mailsTo(admin, '待核验到账：¥500,000.00')).toHaveLength(1);
    await h.attach(tc, `payments/${payment.id}`, 'bank_slip');
    await json(await h.call('POST', `/api/v1/payments/${payment.id}/verify`, { token: await h.token('demo-admin'), body: { decision: 'verified' } }), 200);
    const [verified] = await mailsTo(TC, '到账已核验：¥500,000.00');
    expect(verified!.text).toContain(`合同「${title}」`);
    expect(await mailsTo(UNI, '到账已核验', 0)).toHaveLength(0);

    await h.drain();
    const claim = await json(await h.call('POST', `/api/v1/contracts/${contract.id}/claims`, { token: tc, body: { amountFen: 5_000_000 }, headers: { 'idempotency-key': `mail-claim-${contract.id}` } }), 201);
    for (const admin of ADMINS) expect(await mailsTo(admin, '待审批奖励申领：¥50,000.00')).toHaveLength(1);
    await json(await h.call('POST', `/api/v1/claims/${claim.id}/approve`, { token: await h.token('demo-admin-2'), body: {} }), 200);
    expect(await mailsTo(TC, '奖励申领已批准：¥50,000.00')).toHaveLength(1);
    await json(await h.call('POST', `/api/v1/claims/${claim.id}/pay`, { token: await h.token('demo-admin-2') }), 200);
    expect(await mailsTo(TC, '奖励已拨付：¥50,000.00')).toHaveLength(1);
  });

  it('program application submitted → admins; approved, rejected and paid → the applicant', async () => {
    const [uni, admin, admin2, tc] = await Promise.all([h.token('demo-nxist'), h.token('demo-admin'), h.token('demo-admin-2'), h.token('demo-tc-xjtu')]);
    const achievementId = await publishedAchievement('邮件测试：石墨提纯中试成果');
    const project = await json(await h.call('POST', '/api/v1/projects', { token: uni, body: { title: '邮件测试中试项目', achievementId, summary: '验证连续提纯工艺的中试指标与能耗水平。', budgetFen: 100_000_000, startOn: '2026-02-01' } }), 201);
    const input = await json(await h.call('POST', `/api/v1/projects/${project.id}/inputs`, { token: uni, body: { amountFen: 10_000_000, spentOn: '2026-10-01', category: 'materials', evidenceRef: '回单 MAIL-1' } }), 201);
    await h.attach(uni, `inputs/${input.id}`, 'funds_evidence');
    await json(await h.call('POST', `/api/v1/projects/${project.id}/inputs/${input.id}/verify`, { token: admin, body: { decision: 'verified' } }), 200);
    const application = await json(await h.call('POST', '/api/v1/applications', { token: uni, body: { program: 'maturation_guidance', projectId: project.id } }), 201);
    for (const a of ADMINS) expect(await mailsTo(a, '待审核扶持申请：中试熟化项目引导支持 ¥30,000.00')).toHaveLength(1);
    await json(await h.call('POST', `/api/v1/applications/${application.id}/review`, { token: admin, body: { note: '凭证齐全' } }), 200);
    await json(await h.call('POST', `/api/v1/applications/${application.id}/approve`, { token: admin2 }), 200);
    const [approved] = await mailsTo(UNI, '扶持申请已批准：中试熟化项目引导支持 ¥30,000.00');
    expect(approved!.text).toContain('http://localhost/me/programs');
    await json(await h.call('POST', `/api/v1/applications/${application.id}/pay`, { token: admin }), 200);
    expect(await mailsTo(UNI, '扶持资金已拨付：中试熟化项目引导支持 ¥30,000.00')).toHaveLength(1);
    // Nobody else hears of it.
    expect(await mailsTo(TC, '扶持', 0)).toHaveLength(0);
    const grant = await json(await h.call('POST', '/api/v1/applications', { token: tc, body: { program: 'startup_grant', agreement: { title: '邮件测试合作协议', number: 'MAIL-2026-1', signedOn: '2026-06-01' } } }), 201);
    await json(await h.call('POST', `/api/v1/applications/${grant.id}/reject`, { token: admin, body: { reason: '协议尚未落地' } }), 200);
    const [rejected] = await mailsTo(TC, '扶持申请被驳回：高校科技资源转移转化机构启动费用');
    expect(rejected!.text).toContain('协议尚未落地');
  });

  it('organisation verified → its member, who registered it after signing up', async () => {
    const newcomer = await h.token('demo-newcomer-enterprise');
    const org = await json(await h.call('POST', '/api/v1/orgs', { token: newcomer, body: orgInput({ name: '邮件测试新材料有限公司' }) }), 201);
    await json(await h.call('POST', `/api/v1/orgs/${org.id}/verify`, { token: await h.token('demo-admin'), body: { decision: 'verified' } }), 200);
    expect(await mailsTo('demo-newcomer-enterprise@example.com', '机构已通过认证：邮件测试新材料有限公司')).toHaveLength(1);
  });
});

describe('exactly once', () => {
  it('replaying every batch the notifier was given sends nothing twice', async () => {
    await h.drain();
    const before = (await caughtMail(h.mail.inboxUrl)).length;
    expect(before).toBeGreaterThan(10);
    const handler = createMailHandler(h.mail.deps);
    const replay = await handler({ Records: [...records] });
    expect(replay.batchItemFailures).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await caughtMail(h.mail.inboxUrl)).length).toBe(before);
  });

  it('a send failing in the middle of a batch fails that record only; the retry sends what is left, once each', async () => {
    live = false;
    const from = records.length;
    const titles = ['邮件测试：批次一', '邮件测试：批次二', '邮件测试：批次三'];
    const ids: string[] = [];
    for (const title of titles) ids.push((await interestIn(await publishedAchievement(title))).id);
    await h.drain();
    live = true;
    const batch = records.slice(from).filter((r) => r.eventName === 'INSERT' && r.dynamodb?.NewImage?.entity?.S === 'interest');
    expect(batch.map((r) => r.dynamodb!.NewImage!.id!.S)).toEqual(ids);

    let sends = 0;
    const real = h.mail.deps.mailer;
    const flaky: Mailer = { transport: 'smtp', close: () => {}, send: async (mail) => { sends++; if (mail.subject.includes('批次二')) throw new Error('SMTP 421 try again later'); return real.send(mail); } };
    const failing = await createMailHandler({ ...h.mail.deps, mailer: flaky, sendAttempts: 2, backoffMs: 1 })({ Records: batch });
    expect(failing.batchItemFailures).toEqual([{ itemIdentifier: batch[1]!.dynamodb!.SequenceNumber }]);
    expect(sends).toBe(3); // one for 批次一, two attempts for 批次二, none yet for 批次三
    expect(await mailsTo(UNI, '批次一')).toHaveLength(1);
    expect(await mailsTo(UNI, '批次二', 0)).toHaveLength(0);
    expect((await deliveriesOf(h.db, `INTEREST#${ids[1]}#received`)).map((d) => d.status)).toEqual(['failed']);

    // Lambda redelivers from the failed record on; then the whole batch once more.
    const handler = createMailHandler(h.mail.deps);
    expect((await handler({ Records: batch.slice(1) })).batchItemFailures).toEqual([]);
    expect((await handler({ Records: batch })).batchItemFailures).toEqual([]);
    for (const title of titles) expect(await mailsTo(UNI, title)).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 300));
    for (const title of titles) expect(await mailsTo(UNI, title, 0)).toHaveLength(1);
  });
});

describe('preferences, unsubscribe and suppression', () => {
  it('the signed unsubscribe link works signed out (GET shows, one-click POST does it) and stops that kind only', async () => {
    const [mail] = await mailsTo(UNI, '邮件测试：多晶硅还原炉节能改造');
    const link = /http:\/\/localhost(\/unsubscribe\?t=[^\s"<]+)/.exec(mail!.text)![1]!;
    const page = await h.app.request(link);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('c***@nxist.edu.cn');
    expect(html).toContain('意向与揭榜方案');
    // GET changes nothing (link scanners fetch links).
    const token = await h.token('demo-nxist');
    expect((await json(await h.call('GET', '/api/v1/me/mail-settings', { token }), 200)).email.interests).toBe(true);
    // RFC 8058: the mail client POSTs List-Unsubscribe=One-Click, with no cookie and no CSRF token.
    const done = await h.app.request(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click' });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain('已退订');
    const settings = await json(await h.call('GET', '/api/v1/me/mail-settings', { token }), 200);
    expect(settings.email).toMatchObject({ interests: false, contracts: true, messages: true });

    const title = '邮件测试：退订后的意向';
    const interest = await interestIn(await publishedAchievement(title));
    await h.drain();
    expect(await mailsTo(UNI, title, 0)).toHaveLength(0);
    const deliveries = await deliveriesOf(h.db, `INTEREST#${interest.id}#received`);
    expect(deliveries).toEqual([expect.objectContaining({ sub: 'demo-nxist', status: 'skipped', why: 'email_off' })]);
    // In-app stays: the interest is in the received list.
    const received = await json(await h.call('GET', '/api/v1/interests?box=received&limit=50', { token }), 200);
    expect(received.items.map((i: { id: string }) => i.id)).toContain(interest.id);

  });

  it('a forged or altered link is refused and changes nothing', async () => {
    const good = unsubscribeToken(h.mail.deps.linkSecret, 'demo-ent-pv', 'messages');
    const forged = unsubscribeToken('not-the-secret-not-the-secret-000', 'demo-ent-pv', 'messages');
    const other = good.replace(Buffer.from('demo-ent-pv').toString('base64url'), Buffer.from('demo-ent-chem').toString('base64url'));
    for (const t of [forged, other, 'garbage', '']) {
      const res = await h.app.request(`/unsubscribe?t=${encodeURIComponent(t)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(res.status).toBe(400);
    }
    for (const account of ['demo-ent-pv', 'demo-ent-chem']) {
      expect((await json(await h.call('GET', '/api/v1/me/mail-settings', { token: await h.token(account) }), 200)).email.messages).toBe(true);
    }
  });

  it('settings are validated strictly and kept per person', async () => {
    const token = await h.token('demo-ent-chem');
    const body = { email: { interests: true, matches: false, messages: true, contracts: true, payments: true, claims: true, organisation: true }, matchDelivery: 'daily', language: 'en' };
    expect((await problem(await h.call('PUT', '/api/v1/me/mail-settings', { token, body: { ...body, extra: 1 } }), 400)).code).toBe('validation_failed');
    expect((await problem(await h.call('PUT', '/api/v1/me/mail-settings', { token, body: { ...body, email: { ...body.email, spam: true } } }), 400)).errors![0]!.path).toMatch(/^email/);
    expect((await h.call('PUT', '/api/v1/me/mail-settings', { body })).status).toBe(401);
    await json(await h.call('PUT', '/api/v1/me/mail-settings', { token, body }), 200);
    expect(await json(await h.call('GET', '/api/v1/me/mail-settings', { token }), 200)).toEqual({ ...body, address: 'contact@hls-chem.cn' });
    expect((await json(await h.call('GET', '/api/v1/me/mail-settings', { token: await h.token('demo-ent-pv') }), 200)).language).toBe('both');
  });

  it('an address SES reported as a permanent bounce is not written to again', async () => {
    const feedback = createMailFeedbackHandler({ db: h.db });
    const bounce = { eventType: 'Bounce', bounce: { bounceType: 'Permanent', bounceSubType: 'General', bouncedRecipients: [{ emailAddress: 'Contact@szgm.edu.cn', diagnosticCode: 'smtp; 550 5.1.1 user unknown' }] }, mail: {} };
    const transient = { eventType: 'Bounce', bounce: { bounceType: 'Transient', bouncedRecipients: [{ emailAddress: UNI }] }, mail: {} };
    const sns = (message: unknown) => ({ Records: [{ Sns: { Message: JSON.stringify(message), MessageId: 'm1' } }] }) as never;
    expect(await feedback(sns(bounce))).toEqual({ suppressed: 1 });
    expect(await feedback(sns(bounce))).toEqual({ suppressed: 0 });
    expect(await feedback(sns(transient))).toEqual({ suppressed: 0 });

    const szgm = await h.token('demo-szgm');
    const title = '邮件测试：退信地址的成果';
    const a = await json(await h.call('POST', '/api/v1/achievements', { token: szgm, body: achievementInput({ title }) }), 201);
    await json(await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token: szgm }), 200);
    const interest = await interestIn(a.id);
    await h.drain();
    expect(await deliveriesOf(h.db, `INTEREST#${interest.id}#received`)).toEqual([expect.objectContaining({ status: 'skipped', why: 'suppressed' })]);
    expect(await mailsTo('contact@szgm.edu.cn', title, 0)).toHaveLength(0);
  });

  it('match alerts for a person who chose the daily digest arrive as one morning mail, once', async () => {
    const token = await h.token('demo-ent-cast');
    const settings = await json(await h.call('GET', '/api/v1/me/mail-settings', { token }), 200);
    const { address: _a, ...prefs } = settings;
    await json(await h.call('PUT', '/api/v1/me/mail-settings', { token, body: { ...prefs, matchDelivery: 'daily' } }), 200);
    await json(await h.call('POST', '/api/v1/saved-searches', { token, body: { name: '铸件砂型', kind: 'achievement', query: { q: '铸件砂型3D打印' } } }), 201);
    const title = '铸件砂型3D打印快速成形技术（日报测试）';
    await publishedAchievement(title);
    await h.drain();
    expect(await mailsTo('contact@xinda-cast.cn', `匹配提醒：${title}`, 0)).toHaveLength(0);
    const date = '2026-11-26';
    expect(await sendDailyDigests(h.mail.deps, date)).toMatchObject({ sent: 1 });
    const [digest] = await mailsTo('contact@xinda-cast.cn', `匹配提醒日报（${date}）`);
    expect(digest!.text).toContain(title);
    expect(digest!.text).toMatch(/http:\/\/localhost\/achievements\/ach_/);
    expect(await sendDailyDigests(h.mail.deps, date)).toEqual({ sent: 0, skipped: 0 });
    expect(await mailsTo('contact@xinda-cast.cn', `匹配提醒日报（${date}）`)).toHaveLength(1);
  });
});

describe('new-message mail', () => {
  it('goes to the other side, at most once per thread and person in 15 minutes', async () => {
    const uni = await h.token('demo-nxist');
    const ent = await h.token('demo-ent-pv');
    const title = '邮件测试：洽谈消息的成果';
    const interest = await interestIn(await publishedAchievement(title));
    await json(await h.call('POST', `/api/v1/interests/${interest.id}/accept`, { token: uni }), 200);
    await json(await h.call('POST', `/api/v1/interests/${interest.id}/messages`, { token: uni, body: { body: '您好，方便下周到厂里看一下还原炉吗？' } }), 201);
    await json(await h.call('POST', `/api/v1/interests/${interest.id}/messages`, { token: uni, body: { body: '另附测试报告，供参考。' } }), 201);
    const [first, ...rest] = await mailsTo(ENT, `新消息：${title}`);
    expect(rest).toHaveLength(0);
    expect(first!.text).toContain('您好，方便下周到厂里看一下还原炉吗？');
    expect(first!.text).toContain(`http://localhost/me/interests/${interest.id}#messages`);
    // The author's own side is not mailed about its own message.
    expect(await mailsTo(UNI, `新消息：${title}`, 0)).toHaveLength(0);
    clock += 16 * 60 * 1000;
    await json(await h.call('POST', `/api/v1/interests/${interest.id}/messages`, { token: uni, body: { body: '十六分钟后的第三条消息。' } }), 201);
    expect(await mailsTo(ENT, `新消息：${title}`, 2)).toHaveLength(2);
    await json(await h.call('POST', `/api/v1/interests/${interest.id}/messages`, { token: ent, body: { body: '收到，下周二可以。' } }), 201);
    expect(await mailsTo(UNI, `新消息：${title}`)).toHaveLength(1);
  });
});
