/**
 * Matching through the API (explanations, hard constraints, visibility) and the 意向 / 揭榜 workflow
 * (disclosure only after acceptance, coded declines, one open interest per sender).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInput, needInput } from '../fixtures';
import { problem, startHarness, type Harness } from './harness';

let h: Harness;
let needId: string;
let goodId: string;
let draftId: string;
let overBudgetId: string;
const SECRET = '切割液配方：聚乙二醇 35%，保密';

beforeAll(async () => {
  h = await startHarness();
  const uni = await h.token('demo-nxist');
  const make = async (overrides: Record<string, unknown>, publish: boolean) => {
    const a = (await (await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput(overrides) })).json()) as { id: string };
    if (publish) expect((await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token: uni })).status).toBe(200);
    return a.id;
  };
  goodId = await make({ title: '大尺寸硅片金刚线细线切割与断线控制', confidentialDetail: SECRET, price: { kind: 'fixed', amountFen: 60_000_000 } }, true);
  draftId = await make({ title: '硅片金刚线切割草稿成果不应出现', confidentialDetail: SECRET }, false);
  overBudgetId = await make({ title: '硅片金刚线切割高价成果', price: { kind: 'fixed', amountFen: 900_000_000 } }, true);
  const ent = await h.token('demo-ent-cast');
  const need = (await (await h.call('POST', '/api/v1/needs', { token: ent, body: needInput({ minTrl: 5 }) })).json()) as { id: string };
  expect((await h.call('POST', `/api/v1/needs/${need.id}/publish`, { token: ent })).status).toBe(200);
  needId = need.id;
  await h.drain();
});

describe('matches for a need', () => {
  it('ranks the achievement that solves it, explains why, and respects budget and visibility', async () => {
    const res = await h.call('GET', `/api/v1/needs/${needId}/matches?limit=10`, { token: await h.token('demo-ent-cast') });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: any[]; queryWords: { word: string; weight: number }[] };
    expect(body.queryWords.length).toBeGreaterThan(0);
    expect(body.queryWords.length).toBeLessThanOrEqual(10);
    const ids = body.items.map((m) => m.listing.id);
    expect(ids[0]).toBe(goodId);
    expect(ids).not.toContain(draftId);
    expect(ids).not.toContain(overBudgetId);
    const top = body.items[0];
    expect(top.score).toBeGreaterThan(0);
    expect(top.score).toBeLessThanOrEqual(1);
    expect(top.explanation.sharedKeywords.length).toBeGreaterThan(0);
    expect(top.explanation.industry.value).toBe(1);
    expect(top.explanation.price.zh).toContain('预算');
    expect(top.explanation.summaryZh).toMatch(/共同关键词/);
    for (let i = 1; i < body.items.length; i++) expect(body.items[i - 1].score).toBeGreaterThanOrEqual(body.items[i].score);
    const text = JSON.stringify(body);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('confidentialDetail');
  });

  it('only the owner and admins may ask', async () => {
    expect((await h.call('GET', `/api/v1/needs/${needId}/matches`)).status).toBe(401);
    expect((await problem(await h.call('GET', `/api/v1/needs/${needId}/matches`, { token: await h.token('demo-ent-pv') }), 403)).code).toBe('not_owner');
    expect((await h.call('GET', `/api/v1/needs/${needId}/matches`, { token: await h.token('demo-admin') })).status).toBe(200);
  });

  it('finds open needs for an achievement, with the deadline and maturity respected', async () => {
    const res = await h.call('GET', `/api/v1/achievements/${goodId}/matches`, { token: await h.token('demo-nxist') });
    const body = (await res.json()) as { items: any[] };
    expect(body.items.map((m) => m.listing.id)).toContain(needId);
    for (const m of body.items) {
      expect(m.listing.deadline >= '2026-11-26').toBe(true);
      expect(m.listing.minTrl === null || m.listing.minTrl <= 6).toBe(true);
      expect(m.listing).not.toHaveProperty('contact');
    }
  });
});

describe('interest and 揭榜 workflow', () => {
  it('discloses contact and confidential detail only after acceptance, and moves the listing into negotiation', async () => {
    const ent = await h.token('demo-ent-chem');
    const uni = await h.token('demo-nxist');
    const sent = await h.call('POST', `/api/v1/achievements/${goodId}/interests`, {
      token: ent,
      body: { message: '我公司希望了解该工艺在 210 尺寸硅片上的应用情况。', contact: { name: '吴芳', phone: '0952-6033456', email: 'wufang@hls-chem.cn' } },
    });
    expect(sent.status).toBe(201);
    const interest = (await sent.json()) as any;
    expect(interest).toMatchObject({ status: 'pending', kind: 'interest', listingId: goodId, senderOrgName: '宁夏贺兰山精细化工有限公司' });
    expect(interest).not.toHaveProperty('disclosure');

    // A second open interest from the same organisation is refused, nothing written.
    const again = await h.call('POST', `/api/v1/achievements/${goodId}/interests`, { token: ent, body: { message: '重复提交的意向消息内容', contact: { name: '吴芳', phone: '0952-6033456', email: 'wufang@hls-chem.cn' } } });
    expect((await problem(again, 409)).code).toBe('interest_already_open');

    // The owner sees it, without the sender's contact yet; the sender sees no secret.
    const inbox = (await (await h.call('GET', `/api/v1/interests?box=received&listingId=${goodId}`, { token: uni })).json()) as { items: any[] };
    expect(inbox.items.map((i) => i.id)).toContain(interest.id);
    expect(inbox.items.find((i) => i.id === interest.id)).not.toHaveProperty('contact');
    expect(JSON.stringify(await (await h.call('GET', `/api/v1/interests/${interest.id}`, { token: ent })).json())).not.toContain(SECRET);

    // Another enterprise can neither see nor decide it.
    const other = await h.token('demo-ent-pv');
    expect((await h.call('GET', `/api/v1/interests/${interest.id}`, { token: other })).status).toBe(404);
    expect((await h.call('POST', `/api/v1/interests/${interest.id}/accept`, { token: other })).status).toBe(404);
    // The sender cannot accept its own interest.
    expect((await problem(await h.call('POST', `/api/v1/interests/${interest.id}/accept`, { token: ent }), 403)).code).toBe('not_owner');
    expect(await h.stored('achievement', goodId)).toMatchObject({ status: 'published' });

    const accepted = await h.call('POST', `/api/v1/interests/${interest.id}/accept`, { token: uni });
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toMatchObject({ status: 'accepted', contact: { email: 'wufang@hls-chem.cn' } });
    expect(await h.stored('achievement', goodId)).toMatchObject({ status: 'in_negotiation' });
    const senderView = (await (await h.call('GET', `/api/v1/interests/${interest.id}`, { token: ent })).json()) as any;
    expect(senderView.disclosure).toEqual({ confidentialDetail: SECRET, contact: expect.objectContaining({ email: 'wangjian@nxist.edu.cn' }) });
    // Deciding twice is not a thing.
    expect((await problem(await h.call('POST', `/api/v1/interests/${interest.id}/accept`, { token: uni }), 409)).code).toBe('invalid_transition');
  });

  it('a decline carries a coded reason the sender can read, and frees the sender to try again', async () => {
    const uniToken = await h.token('demo-szgm');
    const entToken = await h.token('demo-ent-cast');
    const proposal = await h.call('POST', `/api/v1/needs/${needId}/proposals`, {
      token: uniToken,
      body: { message: '我院可承担该揭榜任务。', plan: '第一阶段完成张力闭环改造，第二阶段优化切割液配方并做三个月验证。', quoteFen: 50_000_000, timelineMonths: 8, contact: { name: '杨丽', phone: '0952-2015566', email: 'yangli@szgm.edu.cn' } },
    });
    expect(proposal.status).toBe(201);
    const p = (await proposal.json()) as any;
    const noReason = await h.call('POST', `/api/v1/interests/${p.id}/decline`, { token: entToken, body: { reason: 'because' } });
    expect((await problem(noReason, 400)).errors![0]!.path).toBe('reason');
    const other = await h.call('POST', `/api/v1/interests/${p.id}/decline`, { token: entToken, body: { reason: 'other' } });
    expect((await problem(other, 400)).errors![0]!.path).toBe('note');
    expect(await h.stored('organisation', h.orgIdOf('demo-szgm'))).toBeTruthy();

    const declined = await h.call('POST', `/api/v1/interests/${p.id}/decline`, { token: entToken, body: { reason: 'too_early', note: '希望先看到中试数据' } });
    expect(declined.status).toBe(200);
    const seen = (await (await h.call('GET', `/api/v1/interests/${p.id}`, { token: uniToken })).json()) as any;
    expect(seen).toMatchObject({ status: 'declined', decline: { reason: 'too_early', note: '希望先看到中试数据', labelZh: expect.stringContaining('为时尚早') } });
    expect(seen).not.toHaveProperty('disclosure');
    // The owner's contact was never disclosed.
    expect(JSON.stringify(seen)).not.toContain('liuqiang@example.cn');
    const retry = await h.call('POST', `/api/v1/needs/${needId}/proposals`, {
      token: uniToken,
      body: { message: '补充中试数据后再次揭榜。', plan: '附中试线三个月运行数据，损耗 78 微米，断线率 0.6 次每百刀。', contact: { name: '杨丽', phone: '0952-2015566', email: 'yangli@szgm.edu.cn' } },
    });
    expect(retry.status).toBe(201);
  });

  it('roles and states are enforced: enterprises do not 揭榜, universities do not express interest, drafts take nothing', async () => {
    const contact = { name: '张三', phone: '0952-1234567', email: 'z@example.cn' };
    expect((await problem(await h.call('POST', `/api/v1/needs/${needId}/proposals`, { token: await h.token('demo-ent-pv'), body: { message: '企业不能揭榜的测试消息内容', plan: '企业不能揭榜的测试方案内容足够长足够长足够长', contact } }), 403)).code).toBe('role_required');
    expect((await problem(await h.call('POST', `/api/v1/achievements/${overBudgetId}/interests`, { token: await h.token('demo-nmu'), body: { message: '高校不能提交意向的测试消息内容', contact } }), 403)).code).toBe('role_required');
    expect((await h.call('POST', `/api/v1/achievements/${draftId}/interests`, { token: await h.token('demo-ent-pv'), body: { message: '草稿不能接受意向的测试消息内容', contact } })).status).toBe(404);
    expect((await problem(await h.call('POST', `/api/v1/achievements/${overBudgetId}/interests`, { token: await h.token('demo-ent-lithium'), body: { message: '未认证企业不能提交意向消息内容', contact } }), 403)).code).toBe('organisation_not_verified');
  });
});
