/**
 * Index settings as code, applied before any document (a settings change reindexes everything in
 * Meilisearch, so they never drift by hand). Both adapters read them.
 */
import { FACET_FIELDS, FILTERABLE_FIELDS } from './search-index';

/** Searchable fields, most important first (Meilisearch's attribute ranking order; embedded weights). */
export const SEARCHABLE_FIELDS = ['title', 'keywords', 'industry', 'body', 'criteria', 'ownerOrgName'] as const;
export const FIELD_WEIGHTS: Record<(typeof SEARCHABLE_FIELDS)[number], number> = {
  title: 3,
  keywords: 3,
  industry: 1.5,
  body: 1,
  criteria: 1,
  ownerOrgName: 0.5,
};
export const SORTABLE_FIELDS = ['publishedAt', 'amountMinFen', 'deadlineDay', 'bountyFen'] as const;
export const RANKING_RULES = ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'] as const;
/** Chinese fields: Meilisearch's charabia segments them with jieba when told the locale is cmn. */
export const LOCALIZED_ATTRIBUTES = [{ attributePatterns: ['title', 'body', 'criteria', 'keywords', 'industry', 'ownerOrgName'], locales: ['cmn'] }] as const;

export const INDEX_SETTINGS = {
  searchableAttributes: [...SEARCHABLE_FIELDS],
  filterableAttributes: [...FILTERABLE_FIELDS],
  sortableAttributes: [...SORTABLE_FIELDS],
  rankingRules: [...RANKING_RULES],
  localizedAttributes: LOCALIZED_ATTRIBUTES.map((l) => ({ attributePatterns: [...l.attributePatterns], locales: [...l.locales] })),
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 1000 },
  // Typo tolerance does nothing for Chinese; recall comes from synonyms and keywords.
  typoTolerance: { enabled: true, disableOnAttributes: ['industry'] },
  displayedAttributes: ['*'],
} as const;

export { FACET_FIELDS };
