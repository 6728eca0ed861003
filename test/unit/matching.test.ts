import { describe, expect, it } from 'vitest';
import { compatibleIndustries, explain, industryFit, matchScore, maturityFit, priceFit } from '../../shared/domain/matching';
import { MAX_QUERY_WORDS, queryWords } from '../../shared/search/query-words';
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

  it('reduces a long need to at most 10 weighted words, the owner’s keywords first', () => {
    const words = queryWords({
      keywords: ['断线', '切片损耗'],
      title: '硅片切割断线多、损耗大，想把硅耗降下来',
      text: '切片车间用的是多线切割机，最近换了更细的线以后断线次数明显增加，平均每班断两三次，断线后整刀报废或返工；每公斤硅棒出片数比同行少，线痕和厚薄不均超标的片子也多。'.repeat(5),
    });
    expect(words.length).toBeLessThanOrEqual(MAX_QUERY_WORDS);
    expect(words[0]!.word).toBe('断线');
    expect(words.map((w) => w.word)).toContain('切片损耗');
    for (let i = 1; i < words.length; i++) expect(words[i - 1]!.weight).toBeGreaterThanOrEqual(words[i]!.weight);
    // A word and its synonym do not both take a slot.
    const set = new Set(words.map((w) => w.word));
    expect(set.has('切割') && set.has('切片')).toBe(false);
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
