import { beforeAll, describe, expect, it } from 'vitest';
import { makeCreditCode } from '../../shared/domain/credit-code';
import { achievementInput, needInput } from '../fixtures';
import { problem, startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

async function createAchievement(account = 'demo-nxist', overrides: Record<string, unknown> = {}) {
  const res = await h.call('POST', '/api/v1/achievements', { token: await h.token(account), body: achievementInput(overrides) });
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Record<string, any>;
}

describe('achievements, end to end on DynamoDB Local', () => {
  it('create → read → edit → publish → archive, with versions and ETags', async () => {
    const token = await h.token('demo-nxist');
    const created = await createAchievement();
    expect(created).toMatchObject({ status: 'draft', version: 1, ownerOrgId: h.orgIdOf('demo-nxist'), ownerOrgName: '宁夏理工学院', maturityStage: 'pilot' });
    expect(created.id).toMatch(/^ach_[0-9A-Z]{26}$/);

    const read = await h.call('GET', `/api/v1/achievements/${created.id}`, { token });
    expect(read.status).toBe(200);
    expect(read.headers.get('etag')).toBe('"1"');
    expect(await read.json()).toEqual(created);

    const edited = await h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { trl: 8, keywords: ['金刚线', '切片'] }, headers: { 'if-match': '"1"' } });
    expect(edited.status).toBe(200);
    expect(await edited.json()).toMatchObject({ trl: 8, maturityStage: 'industrialised', keywords: ['金刚线', '切片'], version: 2 });

    const published = await h.call('POST', `/api/v1/achievements/${created.id}/publish`, { token });
    expect(published.status).toBe(200);
    expect(await published.json()).toMatchObject({ status: 'published', version: 3, publishedAt: expect.any(String) });

    // Now anyone sees the public fields.
    const anonymous = await h.call('GET', `/api/v1/achievements/${created.id}`);
    expect(anonymous.status).toBe(200);
    const publicView = (await anonymous.json()) as Record<string, unknown>;
    expect(publicView).toMatchObject({ title: created.title, status: 'published' });
    expect(publicView).not.toHaveProperty('confidentialDetail');
    expect(publicView).not.toHaveProperty('contact');

    const archived = await h.call('POST', `/api/v1/achievements/${created.id}/archive`, { token, headers: { 'if-match': '"3"' } });
    expect(await archived.json()).toMatchObject({ status: 'archived', version: 4 });
    expect((await h.call('GET', `/api/v1/achievements/${created.id}`)).status).toBe(404);
    expect(await h.stored('achievement', created.id)).toMatchObject({ status: 'archived', version: 4 });
  });

  it('an organisation not yet verified may draft but not publish', async () => {
    const newcomer = await h.token('demo-newcomer-university');
    const registered = await h.call('POST', '/api/v1/orgs', {
      token: newcomer,
      body: { name: '石嘴山测试研究院', type: 'institute', creditCode: makeCreditCode('12', '640202', 77), district: '大武口区', contact: { name: '测试', phone: '0952-1111111', email: 't@example.cn' } },
    });
    expect(registered.status).toBe(201);
    const orgId = ((await registered.json()) as { id: string }).id;

    // The same token (no custom:orgId yet) now acts for the new organisation through its membership.
    const draft = await h.call('POST', '/api/v1/achievements', { token: newcomer, body: achievementInput() });
    expect(draft.status).toBe(201);
    const id = ((await draft.json()) as { id: string }).id;
    const refused = await h.call('POST', `/api/v1/achievements/${id}/publish`, { token: newcomer });
    expect((await problem(refused, 403)).code).toBe('organisation_not_verified');
    expect(await h.stored('achievement', id)).toMatchObject({ status: 'draft', version: 1 });

    const verified = await h.call('POST', `/api/v1/orgs/${orgId}/verify`, { token: await h.token('demo-admin'), body: { decision: 'verified' } });
    expect(verified.status).toBe(200);
    const publishedNow = await h.call('POST', `/api/v1/achievements/${id}/publish`, { token: newcomer });
    expect(publishedNow.status).toBe(200);
  });

  it('two edits with the same version: one wins, the other gets 409 and changes nothing', async () => {
    const token = await h.token('demo-nxist');
    const created = await createAchievement();
    const [a, b] = await Promise.all([
      h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '版本甲的标题' }, headers: { 'if-match': '"1"' } }),
      h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '版本乙的标题' }, headers: { 'if-match': '"1"' } }),
    ]);
    const statuses = [a.status, b.status].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    const loser = a.status === 200 ? b : a;
    expect((await problem(loser, 409)).code).toBe('version_conflict');
    const winnerTitle = ((await winner.json()) as { title: string }).title;
    expect(await h.stored('achievement', created.id)).toMatchObject({ title: winnerTitle, version: 2 });

    // A stale version later is refused too, and a missing If-Match is 428.
    const stale = await h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '过期版本的修改' }, headers: { 'if-match': '"1"' } });
    expect((await problem(stale, 409)).code).toBe('version_conflict');
    const missing = await h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '没有版本号的修改' } });
    expect((await problem(missing, 428)).code).toBe('version_required');
    expect(await h.stored('achievement', created.id)).toMatchObject({ title: winnerTitle, version: 2 });
  });

  it('lists the seeded Chinese listings newest first and pages through all of them without gaps', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.call('GET', `/api/v1/achievements?limit=7${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { items: { id: string; title: string; publishedAt: string; status: string }[]; nextCursor: string | null };
      for (const item of body.items) {
        expect(item.status).toBe('published');
        expect(item).not.toHaveProperty('confidentialDetail');
      }
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
      pages++;
    } while (cursor && pages < 50);
    expect(pages).toBeGreaterThan(1);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await h.call('GET', '/api/v1/achievements?limit=100');
    const allBody = (await all.json()) as { items: { id: string; title: string; publishedAt: string }[] };
    expect(seen).toEqual(allBody.items.map((i) => i.id));
    expect(allBody.items.length).toBeGreaterThanOrEqual(36);
    expect(allBody.items[0]!.title).toMatch(/[\u4e00-\u9fff]/);
    const times = allBody.items.map((i) => i.publishedAt);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('filters by industry, minimum TRL, mode and price ceiling, across pages', async () => {
    const all = (await (await h.call('GET', '/api/v1/achievements?limit=100')).json()) as { items: any[] };
    const expected = all.items
      .filter((a) => a.trl >= 6 && a.transferModes.includes('licence'))
      .filter((a) => a.price.kind !== 'negotiable' && (a.price.kind === 'fixed' ? a.price.amountFen : a.price.minFen) <= 200_000_000)
      .map((a) => a.id);
    expect(expected.length).toBeGreaterThan(0);
    const got: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 20; i++) {
      const res = await h.call('GET', `/api/v1/achievements?trlMin=6&mode=licence&priceMaxFen=200000000&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      const body = (await res.json()) as { items: any[]; nextCursor: string | null };
      got.push(...body.items.map((a) => a.id));
      cursor = body.nextCursor;
      if (!cursor) break;
    }
    expect(got).toEqual(expected);

    const industry = all.items[0].industry as string;
    const byIndustry = (await (await h.call('GET', `/api/v1/achievements?industry=${encodeURIComponent(industry)}&limit=100`)).json()) as { items: any[] };
    expect(byIndustry.items.map((a) => a.id)).toEqual(all.items.filter((a) => a.industry === industry).map((a) => a.id));
  });

  it('a cursor from one list cannot be replayed against another', async () => {
    const first = (await (await h.call('GET', '/api/v1/achievements?limit=2')).json()) as { nextCursor: string };
    const res = await h.call('GET', `/api/v1/needs?limit=2&cursor=${first.nextCursor}`);
    expect((await problem(res, 400)).code).toBe('invalid_cursor');
    const forged = Buffer.from(JSON.stringify({ pk: 'x', sk: 'y', gsi1pk: 'ACHIEVEMENTS#STATUS#draft', gsi1sk: 'z' })).toString('base64url');
    expect((await problem(await h.call('GET', `/api/v1/achievements?cursor=${forged}`), 400)).code).toBe('invalid_cursor');
    // Table-backed lists (an organisation's own) check their key cursors just as strictly.
    const orgId = h.orgIdOf('demo-nxist');
    const token = await h.token('demo-nxist');
    for (const key of [
      { pk: '', sk: '', gsi2pk: `ORG#${orgId}#ACHIEVEMENTS`, gsi2sk: '' },
      { pk: 'ACHIEVEMENT#x', sk: 'ACHIEVEMENT', gsi2pk: `ORG#${orgId}#ACHIEVEMENTS`, gsi2sk: 'not-a-key"}' },
    ]) {
      const cursor = Buffer.from(JSON.stringify(key)).toString('base64url');
      const res = await h.call('GET', `/api/v1/achievements?ownerOrgId=${orgId}&cursor=${cursor}`, { token });
      expect((await problem(res, 400)).code).toBe('invalid_cursor');
    }
    // A well-formed key is only a position inside the caller's own partition: it can start a page, never leave it.
    const position = Buffer.from(JSON.stringify({ pk: 'NOPE', sk: 'NOPE', gsi2pk: `ORG#${orgId}#ACHIEVEMENTS`, gsi2sk: '9999' })).toString('base64url');
    const page = await h.call('GET', `/api/v1/achievements?ownerOrgId=${orgId}&cursor=${position}`, { token });
    expect(page.status).toBe(200);
    for (const item of ((await page.json()) as { items: { ownerOrgId: string }[] }).items) expect(item.ownerOrgId).toBe(orgId);
  });

  it('owners list their own drafts; others see only public statuses of that organisation', async () => {
    const created = await createAchievement('demo-szgm');
    const orgId = h.orgIdOf('demo-szgm');
    const own = (await (await h.call('GET', `/api/v1/achievements?ownerOrgId=${orgId}&status=draft`, { token: await h.token('demo-szgm') })).json()) as { items: any[] };
    expect(own.items.map((a) => a.id)).toContain(created.id);
    expect(own.items[0]).toHaveProperty('confidentialDetail');

    const other = await h.call('GET', `/api/v1/achievements?ownerOrgId=${orgId}&status=draft`, { token: await h.token('demo-nxist') });
    expect((await problem(other, 403)).code).toBe('forbidden');
    const publicOnes = (await (await h.call('GET', `/api/v1/achievements?ownerOrgId=${orgId}`)).json()) as { items: any[] };
    expect(publicOnes.items.length).toBeGreaterThan(0);
    for (const a of publicOnes.items) {
      expect(a.ownerOrgId).toBe(orgId);
      expect(['published', 'in_negotiation', 'transferred']).toContain(a.status);
      expect(a).not.toHaveProperty('contact');
    }
  });
});

describe('needs and challenges through the API', () => {
  it('a published challenge keeps its promise', async () => {
    const token = await h.token('demo-ent-pv');
    const created = await h.call('POST', '/api/v1/needs', { token, body: needInput({ challenge: { bountyFen: 100_000_000 } }) });
    expect(created.status).toBe(201);
    const need = (await created.json()) as { id: string };
    expect((await h.call('POST', `/api/v1/needs/${need.id}/publish`, { token })).status).toBe(200);

    const lowered = await h.call('PATCH', `/api/v1/needs/${need.id}`, { token, body: { challenge: { bountyFen: 50_000_000 }, deadline: '2027-03-01' }, headers: { 'if-match': '"2"' } });
    const body = await problem(lowered, 409);
    expect(body.code).toBe('challenge_terms_locked');
    expect(body.errors?.map((e) => e.path).sort()).toEqual(['challenge.bountyFen', 'deadline']);
    expect(await h.stored('need', need.id)).toMatchObject({ challenge: { bountyFen: 100_000_000 }, deadline: '2027-06-30', version: 2 });

    const withdrawn = await h.call('POST', `/api/v1/needs/${need.id}/close`, { token });
    expect((await problem(withdrawn, 409)).code).toBe('challenge_withdrawal_forbidden');
    expect(await h.stored('need', need.id)).toMatchObject({ status: 'published' });

    const raised = await h.call('PATCH', `/api/v1/needs/${need.id}`, { token, body: { challenge: { bountyFen: 120_000_000 } }, headers: { 'if-match': '"2"' } });
    expect(raised.status).toBe(200);
    expect(await h.stored('need', need.id)).toMatchObject({ challenge: { bountyFen: 120_000_000 }, version: 3 });
  });

  it('lists the seeded needs, with challenges filterable', async () => {
    const all = (await (await h.call('GET', '/api/v1/needs?limit=100')).json()) as { items: any[] };
    expect(all.items.length).toBeGreaterThanOrEqual(22);
    const challenges = (await (await h.call('GET', '/api/v1/needs?challenge=true&limit=100')).json()) as { items: any[] };
    expect(challenges.items.length).toBeGreaterThanOrEqual(5);
    for (const n of challenges.items) expect(n.challenge.bountyFen).toBeGreaterThan(0);
    expect(challenges.items.map((n) => n.id)).toEqual(all.items.filter((n) => n.challenge !== null).map((n) => n.id));
  });
});
