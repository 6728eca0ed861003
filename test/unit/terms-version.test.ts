/**
 * Stored terms are only as good as the segmentation that made them: documents indexed under one
 * tokenizer or dictionary and read under another would match on mismatched tokens. TERMS_VERSION tells
 * them apart (shared/search/listing-terms.ts). This test pins what the current version produces on the
 * relevance set's texts, so a change to segmentation (tokenizer rules, the trimmed dictionary, synonyms,
 * related terms, industries) fails here until TERMS_VERSION is bumped and the fingerprint recorded.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRelevanceSet } from '../../bench/relevance-set';
import { storedTerms, TERMS_VERSION } from '../../shared/search/listing-terms';

/** TERMS_VERSION → sha256 of the stored terms of every listing in the relevance set. */
const FINGERPRINTS: Record<number, string> = {
  2: 'b0f1908fb527c45875f691df345eacaf1ea40ec71fe04ce66263ec1f5b5b123e',
};

describe('TERMS_VERSION', () => {
  it('changes whenever the stored terms would', () => {
    const set = loadRelevanceSet();
    const texts = [
      ...set.achievements.map((a) => ({ title: a.title, body: a.summary, criteria: '', keywords: a.keywords })),
      ...set.needs.map((n) => ({ title: n.title, body: n.problem, criteria: n.acceptanceCriteria.join('；'), keywords: n.keywords })),
    ];
    const fingerprint = createHash('sha256').update(JSON.stringify(texts.map(storedTerms))).digest('hex');
    expect(
      FINGERPRINTS[TERMS_VERSION],
      `segmentation gives other terms than TERMS_VERSION ${TERMS_VERSION} recorded: bump TERMS_VERSION in shared/search/listing-terms.ts and record ${fingerprint} for it here`,
    ).toBe(fingerprint);
  });
});
