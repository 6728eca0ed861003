/**
 * Mail and messages in the browser, against the runner `npm start` is: an enterprise expresses interest
 * from the achievement page; the university's mail shows in the local inbox (MailDev's own web UI);
 * the link in the mail opens the interest; the university accepts and writes; the enterprise, told by
 * the header's unread count, reads and answers.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caughtMail, type CaughtMail } from '../../scripts/local/mail-local';
import { achievementInput } from '../fixtures';
import { useJourney } from './session';

const SHOTS = join(process.cwd(), 'test', 'e2e', 'screenshots');
const journey = useJourney();

async function mailTo(address: string, subject: string): Promise<CaughtMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const found = (await caughtMail(journey.runner().inboxUrl)).filter((m) => m.to.some((t) => t.address === address) && m.subject.includes(subject));
    if (found.length === 1) return found[0]!;
    if (found.length > 1) throw new Error(`${found.length} mails to ${address} about ${subject}`);
    if (Date.now() > deadline) throw new Error(`no mail to ${address} about ${subject}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The one link to a page of the site in a mail's text (not the unsubscribe or settings links). */
function pageLink(mail: CaughtMail, pattern: RegExp): string {
  const links = [...new Set([...mail.text.matchAll(/https?:\/\/\S+/g)].map((m) => m[0]).filter((l) => pattern.test(l)))];
  expect(links, mail.text).toHaveLength(1);
  return links[0]!;
}

describe('interest → mail in the inbox → link → accept → both sides message each other', () => {
  it('works from the pages and the local inbox alone', { timeout: 180_000 }, async () => {
    const base = journey.runner().baseUrl;
    // Arrange: the university has a fresh published achievement (through the API, with a demo token).
    const token = ((await (await fetch(`${base}/api/v1/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'demo-nxist' }) })).json()) as { accessToken: string }).accessToken;
    const title = '光伏组件回收银浆湿法提取技术';
    const api = (path: string, body?: unknown) => fetch(`${base}/api/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    const achievement = (await (await api('/achievements', achievementInput({ title }))).json()) as { id: string };
    expect((await api(`/achievements/${achievement.id}/publish`)).status).toBe(200);

    const ent = await journey.signIn('demo-ent-pv');
    await ent.page.goto(`${base}/achievements/${achievement.id}`);
    await ent.page.fill('#f-message', '我司每年退役组件约两千吨，希望了解银浆提取的回收率和设备投资。');
    await ent.page.fill('#f-contactName', '刘强');
    await ent.page.fill('#f-contactPhone', '13995012345');
    await ent.page.fill('#f-contactEmail', 'liuqiang@xinghai-pv.cn');
    await Promise.all([ent.page.waitForURL(/\/me\?done=interest/), ent.page.click('button:has-text("提交意向")')]);

    // The university's mail, in the catcher's own inbox page.
    const received = await mailTo('contact@nxist.edu.cn', `收到新的合作意向：${title}`);
    expect(received.text).not.toContain('13995012345');
    const inbox = await journey.browser().newPage({ viewport: { width: 1440, height: 900 } });
    await inbox.goto(journey.runner().inboxUrl);
    await inbox.getByText(`收到新的合作意向：${title}`).first().waitFor({ timeout: 20_000 });
    await inbox.screenshot({ path: join(SHOTS, 'mail-inbox-1440.png') });
    await inbox.close();

    // The link opens the interest; the university accepts it there and writes first.
    const link = pageLink(received, /\/me\/interests\/int_/);
    const uni = await journey.signIn('demo-nxist', 375);
    await uni.page.goto(link);
    expect(await uni.page.locator('h1').textContent()).toContain(title);
    expect(await uni.page.locator('dl.facts').textContent()).not.toContain('13995012345');
    await Promise.all([uni.page.waitForURL(/done=decided/), uni.page.click('button:has-text("接受")')]);
    expect(await uni.page.locator('dl.facts').textContent()).toContain('13995012345');
    await uni.page.fill('#body', '您好，回收率约 96%，欢迎下周来校看中试线。');
    await Promise.all([uni.page.waitForURL(/done=sent/), uni.page.click('button:has-text("发送")')]);
    expect(await uni.page.locator('ol.messages').textContent()).toContain('回收率约 96%');
    await uni.page.screenshot({ path: join(SHOTS, 'thread-375.png'), fullPage: true });

    // The enterprise: the acceptance and the message arrive by mail; the header counts the unread one.
    await mailTo('contact@xinghai-pv.cn', `对方已接受您的意向：${title}`);
    const message = await mailTo('contact@xinghai-pv.cn', `新消息：${title}`);
    expect(message.text).toContain('回收率约 96%');
    await ent.page.goto(`${base}/me`);
    expect(await ent.page.locator('a.messages-link .badge').textContent()).toBe('1');
    await ent.page.goto(pageLink(message, /\/me\/interests\/int_/));
    expect(await ent.page.locator('ol.messages').textContent()).toContain('回收率约 96%');
    expect(await ent.page.locator('a.messages-link .badge').count()).toBe(0);
    await ent.page.fill('#body', '好的，下周二上午到访。');
    await Promise.all([ent.page.waitForURL(/done=sent/), ent.page.click('button:has-text("发送")')]);

    await mailTo('contact@nxist.edu.cn', `新消息：${title}`);
    await uni.page.goto(`${base}/me/messages`);
    expect(await uni.page.locator('.card', { hasText: title }).locator('.badge').textContent()).toBe('1');
    await uni.page.click(`a:has-text("${title}")`);
    expect(await uni.page.locator('ol.messages').textContent()).toContain('下周二上午到访');

    // Mail settings: the university turns match alerts into a daily digest.
    await uni.page.goto(`${base}/me/mail`);
    await uni.page.check('input[name=matchDelivery][value=daily]');
    await Promise.all([uni.page.waitForURL(/done=saved/), uni.page.click('button:has-text("保存")')]);
    expect(await uni.page.isChecked('input[name=matchDelivery][value=daily]')).toBe(true);

    expect(ent.errors).toEqual([]);
    expect(uni.errors).toEqual([]);
    await ent.context.close();
    await uni.context.close();
  });
});
