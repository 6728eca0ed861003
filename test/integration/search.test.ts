/**
 * The halls through the API, with the stream pump and indexer running as they do locally: Chinese
 * search, facets, highlights, visibility; and the indexer's guarantees (replay-safe, never stale).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { createSearchIndexer } from '../../shared/search/indexer';
import type { SearchIndex } from '../../shared/search/search-index';
import { achievementInput, needInput } from '../fixtures';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

async function waitUntilFound(q: string, id: string, timeoutMs = 2000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const body = (await (await h.call('GET', `/api/v1/achievements?q=${encodeURIComponent(q)}&limit=50`)).json()) as { items: { id: string }[] };
    if (body.items.some((i) => i.id === id)) return Date.now() - started;
    if (Date.now() - started > timeoutMs) throw new Error(`${id} not findable by ${q} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('the achievement hall', () => {
  it('a listing published through the API is findable by a Chinese query within 2 s; archiving removes it', async () => {
    const token = await h.token('demo-nxist');
    const created = (await (await h.call('POST', '/api/v1/achievements', {
      token,
      body: achievementInput({ title: '铁合金矿热炉余热发电成套技术', summary: '回收矿热炉烟气余热用于发电，吨硅铁电耗降低百分之八，已在两条产线连续运行。', keywords: ['矿热炉', '余热发电'] }),
    })).json()) as { id: string };
    // A draft is not in the hall.
    await h.drain();
    const draftSearch = (await (await h.call('GET', '/api/v1/achievements?q=矿热炉余热')).json()) as { items: { id: string }[] };
    expect(draftSearch.items.map((i) => i.id)).not.toContain(created.id);

    expect((await h.call('POST', `/api/v1/achievements/${created.id}/publish`, { token })).status).toBe(200);
    expect(await waitUntilFound('矿热炉 余热', created.id)).toBeLessThanOrEqual(2000);

    expect((await h.call('POST', `/api/v1/achievements/${created.id}/archive`, { token })).status).toBe(200);
    await h.drain();
    const after = (await (await h.call('GET', '/api/v1/achievements?q=矿热炉余热')).json()) as { items: { id: string }[] };
    expect(after.items.map((i) => i.id)).not.toContain(created.id);
    expect(await h.search.get('achievements', created.id)).toBeNull();
  });

  it('answers Chinese queries with highlights, facets and totals, never a confidential field', async () => {
    const res = await h.call('GET', `/api/v1/achievements?q=${encodeURIComponent('光伏')}&limit=5`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: any[]; total: number; facets: Record<string, Record<string, number>>; nextCursor: string | null };
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.total).toBeGreaterThanOrEqual(body.items.length);
    for (const item of body.items) {
      expect(item).not.toHaveProperty('confidentialDetail');
      expect(item).not.toHaveProperty('contact');
      expect(item.status).toBe('published');
      expect(item.score).toBeGreaterThan(0);
      expect(`${item.highlights.title}${item.highlights.body}`).toContain('<mark>');
    }
    const industryCounts = Object.values(body.facets.industry!).reduce((a, b) => a + b, 0);
    expect(industryCounts).toBe(body.total);
    expect(Object.keys(body.facets)).toEqual(expect.arrayContaining(['industry', 'trlBand', 'modes', 'district']));
  });

  it('facet filters narrow the result to exactly the counted documents', async () => {
    const all = (await (await h.call('GET', '/api/v1/achievements?limit=1')).json()) as { facets: Record<string, Record<string, number>>; total: number };
    const [district, count] = Object.entries(all.facets.district!)[0]!;
    const narrowed = (await (await h.call('GET', `/api/v1/achievements?district=${encodeURIComponent(district)}&limit=100`)).json()) as { items: any[]; total: number };
    expect(narrowed.total).toBe(count);
    expect(narrowed.items).toHaveLength(count);
    const [band, bandCount] = Object.entries(all.facets.trlBand!)[0]!;
    const byBand = (await (await h.call('GET', `/api/v1/achievements?trlBand=${band}&limit=100`)).json()) as { total: number };
    expect(byBand.total).toBe(bandCount);
  });

  it('sorts by price, negotiable last', async () => {
    const body = (await (await h.call('GET', '/api/v1/achievements?sort=price_asc&limit=100')).json()) as { items: any[] };
    const floors = body.items.map((a) => (a.price.kind === 'fixed' ? a.price.amountFen : a.price.kind === 'range' ? a.price.minFen : Infinity));
    expect([...floors].sort((a, b) => a - b)).toEqual(floors);
    expect(floors.at(-1)).toBe(Infinity);
  });

  it('finds needs across the vocabulary gap through domain synonyms', async () => {
    const body = (await (await h.call('GET', `/api/v1/needs?q=${encodeURIComponent('晶圆 切片')}`)).json()) as { items: any[] };
    expect(body.items.some((n) => /硅片/.test(`${n.title}${n.problem}`))).toBe(true);
  });
});

describe('the indexer', () => {
  function recordFor(id: string, seq: string): DynamoDBStreamEvent['Records'][number] {
    return { eventName: 'MODIFY', dynamodb: { Keys: { pk: { S: `ACHIEVEMENT#${id}` }, sk: { S: 'ACHIEVEMENT' } }, SequenceNumber: seq } } as DynamoDBStreamEvent['Records'][number];
  }

  it('replaying the same batch twice changes nothing, and an old record cannot bring back an old version', async () => {
    const token = await h.token('demo-szgm');
    const created = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title: '第一版标题的成果' }) })).json()) as { id: string };
    await h.call('POST', `/api/v1/achievements/${created.id}/publish`, { token });
    await h.call('PATCH', `/api/v1/achievements/${created.id}`, { token, body: { title: '第二版标题的成果' }, headers: { 'if-match': '"2"' } });
    await h.drain();
    const indexer = createSearchIndexer({ db: h.db, index: h.search });
    const before = await h.search.get('achievements', created.id);
    expect(before).toMatchObject({ title: '第二版标题的成果', version: 3 });
    const batch = { Records: [recordFor(created.id, '1'), recordFor(created.id, '2')] };
    expect(await indexer(batch)).toEqual({ batchItemFailures: [] });
    expect(await indexer(batch)).toEqual({ batchItemFailures: [] });
    expect(await h.search.get('achievements', created.id)).toEqual(before);
    expect((await h.search.allIds('achievements')).filter((id) => id === created.id)).toHaveLength(1);
  });

  it('reports only the record that failed, and the records after it, for retry', async () => {
    let calls = 0;
    const flaky: SearchIndex = {
      ...h.search,
      async upsert(name, docs) {
        calls++;
        if (calls === 2) throw new Error('search engine unavailable');
        return h.search.upsert(name, docs);
      },
    };
    const ids = [];
    const token = await h.token('demo-nmu');
    for (let i = 0; i < 3; i++) {
      const a = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title: `批量索引测试成果${i}号` }) })).json()) as { id: string };
      await h.call('POST', `/api/v1/achievements/${a.id}/publish`, { token });
      ids.push(a.id);
    }
    const indexer = createSearchIndexer({ db: h.db, index: flaky });
    const result = await indexer({ Records: ids.map((id, i) => recordFor(id, String(100 + i))) });
    expect(result.batchItemFailures).toEqual([{ itemIdentifier: '101' }]);
  });
});

describe('needs hall', () => {
  it('filters challenges and budgets and keeps drafts out', async () => {
    const token = await h.token('demo-ent-goji');
    const draft = (await (await h.call('POST', '/api/v1/needs', { token, body: needInput({ title: '枸杞鲜果保鲜草稿需求' }) })).json()) as { id: string };
    await h.drain();
    const all = (await (await h.call('GET', '/api/v1/needs?limit=100')).json()) as { items: any[] };
    expect(all.items.map((n) => n.id)).not.toContain(draft.id);
    const challenges = (await (await h.call('GET', '/api/v1/needs?challenge=true&limit=100')).json()) as { items: any[]; total: number };
    expect(challenges.total).toBe(all.items.filter((n) => n.challenge !== null).length);
    const rich = (await (await h.call('GET', '/api/v1/needs?budgetMinFen=100000000&limit=100')).json()) as { items: any[] };
    for (const n of rich.items) expect(n.budget.maxFen).toBeGreaterThanOrEqual(100_000_000);
  });
});
