/**
 * The behaviour every SearchIndex adapter must have. Run against the embedded engine always, and against
 * Meilisearch when MEILI_URL is set (test/contract/meilisearch.test.ts).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { SearchDocument, SearchIndex } from '../../shared/search/search-index';

export function doc(overrides: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    kind: 'achievement',
    status: 'published',
    version: 1,
    title: '示例成果',
    body: '示例摘要',
    criteria: '',
    keywords: ['示例'],
    industry: '新型材料',
    industryGroup: '六新',
    trl: 5,
    trlBand: 'pilot',
    modes: ['licence'],
    district: '大武口区',
    ownerOrgId: 'org_A',
    ownerOrgName: '宁夏理工学院',
    negotiable: false,
    challenge: false,
    publishedAt: 1_760_000_000_000,
    ...overrides,
  };
}

const DOCS: SearchDocument[] = [
  doc({ id: 'ach_pv1', title: '金刚线细线化切割工艺', body: '硅片切割损耗降低百分之二十，断线率显著下降。', keywords: ['金刚线', '硅片切割'], industry: '光伏全产业链', industryGroup: '重点领域', trl: 7, modes: ['licence', 'joint_development'], amountMinFen: 50_000_000, amountMaxFen: 90_000_000, publishedAt: 1_760_000_003_000, district: '石嘴山高新区' }),
  doc({ id: 'ach_chem1', title: '精制双氰胺重结晶连续化工艺', body: '产品纯度达到百分之九十九点五，粉尘排放降低。', keywords: ['双氰胺', '重结晶'], industry: '精制双氰胺', industryGroup: '重点领域', trl: 6, modes: ['assignment'], amountMinFen: 120_000_000, amountMaxFen: 120_000_000, publishedAt: 1_760_000_002_000, district: '平罗县' }),
  doc({ id: 'ach_sheep1', title: '滩羊精准饲喂与肉质提升技术', body: '基于日粮配方优化，提升滩羊肉品质。', keywords: ['滩羊', '精准饲喂'], industry: '滩羊', industryGroup: '六特', trl: 8, trlBand: 'industrial', modes: ['service'], negotiable: true, publishedAt: 1_760_000_001_000, district: '平罗县' }),
  doc({ id: 'ach_html', title: '<script>alert(1)</script> 光伏清洗机器人', body: '光伏组件自动清洗 & 巡检 "无水"。', keywords: ['光伏', '清洗'], industry: '清洁能源', industryGroup: '六新', trl: 4, trlBand: 'lab', modes: ['licence'], amountMinFen: 10_000_000, amountMaxFen: 20_000_000, publishedAt: 1_760_000_004_000 }),
];

export function searchIndexContract(name: string, makeIndex: () => Promise<SearchIndex>) {
  describe(`SearchIndex contract: ${name}`, () => {
    let index: SearchIndex;
    beforeAll(async () => {
      index = await makeIndex();
      await index.applySettings();
      await index.clear('achievements');
      await index.clear('needs');
      await index.upsert('achievements', DOCS);
    });

    it('stores and returns documents by id; replaces on upsert; removes; ignores unknown ids', async () => {
      expect(await index.get('achievements', 'ach_pv1')).toEqual(DOCS[0]);
      expect(await index.get('needs', 'ach_pv1')).toBeNull();
      await index.upsert('achievements', [{ ...DOCS[1]!, version: 2, title: '精制双氰胺重结晶连续化工艺（二代）' }]);
      expect(await index.get('achievements', 'ach_chem1')).toMatchObject({ version: 2, title: '精制双氰胺重结晶连续化工艺（二代）' });
      await index.upsert('achievements', [DOCS[1]!]);
      await index.upsert('achievements', [doc({ id: 'ach_tmp' })]);
      expect((await index.allIds('achievements')).sort()).toEqual(['ach_chem1', 'ach_html', 'ach_pv1', 'ach_sheep1', 'ach_tmp']);
      await index.remove('achievements', ['ach_tmp', 'ach_never_there']);
      expect(await index.get('achievements', 'ach_tmp')).toBeNull();
      expect((await index.allIds('achievements')).sort()).toEqual(['ach_chem1', 'ach_html', 'ach_pv1', 'ach_sheep1']);
    });

    it('finds Chinese text by its words, not by single characters', async () => {
      const result = await index.search('achievements', { q: '双氰胺', limit: 10 });
      expect(result.hits.map((h) => h.document.id)).toEqual(['ach_chem1']);
      expect(result.total).toBe(1);
      // 光 and 伏 alone are not 光伏: a query for 伏特 finds nothing.
      expect((await index.search('achievements', { q: '伏特', limit: 10 })).hits).toEqual([]);
    });

    it('ranks the better match first and scores in 0–1', async () => {
      const result = await index.search('achievements', { q: '硅片切割 断线', limit: 10 });
      expect(result.hits[0]!.document.id).toBe('ach_pv1');
      for (const hit of result.hits) {
        expect(hit.score).toBeGreaterThanOrEqual(0);
        expect(hit.score).toBeLessThanOrEqual(1);
      }
    });

    it('finds through domain synonyms', async () => {
      const result = await index.search('achievements', { q: '晶圆', limit: 10 });
      expect(result.hits.map((h) => h.document.id)).toContain('ach_pv1');
    });

    it('filters: eq, in, ranges, arrays, exists', async () => {
      const ids = async (filter: Parameters<SearchIndex['search']>[1]['filter']) =>
        (await index.search('achievements', { filter, limit: 10, sort: 'newest' })).hits.map((h) => h.document.id);
      expect(await ids([{ field: 'industry', op: 'eq', value: '滩羊' }])).toEqual(['ach_sheep1']);
      expect(await ids([{ field: 'district', op: 'in', values: ['平罗县', '石嘴山高新区'] }])).toEqual(['ach_pv1', 'ach_chem1', 'ach_sheep1']);
      expect(await ids([{ field: 'trl', op: 'gte', value: 7 }])).toEqual(['ach_pv1', 'ach_sheep1']);
      expect(await ids([{ field: 'amountMinFen', op: 'lte', value: 60_000_000 }])).toEqual(['ach_html', 'ach_pv1']);
      expect(await ids([{ field: 'modes', op: 'eq', value: 'joint_development' }])).toEqual(['ach_pv1']);
      expect(await ids([{ field: 'amountMinFen', op: 'not_exists' }])).toEqual(['ach_sheep1']);
      expect(await ids([{ field: 'negotiable', op: 'eq', value: true }])).toEqual(['ach_sheep1']);
      expect(await ids([{ field: 'trl', op: 'gte', value: 6 }, { field: 'district', op: 'eq', value: '平罗县' }])).toEqual(['ach_chem1', 'ach_sheep1']);
    });

    it('a filter value cannot break out of its quotes', async () => {
      const hostile = 'published" OR status = "draft';
      expect((await index.search('achievements', { filter: [{ field: 'status', op: 'eq', value: hostile }], limit: 10 })).hits).toEqual([]);
      expect((await index.search('achievements', { filter: [{ field: 'industry', op: 'in', values: ['x\\", "滩羊'] }], limit: 10 })).hits).toEqual([]);
    });

    it('counts facets over the whole filtered result', async () => {
      const result = await index.search('achievements', { filter: [{ field: 'trl', op: 'gte', value: 5 }], facets: ['district', 'modes', 'trlBand'], limit: 1 });
      expect(result.total).toBe(3);
      expect(result.facets.district).toEqual({ 石嘴山高新区: 1, 平罗县: 2 });
      expect(result.facets.modes).toEqual({ licence: 1, joint_development: 1, assignment: 1, service: 1 });
      expect(result.facets.trlBand).toEqual({ pilot: 2, industrial: 1 });
    });

    it('sorts by newest and by amount, documents without an amount last', async () => {
      const newest = await index.search('achievements', { sort: 'newest', limit: 10 });
      expect(newest.hits.map((h) => h.document.id)).toEqual(['ach_html', 'ach_pv1', 'ach_chem1', 'ach_sheep1']);
      const cheapest = await index.search('achievements', { sort: 'amount_asc', limit: 10 });
      expect(cheapest.hits.map((h) => h.document.id)).toEqual(['ach_html', 'ach_pv1', 'ach_chem1', 'ach_sheep1']);
      const dearest = await index.search('achievements', { sort: 'amount_desc', limit: 10 });
      expect(dearest.hits.map((h) => h.document.id)).toEqual(['ach_chem1', 'ach_pv1', 'ach_html', 'ach_sheep1']);
    });

    it('pages with limit and offset', async () => {
      const all = (await index.search('achievements', { sort: 'newest', limit: 10 })).hits.map((h) => h.document.id);
      const pages: string[] = [];
      for (let offset = 0; offset < 4; offset += 3) {
        const page = await index.search('achievements', { sort: 'newest', limit: 3, offset });
        expect(page.total).toBe(4);
        pages.push(...page.hits.map((h) => h.document.id));
      }
      expect(pages).toEqual(all);
    });

    it('answers several queries in one call, each as search alone would', async () => {
      const queries = [
        { q: '双氰胺', limit: 10 },
        { q: '光伏', filter: [{ field: 'trl' as const, op: 'gte' as const, value: 5 }], limit: 10 },
        { q: '不存在的词语', limit: 10 },
      ];
      const many = await index.searchMany('achievements', queries);
      expect(many).toHaveLength(3);
      for (const [i, query] of queries.entries()) {
        const alone = await index.search('achievements', query);
        expect(many[i]!.hits.map((h) => h.document.id)).toEqual(alone.hits.map((h) => h.document.id));
      }
      expect(many[0]!.hits.map((h) => h.document.id)).toEqual(['ach_chem1']);
      expect(many[1]!.hits.map((h) => h.document.id)).toEqual(['ach_pv1']);
      expect(many[2]!.hits).toEqual([]);
      expect(await index.searchMany('achievements', [])).toEqual([]);
    });

    it('counts documents per term over the whole index, a synonym standing in for its word', async () => {
      const stats = await index.termStats('achievements', ['光伏', '双氰胺', '晶圆', '伏特', '从未出现']);
      expect(stats.documents).toBe(4);
      expect(stats.documentFrequency.get('光伏')).toBe(2);
      expect(stats.documentFrequency.get('双氰胺')).toBe(1);
      // 晶圆 is a synonym of 硅片: the one-word query 晶圆 finds the 硅片 document.
      expect(stats.documentFrequency.get('晶圆')).toBe(1);
      expect(stats.documentFrequency.get('伏特')).toBe(0);
      expect(stats.documentFrequency.get('从未出现')).toBe(0);
      expect((await index.termStats('needs', ['光伏'])).documents).toBe(0);
    });

    it('highlights matches as HTML-safe snippets', async () => {
      const result = await index.search('achievements', { q: '光伏 清洗', limit: 10, highlight: true });
      const hit = result.hits.find((h) => h.document.id === 'ach_html')!;
      expect(hit.highlights!.title).toContain('&lt;script&gt;');
      expect(hit.highlights!.title).not.toContain('<script>');
      expect(hit.highlights!.title).toMatch(/<mark>光伏<\/mark>/);
      expect(hit.highlights!.body).toContain('&amp;');
      expect(hit.highlights!.body.replace(/<\/?mark>/g, '')).not.toMatch(/[<>"]/);
    });
  });
}
