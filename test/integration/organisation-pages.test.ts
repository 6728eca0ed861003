/** A newcomer registers their organisation from the pages alone, and the bureau verifies it from its queue. */
import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../shared/domain/credit-code';
import { keys } from '../../shared/db/keys';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { startHarness, type Harness } from './harness';
import { PageClient, signInPages } from './page-client';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);

describe('registering an organisation from the pages', () => {
  it('newcomer: form with inline errors, then pending; admin verifies from the queue', async () => {
    const newcomer = new PageClient(h.app);
    await signInPages(newcomer, 'demo-newcomer-enterprise');
    const me = await (await newcomer.get('/me')).text();
    expect(me).toContain('href="/orgs/new"');
    const form = await (await newcomer.get('/orgs/new')).text();
    expect(form).toContain('统一社会信用代码');
    const csrf = /name="_csrf" value="([a-f0-9]{64})"/.exec(form)![1]!;
    const fields = { _csrf: csrf, name: '石嘴山新能源装备有限公司', type: 'enterprise', district: '惠农区', description: '新能源装备制造。', contactName: '张伟', contactPhone: '0952-7777777', contactEmail: 'zhang@example.cn' };

    // A credit code with a wrong check character: the form comes back with the message under that field.
    const bad = await newcomer.post('/orgs/new', { ...fields, creditCode: '91640205MA76X0000X' });
    expect(bad.status).toBe(200);
    const badHtml = await bad.text();
    expect(badHtml).toMatch(/id="err-creditCode"/);
    expect(badHtml).toContain('石嘴山新能源装备有限公司');
    expect((await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.membership('demo-newcomer-enterprise') }))).Item).toBeUndefined();

    const creditCode = makeCreditCode('91', '640205', 7301);
    const good = await newcomer.post('/orgs/new', { ...fields, creditCode: creditCode.toLowerCase() });
    expect(good.status).toBe(303);
    expect(good.headers.get('location')).toBe('/me?done=registered');
    const membership = (await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.membership('demo-newcomer-enterprise') }))).Item!;
    const org = await h.stored('organisation', membership.orgId as string);
    expect(org).toMatchObject({ name: '石嘴山新能源装备有限公司', creditCode, verification: { status: 'pending' } });
    expect(await (await newcomer.get('/me')).text()).toContain('正在等待市科技局认证');

    const admin = new PageClient(h.app);
    await signInPages(admin, 'demo-admin');
    const queue = await (await admin.get('/me')).text();
    expect(queue).toContain('石嘴山新能源装备有限公司');
    const verified = await admin.post(`/admin/orgs/${membership.orgId}/verify`, { _csrf: await admin.csrf(), decision: 'verified' });
    expect(verified.status).toBe(303);
    expect((await h.stored('organisation', membership.orgId as string))?.verification).toMatchObject({ status: 'verified' });
    const after = await (await newcomer.get('/me')).text();
    expect(after).not.toContain('正在等待市科技局认证');
    expect(after).toContain('发布技术需求');
  });

  it('a second registration by the same person goes back to the workspace, and a taken credit code is said under its field', async () => {
    const uni = new PageClient(h.app);
    await signInPages(uni, 'demo-nxist');
    expect((await uni.get('/orgs/new')).status).toBe(303);

    const other = new PageClient(h.app);
    await signInPages(other, 'demo-newcomer-university');
    const csrf = await other.csrf('/orgs/new');
    const taken = (await h.stored('organisation', h.orgIdOf('demo-nxist')))!.creditCode as string;
    const res = await other.post('/orgs/new', { _csrf: csrf, name: '某某大学', type: 'university', creditCode: taken, district: '大武口区', contactName: '李明', contactPhone: '0952-1111111', contactEmail: 'li@example.cn' });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/id="err-creditCode"[^>]*>该代码已被注册/);
    expect((await h.db.doc.send(new GetCommand({ TableName: h.db.tableName, Key: keys.membership('demo-newcomer-university') }))).Item).toBeUndefined();
  });
});
