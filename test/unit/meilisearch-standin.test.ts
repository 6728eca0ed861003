/**
 * The benchmark's Meilisearch stand-in (bench/meilisearch-standin.ts) must answer our adapter exactly as
 * the embedded engine behind it answers directly: otherwise bench:bundle's first-request figure would
 * time a different search than the one the function asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilterExpression, startMeilisearchStandin, type MeilisearchStandin } from '../../bench/meilisearch-standin';
import { createEmbeddedIndex } from '../../shared/search/embedded-index';
import { createMeilisearchIndex, renderFilter } from '../../shared/search/meilisearch-index';
import type { FilterClause, SearchIndex, SearchQuery } from '../../shared/search/search-index';
import { doc } from '../contract/search-index.contract';

const DOCS = [
  doc({ id: 'ach_pv1', title: '金刚线细线化切割工艺', body: '硅片切割损耗降低，断线率下降。', keywords: ['金刚线'], industry: '光伏全产业链', trl: 7, amountMinFen: 50_000_000, publishedAt: 1_760_000_003_000 }),
  doc({ id: 'ach_pv2', title: '光伏组件回收技术', body: '退役光伏组件拆解与硅料回收。', keywords: ['光伏', '回收'], industry: '光伏全产业链', trl: 5, amountMinFen: 20_000_000, publishedAt: 1_760_000_001_000 }),
  doc({ id: 'ach_chem', title: '双氰胺重结晶工艺', body: '纯度达到百分之九十九点五 & "无尘"。', keywords: ['双氰胺'], industry: '精制双氰胺', trl: 6, negotiable: true, publishedAt: 1_760_000_002_000 }),
  doc({ id: 'ach with space', title: '光伏清洗机器人', body: '光伏组件自动清洗。', keywords: ['清洗'], industry: '清洁能源', trl: 4, publishedAt: 1_760_000_004_000 }),
];

describe('Meilisearch stand-in', () => {
  let embedded: SearchIndex;
  let standin: MeilisearchStandin;
  let viaHttp: SearchIndex;

  beforeAll(async () => {
    embedded = createEmbeddedIndex();
    await embedded.applySettings();
    await embedded.upsert('achievements', DOCS);
    standin = await startMeilisearchStandin(embedded, { indexPrefix: 'bench' });
    viaHttp = createMeilisearchIndex({ url: standin.url, indexPrefix: 'bench' });
  });
  afterAll(() => standin.close());

  it('reads back every filter expression the adapter writes', () => {
    const clauses: FilterClause[] = [
      { field: 'industry', op: 'eq', value: '光伏 "全" 产业链\\' },
      { field: 'trl', op: 'gte', value: 5 },
      { field: 'amountMinFen', op: 'lte', value: 90_000_000 },
      { field: 'negotiable', op: 'eq', value: true },
      { field: 'modes', op: 'in', values: ['licence', 'a, b'] },
      { field: 'id', op: 'in', values: ['ach with space', 'ach_pv1'] },
      { field: 'bountyFen', op: 'exists' },
      { field: 'deadlineDay', op: 'not_exists' },
    ];
    expect(renderFilter(clauses).map(parseFilterExpression)).toEqual(clauses);
  });

  it('answers search, multi-search and term statistics as the embedded engine does', async () => {
    const queries: SearchQuery[] = [
      { q: '光伏 组件', limit: 10 },
      { q: '光伏', filter: [{ field: 'trl', op: 'gte', value: 5 }], facets: ['industry'], limit: 10 },
      { filter: [{ field: 'id', op: 'in', values: ['ach with space', 'ach_chem'] }], sort: 'newest', limit: 10 },
      { q: '双氰胺', highlight: true, limit: 5 },
    ];
    for (const query of queries) {
      const direct = await embedded.search('achievements', query);
      const remote = await viaHttp.search('achievements', query);
      expect(remote.hits.map((h) => h.document.id)).toEqual(direct.hits.map((h) => h.document.id));
      expect(remote.total).toBe(direct.total);
      expect(remote.facets).toEqual(direct.facets);
      expect(remote.hits.map((h) => h.highlights)).toEqual(direct.hits.map((h) => h.highlights));
    }
    const many = await viaHttp.searchMany('achievements', queries);
    expect(many.map((r) => r.hits.map((h) => h.document.id))).toEqual(await Promise.all(queries.map(async (q) => (await embedded.search('achievements', q)).hits.map((h) => h.document.id))));
    const stats = await viaHttp.termStats('achievements', ['光伏', '双氰胺', '没有']);
    expect(stats.documents).toBe(DOCS.length);
    expect(Object.fromEntries(stats.documentFrequency)).toEqual({ 光伏: 3, 双氰胺: 1, 没有: 0 });
    expect(standin.requests.get('/multi-search')).toBe(2);
  });
});
