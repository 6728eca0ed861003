/**
 * Message threads on an accepted interest: who may read and post (the permission matrix), the broker
 * who joins through a contract, order and unread counts, strict bodies, and the pages.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInput } from '../fixtures';
import { location, PageClient } from './page-client';
import { problem, startHarness, type Harness } from './harness';

let h: Harness;
let accepted: string;
let pending: string;
let uni: string;
let ent: string;

async function json(res: Response, status: number) {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text);
}

async function interest(achievementTitle: string): Promise<string> {
  const a = await json(await h.call('POST', '/api/v1/achievements', { token: uni, body: achievementInput({ title: achievementTitle }) }), 201);
  await json(await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token: uni }), 200);
  const i = await json(await h.call('POST', `/api/v1/achievements/${a.id}/interests`, { token: ent, body: { message: '希望进一步了解该成果的中试情况。', contact: { name: '刘强', phone: '13995012345', email: 'liu@xinghai-pv.cn' } } }), 201);
  return i.id;
}

/** A signed-in browser on the pages: GET returns the HTML; a form post follows its redirect. */
function browser(token: string) {
  const client = new PageClient(h.app);
  client.cookies.set('tm_session', token);
  return {
    get: async (path: string) => (await client.get(path)).text(),
    async post(path: string, form: Record<string, string>, from: string) {
      const csrf = /name="_csrf" value="([a-f0-9]{64})"/.exec(from)![1]!;
      const res = await client.post(path, { ...form, _csrf: csrf });
      if (res.status === 303) return (await client.get(location(res).pathname + location(res).search)).text();
      return res.text();
    },
  };
}

beforeAll(async () => {
  h = await startHarness();
  uni = await h.token('demo-nxist');
  ent = await h.token('demo-ent-pv');
  accepted = await interest('洽谈测试：硅片清洗废液回收');
  await json(await h.call('POST', `/api/v1/interests/${accepted}/accept`, { token: uni }), 200);
  pending = await interest('洽谈测试：尚未答复的意向');
});

describe('who may read and post', () => {
  it('the two organisations can; another organisation, an admin, a newcomer and anonymous cannot even see it exists', async () => {
    await json(await h.call('POST', `/api/v1/interests/${accepted}/messages`, { token: uni, body: { body: '您好，欢迎来校参观中试线。' } }), 201);
    const secret = '报价底线 380 万元，仅供双方';
    await json(await h.call('POST', `/api/v1/interests/${accepted}/messages`, { token: ent, body: { body: secret } }), 201);
    for (const token of [uni, ent]) {
      const thread = await json(await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token }), 200);
      expect(thread.messages.map((m: { seq: number; body: string }) => [m.seq, m.body])).toEqual([[1, '您好，欢迎来校参观中试线。'], [2, secret]]);
      expect(thread.parties.map((p: { role: string }) => p.role)).toEqual(['owner', 'sender']);
    }
    const outsiders = { 'another enterprise': await h.token('demo-ent-chem'), 'another university': await h.token('demo-szgm'), admin: await h.token('demo-admin'), 'an unrelated broker': await h.token('demo-tc-market'), newcomer: await h.token('demo-newcomer-enterprise') };
    for (const [who, token] of Object.entries(outsiders)) {
      for (const [method, path, body] of [['GET', `/api/v1/interests/${accepted}/messages`], ['POST', `/api/v1/interests/${accepted}/messages`, { body: '我也想说一句' }], ['POST', `/api/v1/interests/${accepted}/messages/read`]] as const) {
        const res = await h.call(method, path, { token, ...(body ? { body } : {}) });
        expect([who, res.status]).toEqual([who, 404]);
        expect(await res.text()).not.toContain(secret);
      }
      const list = await json(await h.call('GET', '/api/v1/threads', { token }), 200);
      expect(JSON.stringify(list)).not.toContain(accepted);
    }
    expect((await h.call('GET', `/api/v1/interests/${accepted}/messages`)).status).toBe(401);
    expect((await h.call('POST', `/api/v1/interests/${accepted}/messages`, { body: { body: 'hi' } })).status).toBe(401);
    // The page says not found too, and shows no message.
    const page = await h.app.request(`/me/interests/${accepted}`, { headers: { cookie: `tm_session=${outsiders['another enterprise']}` } });
    expect(page.status).toBe(404);
    expect(await page.text()).not.toContain(secret);
    // Nothing the outsiders tried was stored.
    expect((await json(await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token: uni }), 200)).messages).toHaveLength(2);
  });

  it('opens only on acceptance: before, the parties get thread_not_open and nothing is stored', async () => {
    expect((await problem(await h.call('POST', `/api/v1/interests/${pending}/messages`, { token: ent, body: { body: '能否先聊聊？' } }), 409)).code).toBe('thread_not_open');
    expect((await problem(await h.call('GET', `/api/v1/interests/${pending}/messages`, { token: uni }), 409)).code).toBe('thread_not_open');
    await json(await h.call('POST', `/api/v1/interests/${pending}/accept`, { token: uni }), 200);
    expect((await json(await h.call('GET', `/api/v1/interests/${pending}/messages`, { token: uni }), 200)).messages).toEqual([]);
  });

  it('the broker of a contract naming the interest joins the thread; a broker of another contract does not', async () => {
    const tc = await h.token('demo-tc-xjtu');
    await json(
      await h.call('POST', '/api/v1/contracts', { token: tc, body: { title: '硅片清洗废液回收技术转让合同', kind: 'transfer', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 3_800_000_00, signedOn: '2026-11-10', interestId: accepted } }),
      201,
    );
    const thread = await json(await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token: tc }), 200);
    expect(thread.parties.map((p: { role: string }) => p.role)).toEqual(['owner', 'sender', 'broker']);
    await json(await h.call('POST', `/api/v1/interests/${accepted}/messages`, { token: tc, body: { body: '合同草稿已上传，请双方确认。' } }), 201);
    const other = await h.token('demo-tc-hitech');
    await json(await h.call('POST', '/api/v1/contracts', { token: other, body: { title: '无关的另一份合同', kind: 'consulting', sellerOrgId: h.orgIdOf('demo-nxist'), buyerOrgId: h.orgIdOf('demo-ent-pv'), amountFen: 100_000, signedOn: '2026-11-10' } }), 201);
    expect((await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token: other })).status).toBe(404);
  });

  it('bodies are strict: unknown fields, empty and oversized messages are refused, nothing stored', async () => {
    const count = async () => (await json(await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token: uni }), 200)).messages.length;
    const before = await count();
    for (const body of [{ body: '你好', authorOrgId: h.orgIdOf('demo-ent-chem') }, { body: '' }, { body: 'x'.repeat(4001) }, {}]) {
      expect((await problem(await h.call('POST', `/api/v1/interests/${accepted}/messages`, { token: uni, body }), 400)).code).toBe('validation_failed');
    }
    expect(await count()).toBe(before);
  });
});

describe('files shared in the thread', () => {
  it('each party may add them and the others download them; outsiders see nothing; nothing shared is removed', async () => {
    const file = await h.attach(ent, `threads/${accepted}`, 'shared_document', { fileName: '来访议程.pdf' });
    const listed = await json(await h.call('GET', `/api/v1/threads/${accepted}/files`, { token: uni }), 200);
    expect(listed.items.map((f: { id: string; sha256: string }) => [f.id, f.sha256])).toEqual([[file.id, file.sha256]]);
    const download = await h.call('GET', `/api/v1/threads/${accepted}/files/${file.id}`, { token: await h.token('demo-tc-xjtu') });
    expect(download.status).toBe(302);
    for (const account of ['demo-ent-chem', 'demo-admin', 'demo-tc-market']) {
      const token = await h.token(account);
      expect((await h.call('GET', `/api/v1/threads/${accepted}/files`, { token })).status).toBe(404);
      expect((await h.call('GET', `/api/v1/threads/${accepted}/files/${file.id}`, { token })).status).toBe(404);
      expect((await h.call('POST', `/api/v1/threads/${accepted}/uploads`, { token, body: { kind: 'shared_document', fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1000 } })).status).toBe(404);
    }
    expect((await h.call('GET', `/api/v1/threads/${accepted}/files`)).status).toBe(401);
    expect((await problem(await h.call('DELETE', `/api/v1/threads/${accepted}/files/${file.id}`, { token: ent }), 409)).code).toBe('files_locked');
    const unanswered = await interest('洽谈测试：未接受时不能共享文件');
    expect((await problem(await h.call('POST', `/api/v1/threads/${unanswered}/uploads`, { token: ent, body: { kind: 'shared_document', fileName: 'x.pdf', contentType: 'application/pdf', sizeBytes: 1000 } }), 409)).code).toBe('thread_not_open');
  });
});

describe('order and unread counts', () => {
  it('concurrent posts each get their own place; unread counts what the other side wrote since I last read', async () => {
    const tc = await h.token('demo-tc-xjtu');
    expect((await h.call('POST', `/api/v1/interests/${accepted}/messages/read`, { token: ent })).status).toBe(204);
    expect((await h.call('POST', `/api/v1/interests/${accepted}/messages/read`, { token: uni })).status).toBe(204);
    const before = (await json(await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token: uni }), 200)).messages.length;
    await Promise.all(Array.from({ length: 6 }, (_, i) => h.call('POST', `/api/v1/interests/${accepted}/messages`, { token: i % 2 ? ent : tc, body: { body: `并发消息 ${i}` } }).then((r) => expect(r.status).toBe(201))));
    const thread = await json(await h.call('GET', `/api/v1/interests/${accepted}/messages`, { token: uni }), 200);
    expect(thread.messages.map((m: { seq: number }) => m.seq)).toEqual(Array.from({ length: before + 6 }, (_, i) => i + 1));
    // The university sees 6 new (3 from the enterprise, 3 from the broker); the enterprise sees the broker's 3.
    expect((await json(await h.call('GET', '/api/v1/threads', { token: uni }), 200)).unread).toBe(6);
    expect((await json(await h.call('GET', '/api/v1/threads', { token: ent }), 200)).unread).toBe(3);
    const page = browser(uni);
    const header = await page.get('/me');
    expect(header).toMatch(/消息 <span class="badge"[^>]*>6<\/span>/);
    const threadPage = await page.get(`/me/interests/${accepted}`);
    expect(threadPage).toContain('并发消息 5');
    expect(threadPage).not.toMatch(/class="badge"/);
    expect((await json(await h.call('GET', '/api/v1/threads', { token: uni }), 200)).unread).toBe(0);
    expect((await json(await h.call('GET', '/api/v1/threads', { token: ent }), 200)).unread).toBe(3);
  });

  it('the pages: accept on the interest page, then post; the other side reads it on theirs', async () => {
    const id = await interest('洽谈测试：页面上的接受与留言');
    const owner = browser(uni);
    const pageBefore = await owner.get(`/me/interests/${id}`);
    expect(pageBefore).toContain('答复');
    expect(pageBefore).not.toContain('13995012345');
    const afterAccept = await owner.post(`/interests/${id}/accept`, { next: 'interest' }, pageBefore);
    expect(afterAccept).toContain('已答复');
    expect(afterAccept).toContain('13995012345');
    const posted = await owner.post(`/me/interests/${id}/messages`, { body: '页面留言：欢迎下周来访。' }, afterAccept);
    expect(posted).toContain('消息已发送');
    const refused = await owner.post(`/me/interests/${id}/messages`, { body: '   ' }, posted);
    expect(refused).toContain('aria-invalid="true"');
    const sender = browser(ent);
    const senderPage = await sender.get(`/me/interests/${id}`);
    expect(senderPage).toContain('页面留言：欢迎下周来访。');
    expect(await sender.get('/me/messages')).toContain('洽谈测试：页面上的接受与留言');
  });
});
