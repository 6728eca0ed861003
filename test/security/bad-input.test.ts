/**
 * Bad input gets a clear 4xx problem+json with a stable code and field paths — never a 5xx — and
 * nothing is written.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInput, needInput, orgInput } from '../fixtures';
import { problem, startHarness, type Harness } from '../integration/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

async function itemCount(): Promise<number> {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    // Rate-limit windows count requests, refused ones included; they are not state a request wrote.
    const out = await h.db.doc.send(
      new ScanCommand({ TableName: h.db.tableName, Select: 'COUNT', ConsistentRead: true, FilterExpression: 'NOT begins_with(pk, :rate)', ExpressionAttributeValues: { ':rate': 'RATE#' }, ...(start ? { ExclusiveStartKey: start } : {}) }),
    );
    count += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return count;
}

/** Runs `request`, expects the status and code, and checks the table did not change size. */
async function refused(request: () => Promise<Response>, status: number, code: string) {
  const before = await itemCount();
  const body = await problem(await request(), status);
  expect(body.code).toBe(code);
  expect(body.title).toBeTruthy();
  expect(body.titleZh).toMatch(/[\u4e00-\u9fff]/);
  expect(await itemCount()).toBe(before);
  return body;
}

describe('mass assignment: system fields in a body are refused', () => {
  for (const field of ['status', 'ownerOrgId', 'verified', 'version', 'id', 'createdAt', 'publishedAt', 'ownerOrgName']) {
    it(`achievement create with ${field}`, async () => {
      const token = await h.token('demo-nxist');
      const body = await refused(() => h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ [field]: field === 'version' ? 9 : 'published' }) }), 400, 'validation_failed');
      expect(body.errors).toContainEqual(expect.objectContaining({ path: field, code: 'unrecognized_key', messageZh: expect.stringContaining(field) }));
    });
  }

  it('need create and org register with status/verified/ownerOrgId', async () => {
    const token = await h.token('demo-ent-pv');
    await refused(() => h.call('POST', '/api/v1/needs', { token, body: needInput({ status: 'published' }) }), 400, 'validation_failed');
    await refused(() => h.call('POST', '/api/v1/needs', { token, body: needInput({ ownerOrgId: h.orgIdOf('demo-ent-chem') }) }), 400, 'validation_failed');
    const newcomer = await h.token('demo-newcomer-enterprise');
    await refused(() => h.call('POST', '/api/v1/orgs', { token: newcomer, body: orgInput({ verified: true }) }), 400, 'validation_failed');
    await refused(() => h.call('POST', '/api/v1/orgs', { token: newcomer, body: orgInput({ verification: { status: 'verified' } }) }), 400, 'validation_failed');
  });

  it('patch with status, version or ownerOrgId changes nothing', async () => {
    const token = await h.token('demo-nxist');
    const created = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput() })).json()) as { id: string };
    const before = await h.stored('achievement', created.id);
    for (const field of ['status', 'version', 'ownerOrgId', 'verified']) {
      const res = await h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '合法的新标题', [field]: field === 'version' ? 5 : 'published' }, headers: { 'if-match': '"1"' } });
      expect((await problem(res, 400)).errors?.[0]).toMatchObject({ path: field, code: 'unrecognized_key' });
    }
    expect(await h.stored('achievement', created.id)).toEqual(before);
  });

  it('a role claimed in the body is not a role', async () => {
    const newcomer = await h.token('demo-newcomer-enterprise');
    await refused(() => h.call('POST', '/api/v1/achievements', { token: newcomer, body: { ...achievementInput(), role: 'university' } }), 400, 'validation_failed');
    await refused(() => h.call('POST', '/api/v1/achievements', { token: newcomer, body: achievementInput() }), 403, 'role_required');
  });
});

describe('malformed and wrong input', () => {
  it('malformed JSON', async () => {
    const token = await h.token('demo-nxist');
    await refused(() => h.call('POST', '/api/v1/achievements', { token, rawBody: '{"title": "未闭合', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json');
    await refused(() => h.call('POST', '/api/v1/achievements', { token, rawBody: '', headers: { 'content-type': 'application/json' } }), 400, 'malformed_json');
  });

  it('a body that is not an object, or not JSON at all', async () => {
    const token = await h.token('demo-nxist');
    for (const raw of ['[]', '"text"', '42', 'null']) {
      await refused(() => h.call('POST', '/api/v1/achievements', { token, rawBody: raw, headers: { 'content-type': 'application/json' } }), 400, 'validation_failed');
    }
    await refused(() => h.call('POST', '/api/v1/achievements', { token, rawBody: 'title=x', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
  });

  it('wrong types, with each field path', async () => {
    const token = await h.token('demo-nxist');
    const body = await refused(
      () => h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ trl: '6', keywords: '光伏', price: { kind: 'fixed', amountFen: 100.5 }, contact: { name: '王', phone: '0952-1234567', email: 'not-an-email' } }) }),
      400,
      'validation_failed',
    );
    const paths = body.errors!.map((e) => e.path).sort();
    expect(paths).toEqual(['contact.email', 'keywords', 'price.amountFen', 'trl']);
    for (const e of body.errors!) {
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.messageZh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('negative, fractional and huge fen', async () => {
    const token = await h.token('demo-ent-pv');
    for (const budget of [{ kind: 'range', minFen: -1, maxFen: 10 }, { kind: 'range', minFen: 0, maxFen: 0.01 }, { kind: 'range', minFen: 0, maxFen: 1e300 }, { kind: 'range', minFen: 10, maxFen: 5 }]) {
      const body = await refused(() => h.call('POST', '/api/v1/needs', { token, body: needInput({ budget }) }), 400, 'validation_failed');
      expect(body.errors![0]!.path).toMatch(/^budget\./);
    }
  });

  it('over-long strings and too many items', async () => {
    const token = await h.token('demo-nxist');
    const long = await refused(() => h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title: '长'.repeat(101) }) }), 400, 'validation_failed');
    expect(long.errors![0]).toMatchObject({ path: 'title', code: 'too_big' });
    const many = await refused(() => h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ keywords: Array.from({ length: 11 }, (_, i) => `词${i}`) }) }), 400, 'validation_failed');
    expect(many.errors![0]).toMatchObject({ path: 'keywords', code: 'too_big' });
  });

  it('control characters, unknown industries and invalid credit codes', async () => {
    const token = await h.token('demo-nxist');
    await refused(() => h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title: '标题\u0000注入' }) }), 400, 'validation_failed');
    await refused(() => h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ industry: 'Photovoltaics' }) }), 400, 'validation_failed');
    const newcomer = await h.token('demo-newcomer-enterprise');
    const bad = await refused(() => h.call('POST', '/api/v1/orgs', { token: newcomer, body: orgInput({ creditCode: '91350100M000100Y44' }) }), 400, 'validation_failed');
    expect(bad.errors![0]).toMatchObject({ path: 'creditCode', code: 'credit_code_check_character', messageZh: expect.stringContaining('校验码') });
  });

  it('a 2 MB body is refused before it is read, as problem+json', async () => {
    const token = await h.token('demo-nxist');
    const huge = JSON.stringify(achievementInput({ summary: '很长的摘要'.repeat(420_000) }));
    expect(huge.length).toBeGreaterThan(2_000_000);
    await refused(() => h.call('POST', '/api/v1/achievements', { token, rawBody: huge, headers: { 'content-type': 'application/json' } }), 413, 'payload_too_large');
  });

  it('prototype-pollution keys are just unknown fields', async () => {
    const token = await h.token('demo-nxist');
    const raw = JSON.stringify(achievementInput()).replace(/^\{/, '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"x":1}},');
    const body = await refused(() => h.call('POST', '/api/v1/achievements', { token, rawBody: raw, headers: { 'content-type': 'application/json' } }), 400, 'validation_failed');
    expect(body.errors!.map((e) => e.path).sort()).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('bad query strings, ids and If-Match headers', async () => {
    expect((await problem(await h.call('GET', '/api/v1/achievements?trlMin=abc'), 400)).errors![0]!.path).toBe('query.trlMin');
    expect((await problem(await h.call('GET', '/api/v1/achievements?limit=1000'), 400)).errors![0]!.path).toBe('query.limit');
    expect((await problem(await h.call('GET', '/api/v1/achievements?priceMaxFen=-5'), 400)).errors![0]!.path).toBe('query.priceMaxFen');
    expect((await problem(await h.call('GET', '/api/v1/achievements?orderBy=price'), 400)).errors![0]).toMatchObject({ path: 'query.orderBy', code: 'unrecognized_key' });
    expect((await problem(await h.call('GET', '/api/v1/achievements?sort=cheapest'), 400)).errors![0]).toMatchObject({ path: 'query.sort', code: 'invalid_value' });
    expect((await problem(await h.call('GET', '/api/v1/achievements?cursor=%%%'), 400)).code).toBe('invalid_cursor');
    expect((await problem(await h.call('GET', '/api/v1/achievements/../../etc/passwd'), 404)).code).toMatch(/not_found/);
    expect((await problem(await h.call('GET', "/api/v1/achievements/ach_' OR 1=1"), 404)).code).toBe('not_found');
    const token = await h.token('demo-nxist');
    const created = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput() })).json()) as { id: string };
    const res = await h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '新标题新标题' }, headers: { 'if-match': 'yesterday' } });
    expect((await problem(res, 400)).code).toBe('invalid_if_match');
    expect(await h.stored('achievement', created.id)).toMatchObject({ version: 1 });
  });

  it('an unknown route is a problem+json 404', async () => {
    expect((await problem(await h.call('GET', '/api/v1/nothing-here'), 404)).code).toBe('route_not_found');
  });

  it('a credit code registered twice: 409, and the second organisation is not half-written', async () => {
    const first = orgInput();
    const a = await h.call('POST', '/api/v1/orgs', { token: await h.token('demo-newcomer-enterprise'), body: first });
    expect(a.status).toBe(201);
    // The same newcomer is now a member; the admin registers a second org with the same code.
    const admin = await h.token('demo-admin');
    const body = await refused(() => h.call('POST', '/api/v1/orgs', { token: admin, body: { ...first, name: '另一家公司' } }), 409, 'credit_code_taken');
    expect(body.errors![0]!.path).toBe('creditCode');
    const member = await h.token('demo-newcomer-enterprise');
    await refused(() => h.call('POST', '/api/v1/orgs', { token: member, body: orgInput() }), 409, 'already_member');
  });
});
