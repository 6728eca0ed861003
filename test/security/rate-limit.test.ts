/** Writes are limited per person (API and form posts share one count); reads and other people are not. */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { problem, startHarness, type Harness } from '../integration/harness';
import { PageClient, signInPages } from '../integration/page-client';

const LIMIT = 5;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ rateLimit: { limit: LIMIT, windowSeconds: 60 } });
}, 120_000);

async function savedSearchNames(sub: string): Promise<string[]> {
  const out = await h.db.doc.send(new QueryCommand({ TableName: h.db.tableName, IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': `USER#${sub}#SAVEDSEARCHES` } }));
  return (out.Items ?? []).map((i) => i.name as string);
}

describe('rate limiting of writes', () => {
  it('answers 429 with Retry-After once a person has used the window, writes nothing, and spares reads and other people', async () => {
    const token = await h.token('demo-ent-pv');
    const save = (name: string, as = token) => h.call('POST', '/api/v1/saved-searches', { token: as, body: { name, kind: 'achievement', query: { q: '光伏' } } });
    for (let i = 0; i < LIMIT; i++) expect((await save(`订阅 ${i}`)).status).toBe(201);
    const refused = await save('超出限额');
    const body = await problem(refused, 429);
    expect(body.code).toBe('rate_limited');
    expect(body.titleZh).toContain('频繁');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60).toBe(true);
    expect(await savedSearchNames('demo-ent-pv')).not.toContain('超出限额');
    expect((await savedSearchNames('demo-ent-pv')).length).toBe(LIMIT);

    // Reads are not counted; another person has their own window.
    expect((await h.call('GET', '/api/v1/saved-searches', { token })).status).toBe(200);
    expect((await save('另一家企业', await h.token('demo-ent-cast'))).status).toBe(201);
  });

  it('counts form posts from the pages in the same window as the API, and answers them with a 429 page', async () => {
    const pages = new PageClient(h.app);
    await signInPages(pages, 'demo-ent-chem');
    const token = await h.token('demo-ent-chem');
    for (let i = 0; i < LIMIT - 1; i++) expect((await h.call('POST', '/api/v1/saved-searches', { token, body: { name: `接口订阅 ${i}`, kind: 'need', query: { q: '煤' } } })).status).toBe(201);
    const csrf = await pages.csrf('/me');
    const last = await pages.post('/saved-searches', { _csrf: csrf, kind: 'achievement', q: '枸杞' });
    expect(last.status).toBe(303);
    const refused = await pages.post('/saved-searches', { _csrf: csrf, kind: 'achievement', q: '硅' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refused.text()).toContain('短时间内提交过于频繁');
    expect((await savedSearchNames('demo-ent-chem')).length).toBe(LIMIT);
  });
});
