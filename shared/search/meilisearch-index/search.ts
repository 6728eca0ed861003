/**
 * Searching through Meilisearch: a SearchQuery as Meilisearch search parameters (filter, facets, sort,
 * highlight), and a Meilisearch response as a SearchResult (our ids, ranking scores, safe highlights,
 * facet counts). Part of the adapter (../meilisearch-index.ts).
 */
import type { SearchParams } from 'meilisearch';
import {
  FACET_FIELDS,
  type FacetField,
  type SearchDocument,
  type SearchHit,
  type SearchQuery,
  type SearchResult,
  type SortOrder,
} from '../search-index';
import { MeilisearchIndexError } from './errors';
import { renderFilter, trimQuery } from './filter';
import { HIGHLIGHT_POST, HIGHLIGHT_PRE, safeHighlight } from './highlight';
import { fromMeiliId } from './ids';

const SORTS: Record<SortOrder, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  amount_asc: ['amountMinFen:asc'],
  amount_desc: ['amountMinFen:desc'],
};

const FACETS = new Set<string>(FACET_FIELDS);

/** A document as stored in Meilisearch (id as toMeiliId gives it), and as a search returns it. */
export type StoredDocument = Omit<SearchDocument, 'id'> & { id: string };
export type Hit = StoredDocument & {
  _rankingScore?: number;
  _formatted?: Partial<Record<string, unknown>>;
  [key: `_${string}`]: unknown;
};

/** A stored document or hit → our SearchDocument: our id back, Meilisearch's `_` fields dropped. */
export function toDocument(stored: Record<string, unknown>): SearchDocument {
  const document: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(stored)) {
    if (!key.startsWith('_')) document[key] = value;
  }
  document.id = fromMeiliId(String(stored.id));
  return document as unknown as SearchDocument;
}

function toHit(hit: Hit, highlight: boolean): SearchHit {
  const result: SearchHit = { document: toDocument(hit), score: hit._rankingScore ?? 0 };
  if (highlight) {
    const formatted = hit._formatted ?? {};
    const text = (field: 'title' | 'body') => {
      const value = formatted[field];
      return typeof value === 'string' ? value : hit[field] ?? '';
    };
    result.highlights = { title: safeHighlight(text('title')), body: safeHighlight(text('body')) };
  }
  return result;
}

/** A SearchQuery → q (at most 10 words) and the Meilisearch search parameters. Bad facets or sorts throw. */
export function searchParams(query: SearchQuery): { q: string; params: SearchParams } {
  const facets = query.facets ?? [];
  for (const facet of facets) {
    if (!FACETS.has(facet)) throw new MeilisearchIndexError(`not a facet field: ${JSON.stringify(facet)}`);
  }
  const sortOrder = query.sort ?? 'relevance';
  if (!(sortOrder in SORTS)) throw new MeilisearchIndexError(`unknown sort order: ${JSON.stringify(sortOrder)}`);
  const sort = SORTS[sortOrder];
  const filter = query.filter && query.filter.length > 0 ? renderFilter(query.filter) : undefined;
  const highlight = query.highlight === true;
  const params: SearchParams = {
    limit: query.limit,
    offset: query.offset ?? 0,
    showRankingScore: true,
    ...(filter ? { filter } : {}),
    ...(facets.length > 0 ? { facets: [...facets] } : {}),
    ...(sort ? { sort } : {}),
    ...(highlight
      ? {
          attributesToHighlight: ['title', 'body'],
          highlightPreTag: HIGHLIGHT_PRE,
          highlightPostTag: HIGHLIGHT_POST,
          attributesToCrop: ['body'],
          cropLength: 40,
        }
      : {}),
  };
  return { q: query.q === undefined ? '' : trimQuery(query.q), params };
}

/** A Meilisearch search response → SearchResult (hits, total, the facet counts asked for). */
export function toResult(response: { hits: unknown[]; facetDistribution?: Record<string, Record<string, number>> }, query: SearchQuery): SearchResult {
  const resultFacets: SearchResult['facets'] = {};
  for (const facet of query.facets ?? []) {
    const distribution = response.facetDistribution?.[facet] ?? {};
    const counts: Record<string, number> = {};
    // Keys are strings already (booleans come back as 'true' / 'false'); empty values are not facets.
    for (const [value, count] of Object.entries(distribution)) if (value !== '') counts[String(value)] = count;
    resultFacets[facet as FacetField] = counts;
  }
  const r = response as { estimatedTotalHits?: number; totalHits?: number };
  return {
    hits: response.hits.map((hit) => toHit(hit as Hit, query.highlight === true)),
    total: r.estimatedTotalHits ?? r.totalHits ?? response.hits.length,
    facets: resultFacets,
  };
}
