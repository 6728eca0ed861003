/**
 * Markup typed into any field comes back as text on every page that shows it: listings, interests,
 * organisations, contracts and saved searches, seen by the public, the parties and the bureau.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInput, needInput, orgInput } from '../fixtures';
import { startHarness, type Harness } from '../integration/harness';
import { PageClient, signInPages } from '../integration/page-client';

let h: Harness;
const ids: Record<string, string> = {};
/** Each payload carries its own marker, so a page that shows a field escaped is told apart from one that leaves it out. */
const xss = (marker: string) => `<script>alert("${marker}")</script>`;
const RAW = [/<script>alert/i, /<img src=x/i, /<svg onload/i];

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

beforeAll(async () => {
  h = await startHarness();
  const uni = await h.token('demo-nxist');
  const ent = await h.token('demo-ent-pv');
  const tc = await h.token('demo-tc-xjtu');
  const achievement = await json(
    await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput({ title: xss('成果标题'), summary: `${xss('成果摘要')}<img src=x onerror=alert(1)> 光伏硅片切割新工艺，降低损耗。`, keywords: ['"><svg onload=1>'], team: { leader: xss('负责人'), members: [] } }) }),
    201,
  );
  await json(await h.call('POST', `/api/v1/achievements/${achievement.id}/publish`, { token: uni }), 200);
  const need = await json(await h.call('POST', '/api/v1/needs', { token: ent, body: needInput({ title: xss('需求标题'), problem: `${xss('需求描述')} 硅片切割损耗大。`, acceptanceCriteria: [xss('验收指标')] }) }), 201);
  await json(await h.call('POST', `/api/v1/needs/${need.id}/publish`, { token: ent }), 200);
  await json(await h.call('POST', `/api/v1/achievements/${achievement.id}/interests`, { token: ent, body: { message: xss('意向留言'), contact: { name: '刘强', phone: '13909521234', email: 'lq@example.cn' } } }), 201);
  await json(await h.call('POST', '/api/v1/saved-searches', { token: ent, body: { name: xss('订阅名称'), kind: 'achievement', query: { q: '光伏' } } }), 201);
  await json(await h.call('POST', '/api/v1/orgs', { token: await h.token('demo-newcomer-enterprise'), body: orgInput({ name: xss('机构名称') }) }), 201);
  const contract = await json(
    await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: xss('合同名称'), kind: 'licence', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 10_000_000, signedOn: '2026-10-15', achievementId: achievement.id } }),
    201,
  );
  const pending = await json(await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: xss('待登记合同'), kind: 'licence', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 10_000_000, signedOn: '2026-10-15' } }), 201);
  await h.submitForRegistration(contract.id, tc);
  await h.submitForRegistration(pending.id, tc);
  await json(await h.call('POST', `/api/v1/contracts/${contract.id}/register`, { token: await h.token('demo-admin'), body: { decision: 'registered' } }), 200);
  await h.drain();
  Object.assign(ids, { achievement: achievement.id, need: need.id, contract: contract.id, pending: pending.id });
}, 180_000);

async function pageOf(client: PageClient, path: string): Promise<string> {
  const res = await client.get(path);
  expect(res.status, path).toBe(200);
  return res.text();
}

function expectEscaped(html: string, path: string, markers: string[]) {
  for (const raw of RAW) expect(html, `${path} carries live markup`).not.toMatch(raw);
  for (const marker of markers) expect(html, `${path} should show ${marker} as text`).toContain(`&lt;script&gt;alert(&quot;${marker}&quot;)&lt;/script&gt;`);
}

describe('markup in any field is text on every page', () => {
  it('public pages', async () => {
    const anyone = new PageClient(h.app);
    const cases: [string, string[]][] = [
      ['/', ['成果标题']],
      ['/achievements?q=光伏', ['成果标题']],
      ['/needs', ['需求标题']],
      [`/achievements/${ids.achievement}`, ['成果标题', '成果摘要', '负责人']],
      [`/needs/${ids.need}`, ['需求标题', '需求描述', '验收指标']],
      ['/achievements?lang=en', ['成果标题']],
    ];
    for (const [path, markers] of cases) expectEscaped(await pageOf(anyone, path), path, markers);
  });

  it('the parties’ workspaces', async () => {
    const uni = new PageClient(h.app);
    await signInPages(uni, 'demo-nxist');
    expectEscaped(await pageOf(uni, '/me'), 'university /me', ['成果标题', '意向留言']);
    expectEscaped(await pageOf(uni, `/achievements/${ids.achievement}/manage`), 'achievement manage', ['成果标题']);
    expectEscaped(await pageOf(uni, `/needs/${ids.need}`), 'need page with proposal form', ['需求标题']);

    const ent = new PageClient(h.app);
    await signInPages(ent, 'demo-ent-pv');
    expectEscaped(await pageOf(ent, '/me'), 'enterprise /me', ['需求标题', '订阅名称']);
    expectEscaped(await pageOf(ent, `/needs/${ids.need}/manage`), 'need manage', ['需求标题']);
    expectEscaped(await pageOf(ent, `/needs/${ids.need}/edit`), 'need edit form', ['需求标题']);

    const tc = new PageClient(h.app);
    await signInPages(tc, 'demo-tc-xjtu');
    expectEscaped(await pageOf(tc, '/me'), 'center /me', ['合同名称']);
    expectEscaped(await pageOf(tc, `/contracts/${ids.contract}`), 'contract page', ['合同名称']);
  });

  it('the bureau’s queues and drill-down', async () => {
    const admin = new PageClient(h.app);
    await signInPages(admin, 'demo-admin');
    expectEscaped(await pageOf(admin, '/me'), 'admin queues', ['机构名称', '待登记合同']);
    expectEscaped(await pageOf(admin, '/stats'), 'stats drill-down', ['合同名称']);
  });
});
