/**
 * The permission matrix: every role of another organisation (and anonymous callers) against every
 * mutating route of a listing it does not own — refused, with the stored item unchanged — and
 * confidential fields absent from every response a non-owner gets.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInput, needInput } from '../fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
const SECRET_DETAIL = '保密工艺参数：退火 620℃ 保温 45 分钟';
const SECRET_EMAIL = 'secret-contact@owner.example.cn';

interface Target {
  kind: 'achievement' | 'need';
  base: string;
  ownerAccount: string;
  draftId: string;
  publishedId: string;
  actions: string[];
  adminAction: string;
}
const targets: Target[] = [];

beforeAll(async () => {
  h = await startHarness();
  for (const [kind, base, ownerAccount, input, actions, adminAction] of [
    ['achievement', '/api/v1/achievements', 'demo-nxist', achievementInput, ['publish', 'archive'], 'archive'],
    ['need', '/api/v1/needs', 'demo-ent-pv', needInput, ['publish', 'close'], 'close'],
  ] as const) {
    const token = await h.token(ownerAccount);
    const body = input({ confidentialDetail: SECRET_DETAIL, contact: { name: '保密联系人', phone: '0952-9999999', email: SECRET_EMAIL } });
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await h.call('POST', base, { token, body });
      expect(res.status).toBe(201);
      ids.push(((await res.json()) as { id: string }).id);
    }
    expect((await h.call('POST', `${base}/${ids[1]}/publish`, { token })).status).toBe(200);
    targets.push({ kind, base, ownerAccount, draftId: ids[0]!, publishedId: ids[1]!, actions: [...actions], adminAction });
  }
});

// One member of another organisation for every role, a newcomer with no organisation, and anonymous.
const CALLERS = ['demo-szgm', 'demo-inst-agri', 'demo-ent-chem', 'demo-ent-sheep', 'demo-tc-xjtu', 'demo-admin', 'demo-newcomer-enterprise', null] as const;

describe.each(['achievement', 'need'] as const)('%s: another organisation cannot change it', (kind) => {
  it.each(CALLERS)('caller %s', async (caller) => {
    const target = targets.find((t) => t.kind === kind)!;
    const token = caller ? await h.token(caller) : undefined;
    for (const id of [target.draftId, target.publishedId]) {
      const routes: [string, string, unknown?][] = [
        ['PATCH', `${target.base}/${id}`, { title: '被他人篡改的标题' }],
        ...target.actions.map((a): [string, string] => ['POST', `${target.base}/${id}/${a}`]),
      ];
      for (const [method, path, body] of routes) {
        // Admins may moderate (archive / close) a published listing; that is tested below, not here.
        if (caller === 'demo-admin' && path.endsWith(`/${target.adminAction}`)) continue;
        const before = await h.stored(kind, id);
        const res = await h.call(method, path, { ...(token ? { token } : {}), ...(body ? { body } : {}), headers: { 'if-match': `"${before!.version}"` } });
        const expected = caller === null ? [401] : id === target.draftId && caller !== 'demo-admin' ? [404] : [403];
        expect(expected, `${caller} ${method} ${path} → ${res.status}`).toContain(res.status);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        const text = await res.text();
        expect(text).not.toContain(SECRET_DETAIL);
        expect(await h.stored(kind, id), `${caller} ${method} ${path} changed the item`).toEqual(before);
      }
    }
  });
});

describe('confidential fields', () => {
  it.each(CALLERS)('are absent from every response to %s', async (caller) => {
    const token = caller ? await h.token(caller) : undefined;
    for (const target of targets) {
      const paths = [
        `${target.base}/${target.publishedId}`,
        `${target.base}/${target.draftId}`,
        `${target.base}?limit=100`,
        `${target.base}?ownerOrgId=${h.orgIdOf(target.ownerAccount)}&limit=100`,
      ];
      for (const path of paths) {
        const res = await h.call('GET', path, token ? { token } : {});
        const text = await res.text();
        if (caller === 'demo-admin') continue; // admins see everything, checked below
        expect(text, `${caller} GET ${path}`).not.toContain(SECRET_DETAIL);
        expect(text, `${caller} GET ${path}`).not.toContain(SECRET_EMAIL);
        if (path.endsWith(target.draftId)) expect(res.status).toBe(404);
      }
    }
  });

  it('are there for the owner and for admins', async () => {
    for (const target of targets) {
      for (const account of [target.ownerAccount, 'demo-admin']) {
        const res = await h.call('GET', `${target.base}/${target.publishedId}`, { token: await h.token(account) });
        expect(await res.json()).toMatchObject({ confidentialDetail: SECRET_DETAIL, contact: { email: SECRET_EMAIL } });
      }
    }
  });
});

describe('an organisation whose verification is withdrawn', () => {
  it('can no longer change what the public sees, but keeps its drafts', async () => {
    const token = await h.token('demo-inst-eco');
    const published = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput() })).json()) as { id: string };
    expect((await h.call('POST', `/api/v1/achievements/${published.id}/publish`, { token })).status).toBe(200);
    const draft = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput() })).json()) as { id: string };

    const orgId = h.orgIdOf('demo-inst-eco');
    const rejected = await h.call('POST', `/api/v1/orgs/${orgId}/verify`, { token: await h.token('demo-admin'), body: { decision: 'rejected', reason: '资质材料过期' } });
    expect(rejected.status).toBe(200);

    const before = await h.stored('achievement', published.id);
    const edit = await h.call('PATCH', `/api/v1/achievements/${published.id}`, { token, body: { title: '未经认证机构修改的标题' }, headers: { 'if-match': '"2"' } });
    expect(edit.status).toBe(403);
    expect(((await edit.json()) as { code: string }).code).toBe('organisation_not_verified');
    expect(await h.stored('achievement', published.id)).toEqual(before);
    expect((await h.call('PATCH', `/api/v1/achievements/${draft.id}`, { token, body: { title: '草稿仍可修改的标题' }, headers: { 'if-match': '"1"' } })).status).toBe(200);
  });
});

describe('admin moderation', () => {
  it('an admin may archive or close but not edit or publish another organisation’s listing', async () => {
    const admin = await h.token('demo-admin');
    const owner = await h.token('demo-ent-chem');
    const res = await h.call('POST', '/api/v1/needs', { token: owner, body: needInput() });
    const id = ((await res.json()) as { id: string }).id;
    expect((await h.call('POST', `/api/v1/needs/${id}/publish`, { token: admin })).status).toBe(403);
    expect((await h.call('PATCH', `/api/v1/needs/${id}`, { token: admin, body: { title: '管理员改的标题' }, headers: { 'if-match': '"1"' } })).status).toBe(403);
    expect(await h.stored('need', id)).toMatchObject({ status: 'draft', version: 1 });
    expect((await h.call('POST', `/api/v1/needs/${id}/close`, { token: admin })).status).toBe(200);
    expect(await h.stored('need', id)).toMatchObject({ status: 'closed', version: 2 });
  });
});

describe('organisations', () => {
  it('another organisation sees the public profile only and cannot verify', async () => {
    const verifiedId = h.orgIdOf('demo-ent-chem');
    const publicProfile = (await (await h.call('GET', `/api/v1/orgs/${verifiedId}`, { token: await h.token('demo-ent-pv') })).json()) as Record<string, any>;
    expect(publicProfile).toMatchObject({ name: '宁夏贺兰山精细化工有限公司', verification: { status: 'verified' } });
    expect(publicProfile).not.toHaveProperty('contact');
    expect(publicProfile).not.toHaveProperty('createdBy');
    expect(publicProfile.verification).not.toHaveProperty('decidedBy');

    // A pending organisation is not in the public register: 404 to others, full profile to its members.
    const orgId = h.orgIdOf('demo-ent-lithium');
    expect((await h.call('GET', `/api/v1/orgs/${orgId}`, { token: await h.token('demo-ent-pv') })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/orgs/${orgId}`)).status).toBe(404);
    const member = (await (await h.call('GET', `/api/v1/orgs/${orgId}`, { token: await h.token('demo-ent-lithium') })).json()) as Record<string, unknown>;
    expect(member).toMatchObject({ verification: { status: 'pending' }, contact: expect.any(Object) });

    const before = await h.stored('organisation', orgId);
    for (const caller of ['demo-ent-pv', 'demo-ent-lithium', 'demo-nxist', 'demo-tc-xjtu']) {
      const res = await h.call('POST', `/api/v1/orgs/${orgId}/verify`, { token: await h.token(caller), body: { decision: 'verified' } });
      expect(res.status).toBe(403);
    }
    expect((await h.call('POST', `/api/v1/orgs/${orgId}/verify`, { body: { decision: 'verified' } })).status).toBe(401);
    expect(await h.stored('organisation', orgId)).toEqual(before);
  });

  it('only admins see the pending queue', async () => {
    expect((await h.call('GET', '/api/v1/orgs?verification=pending', { token: await h.token('demo-ent-pv') })).status).toBe(403);
    const queue = (await (await h.call('GET', '/api/v1/orgs?verification=pending', { token: await h.token('demo-admin') })).json()) as { items: { id: string }[] };
    expect(queue.items.map((o) => o.id)).toContain(h.orgIdOf('demo-ent-lithium'));
    const register = (await (await h.call('GET', '/api/v1/orgs?limit=100')).json()) as { items: Record<string, unknown>[] };
    expect(register.items.length).toBeGreaterThanOrEqual(20);
    for (const o of register.items) {
      expect(o).not.toHaveProperty('contact');
      expect(o.verification).toMatchObject({ status: 'verified' });
    }
  });
});
