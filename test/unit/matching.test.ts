import { describe, expect, it } from 'vitest';
import { compatibleIndustries, explain, industryFit, matchScore, maturityFit, priceFit } from '../../shared/domain/matching';
import { candidateQueries, MAX_QUERY_WORDS } from '../../shared/search/candidate-queries';
import { candidateTerms, keywordTerms, sourceTerms, storedTerms, TERMS_VERSION, type TextField } from '../../shared/search/listing-terms';
import { achievementDocument, needDocument } from '../../shared/search/documents';
import { newAchievement } from '../../shared/domain/achievement';
import { newNeed } from '../../shared/domain/need';
import { achievementInput, needInput } from '../fixtures';
import { averageLengths, scoreCandidate, weighQueryTerms } from '../../shared/search/relevance';
import { idfOf, type CorpusStats } from '../../shared/search/term-stats';
import { contentWords, tokenize } from '../../shared/search/tokenizer';

describe('Chinese text handling', () => {
  it('segments domain words whole, not character by character', () => {
    const tokens = tokenize('精制双氰胺重结晶工艺与金刚线切割');
    expect(tokens).toEqual(expect.arrayContaining(['双氰胺', '重结晶', '金刚线', '切割']));
    expect(tokens).not.toContain('氰');
  });

  it('keeps content words and drops everyday filler', () => {
    const words = [...contentWords('滩羊冷鲜肉放不了几天，外地订单不敢接').keys()];
    expect(words).toEqual(expect.arrayContaining(['滩羊', '订单']));
    for (const filler of ['不了', '不敢', '几天']) expect(words).not.toContain(filler);
  });

  it('cuts a keyword pasted from a title into its words, and keeps a short keyword whole too', () => {
    expect(keywordTerms('主运输皮带老跑偏')).toEqual(expect.arrayContaining(['皮带', '跑偏']));
    expect(keywordTerms('主运输皮带老跑偏')).not.toContain('主运输皮带老跑偏');
    expect(keywordTerms('切片损耗')).toEqual(expect.arrayContaining(['切片', '损耗', '切片损耗']));
  });
});

/** Corpus statistics from a table of document frequencies (what SearchIndex.termStats answers). */
function stats(documents: number, df: Record<string, number>): CorpusStats {
  return { documents, df: (t) => df[t] ?? 0, idf: (t) => idfOf(documents, df[t] ?? 0) };
}

describe('query terms from the corpora', () => {
  const source = { title: ['断线', '车间'], keywords: ['断线'], body: ['断线', '车间', '硅片', '线痕'], criteria: [] };

  it('weighs rare target terms high and the source side’s boilerplate low; terms no target holds are dropped', () => {
    const target = stats(300, { 断线: 3, 车间: 20, 硅片: 12, 线痕: 0 });
    // Every need says 车间; few say 断线.
    const own = stats(50, { 断线: 2, 车间: 40, 硅片: 5 });
    const query = weighQueryTerms(source, target, own);
    expect(query.map((q) => q.term)).toEqual(['断线', '硅片', '车间']);
    expect(query.find((q) => q.term === '车间')!.weight).toBeLessThan(query.find((q) => q.term === '硅片')!.weight / 5);
    expect(query.find((q) => q.term === '断线')!.fields.sort()).toEqual(['body', 'keywords', 'title']);
  });

  it('builds at most five queries of at most ten words, no two alike, the strongest first', () => {
    const many = Array.from({ length: 25 }, (_, i) => ({ term: `词${i}`, weight: 25 - i, fields: i % 2 ? (['body'] as TextField[]) : (['title', 'body'] as TextField[]) }));
    const queries = candidateQueries(many);
    expect(queries.length).toBeLessThanOrEqual(5);
    for (const q of queries) expect(q.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    expect(queries[0]).toEqual(many.slice(0, 10).map((t) => t.term));
    expect(queries).toContainEqual(many.filter((t) => t.fields.includes('title')).slice(0, 10).map((t) => t.term));
    expect(queries).toContainEqual(many.slice(10, 20).map((t) => t.term));
    expect(new Set(queries.map((q) => [...q].sort().join())).size).toBe(queries.length);
    expect(candidateQueries([])).toEqual([]);
  });
});

describe('reranking a candidate’s full text', () => {
  const query = [
    { term: '跑偏', weight: 3, fields: ['title'] as TextField[] },
    { term: '皮带', weight: 2, fields: ['body'] as TextField[] },
    { term: '撒煤', weight: 1, fields: ['body'] as TextField[] },
  ];
  const text = (title: string, body: string) => ({ terms: candidateTerms({ title, body, criteria: '', keywords: [] }) });

  it('credits the word itself most, a synonym less, a problem ↔ remedy word least, and says which', () => {
    const panels = [
      { term: '积灰', weight: 3, fields: ['title'] as TextField[] },
      { term: '组件', weight: 2, fields: ['body'] as TextField[] },
    ];
    const direct = text('组件积灰在线监测', '识别组件积灰程度。');
    const synonym = text('电池片积灰在线监测', '识别电池片积灰程度。');
    const related = text('组件自清洁涂层', '疏水涂层使组件自清洁。');
    const avg = averageLengths([direct, synonym, related]);
    const [d, s, r] = [direct, synonym, related].map((c) => scoreCandidate(panels, c, avg));
    expect(d!.shared).toEqual(['积灰', '组件']);
    expect(s!.shared).toEqual(['积灰', '组件≈电池片']);
    expect(r!.shared).toEqual(['积灰→自清洁', '组件']);
    expect(d!.normalised).toBeGreaterThan(s!.normalised);
    expect(s!.normalised).toBeGreaterThan(r!.normalised);
    expect(r!.normalised).toBeGreaterThan(0);
    expect(scoreCandidate(query, text('枸杞制干', '热泵干燥。'), avg)).toMatchObject({ raw: 0, shared: [] });
  });

  it('scores in 0–1 whatever the text holds', () => {
    const full = text('跑偏 皮带 撒煤', '跑偏 皮带 撒煤 '.repeat(30));
    const score = scoreCandidate(query, full, averageLengths([full]));
    expect(score.normalised).toBeGreaterThan(0.5);
    expect(score.normalised).toBeLessThanOrEqual(1);
  });
});

describe('terms stored with the search document', () => {
  const text = { title: '金刚线细线化切割工艺', body: '硅片切割损耗降低，断线率显著下降；车间粉尘少。', criteria: '断线率低于千分之一', keywords: ['金刚线', '主运输皮带老跑偏'] };

  it('are the terms matching would compute itself, on both sides', () => {
    const stored = storedTerms(text);
    expect(stored.v).toBe(TERMS_VERSION);
    expect(candidateTerms({ ...text, terms: stored })).toEqual(candidateTerms(text));
    expect(sourceTerms({ ...text, terms: stored })).toEqual(sourceTerms(text));
    expect(stored.doc.title.split('\n')).toEqual(expect.arrayContaining(['金刚线', '切割']));
    expect(stored.query.body.split('\n')).toContain('断线');
  });

  it('are read instead of the text when their version is current, and ignored when it is not', () => {
    const odd = { v: TERMS_VERSION, doc: { title: '标记词\n标记', keywords: '', body: '', criteria: '' }, query: { title: '标记词', keywords: '', body: '', criteria: '' } };
    expect([...candidateTerms({ ...text, terms: odd }).byTerm.keys()]).toEqual(['标记词', '标记']);
    expect(sourceTerms({ ...text, terms: odd }).title).toEqual(['标记词']);
    const stale = { ...odd, v: TERMS_VERSION - 1 };
    expect(candidateTerms({ ...text, terms: stale }).byTerm.has('标记词')).toBe(false);
    expect(sourceTerms({ ...text, terms: stale })).toEqual(sourceTerms(text));
  });

  it('travel in every achievement and need document the indexers write', () => {
    const ids = { ownerOrgId: 'org_U', ownerOrgName: '宁夏理工学院', ownerDistrict: '大武口区' };
    const now = new Date('2026-11-01T00:00:00Z');
    const a = achievementDocument(newAchievement(achievementInput() as never, { id: 'ach_T1', ...ids }, now));
    const n = needDocument(newNeed(needInput() as never, { id: 'need_T1', ...ids }, now));
    for (const doc of [a, n]) expect(doc.terms).toEqual(storedTerms(doc));
    expect(a.terms!.doc.body.split('\n')).toEqual(expect.arrayContaining(['硅片', '切割']));
    expect(n.terms!.query.criteria.split('\n')).toContain('良率');
    // Only public text goes in: the confidential detail has words no public field has.
    expect(JSON.stringify([a.terms, n.terms])).not.toMatch(/张力曲线|多线切割机/);
  });
});

describe('match rules', () => {
  it('industry compatibility: same, related, unrelated', () => {
    expect(industryFit('光伏全产业链', '光伏全产业链').value).toBe(1);
    expect(industryFit('光伏全产业链', '半导体材料').value).toBe(0.7);
    expect(industryFit('光伏全产业链', '滩羊').value).toBe(0);
    expect(compatibleIndustries('精制双氰胺')).toEqual(expect.arrayContaining(['精细化工', '现代化工']));
    expect(compatibleIndustries('精制双氰胺')).not.toContain('滩羊');
  });

  it('maturity and price fit, in fen', () => {
    expect(maturityFit(5, 6).value).toBe(0);
    expect(maturityFit(6, 6).value).toBe(1);
    expect(maturityFit(3, null).value).toBeLessThan(maturityFit(8, null).value);
    expect(priceFit(60_000_000, 80_000_000)).toMatchObject({ value: 1, zh: expect.stringContaining('¥600,000.00') });
    expect(priceFit(90_000_000, 80_000_000).value).toBe(0);
    expect(priceFit(undefined, 80_000_000).value).toBe(0.7);
  });

  it('scores in 0–1 and explains in both languages', () => {
    expect(matchScore({ text: 1, industry: 1, maturity: 1, price: 1 })).toBe(1);
    expect(matchScore({ text: 0, industry: 0, maturity: 0, price: 0 })).toBe(0);
    const a = matchScore({ text: 0.8, industry: 1, maturity: 1, price: 1 });
    const b = matchScore({ text: 0.4, industry: 1, maturity: 1, price: 1 });
    expect(a).toBeGreaterThan(b);
    const e = explain(['硅片', '切割≈金刚线'], industryFit('光伏全产业链', '光伏全产业链'), maturityFit(7, null), priceFit(1, 2));
    expect(e.summaryZh).toMatch(/^共同关键词：硅片、切割≈金刚线；/);
    expect(e.summaryEn).toMatch(/^shared keywords: /);
  });
});

describe('industry fit explanations', () => {
  it('names industries in the reader’s language', () => {
    const same = industryFit('光伏全产业链', '光伏全产业链');
    expect(same.zh).toBe('同属「光伏全产业链」');
    expect(same.en).toBe('same industry (Photovoltaic value chain)');
    expect(industryFit('光伏全产业链', '枸杞').en).toMatch(/^unrelated industries \(Photovoltaic value chain \/ Goji\)$/);
  });
});
