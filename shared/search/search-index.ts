/**
 * The search engine behind one small interface. Two adapters implement it and pass one contract suite
 * (test/contract/search-index.contract.ts): `meilisearch` in production, `embedded` locally and in tests.
 *
 * The index only ever holds public documents (public fields of listings in public statuses): the table
 * is the source of truth, the index a projection that can be rebuilt from it at any time.
 */
import { DomainError } from '../domain/errors';

export type IndexName = 'achievements' | 'needs';

/** A public, flattened listing as both engines store it. Every field here may be shown to anyone. */
export interface SearchDocument {
  id: string;
  kind: 'achievement' | 'need';
  status: string;
  version: number;
  title: string;
  /** Achievement summary or need problem statement (public). */
  body: string;
  /** Need acceptance criteria joined; empty for achievements. */
  criteria: string;
  keywords: string[];
  industry: string;
  industryGroup: string;
  /** Achievements: the TRL; needs: the minimum TRL wanted (0 when none). */
  trl: number;
  /** 'lab' 1–4 | 'pilot' 5–7 | 'industrial' 8–9; '' when none. */
  trlBand: string;
  modes: string[];
  district: string;
  ownerOrgId: string;
  ownerOrgName: string;
  /** Achievement asking price floor / need budget floor, fen; absent when negotiable. */
  amountMinFen?: number;
  /** Achievement asking price ceiling / need budget ceiling, fen; absent when negotiable. */
  amountMaxFen?: number;
  negotiable: boolean;
  challenge: boolean;
  bountyFen?: number;
  /** Needs: YYYY-MM-DD; achievements: absent. */
  deadline?: string;
  /** The deadline as a number (YYYYMMDD) for range filters: Meilisearch compares numbers, not date strings. */
  deadlineDay?: number;
  /** Epoch milliseconds. */
  publishedAt: number;
  /** The listing's public projection exactly as the API returns it (never searched, only displayed). */
  view?: Record<string, unknown>;
  /**
   * The public text already segmented, written when the document is built (by the stream functions,
   * which carry the segmenter): matching reads these instead of segmenting again, so the api function
   * never builds the segmenter for a published listing. Never searched. See shared/search/listing-terms.ts.
   */
  terms?: StoredTerms;
}

/** Per field, the terms in order joined by a line break (one string per field, not hundreds: memory and JSON stay small). */
type TermFields = Record<'title' | 'keywords' | 'body' | 'criteria', string>;

/** A listing's terms as both sides of matching use them; `v` changes whenever segmentation or the format does. */
export interface StoredTerms {
  v: number;
  /** As a candidate: search-mode tokens per field. */
  doc: TermFields;
  /** As the source of a match: content words per field. */
  query: TermFields;
}

export type FilterValue = string | number | boolean;

/** Structured filters: each adapter renders them in its own syntax (Meilisearch: escaped filter strings). */
export type FilterClause =
  | { field: FilterableField; op: 'eq'; value: FilterValue }
  | { field: FilterableField; op: 'in'; values: FilterValue[] }
  | { field: FilterableField; op: 'gte' | 'lte'; value: number | string }
  | { field: FilterableField; op: 'exists' | 'not_exists' };

export const FILTERABLE_FIELDS = [
  'id', 'kind', 'status', 'industry', 'industryGroup', 'trl', 'trlBand', 'modes', 'district', 'ownerOrgId',
  'amountMinFen', 'amountMaxFen', 'negotiable', 'challenge', 'bountyFen', 'deadlineDay', 'publishedAt',
] as const;
export type FilterableField = (typeof FILTERABLE_FIELDS)[number];

export const FACET_FIELDS = ['industry', 'trlBand', 'modes', 'district', 'challenge'] as const;
export type FacetField = (typeof FACET_FIELDS)[number];

export type SortOrder = 'relevance' | 'newest' | 'amount_asc' | 'amount_desc';

export interface SearchQuery {
  /** Free text, Chinese or English. Meilisearch reads only its first 10 words: callers keep it short. */
  q?: string;
  /** All clauses must hold (AND). */
  filter?: FilterClause[];
  facets?: FacetField[];
  sort?: SortOrder;
  limit: number;
  offset?: number;
  /** Return highlighted, HTML-escaped snippets of title and body with matches in <mark>. */
  highlight?: boolean;
}

export interface SearchHit {
  document: SearchDocument;
  /** Relevance in 0–1 where the engine gives one (Meilisearch rankingScore; embedded normalised BM25). */
  score: number;
  /** HTML-safe: text is escaped, only <mark>…</mark> is markup. */
  highlights?: { title: string; body: string };
}

export interface SearchResult {
  hits: SearchHit[];
  /** Number of matching documents (exact for embedded; Meilisearch's estimate). */
  total: number;
  facets: Partial<Record<FacetField, Record<string, number>>>;
}

/**
 * How many documents of an index hold each term: the corpus statistics behind matching's term weights
 * (shared/search/relevance.ts). A term counts for a document when a one-word query for it would find the
 * document (the term or one of its synonyms, in any searchable field).
 */
export interface TermStats {
  /** Documents in the index. */
  documents: number;
  /** term → number of documents holding it (0 when none); every asked term is present. */
  documentFrequency: Map<string, number>;
}

export interface SearchIndex {
  readonly engine: 'embedded' | 'meilisearch';
  /** Creates the indexes and applies the settings in shared/search/settings.ts; must run before documents. */
  applySettings(): Promise<void>;
  /** Adds or replaces documents by id. Resolves only when the engine has applied the write. */
  upsert(index: IndexName, documents: SearchDocument[]): Promise<void>;
  /** Removes documents by id; unknown ids are ignored. */
  remove(index: IndexName, ids: string[]): Promise<void>;
  get(index: IndexName, id: string): Promise<SearchDocument | null>;
  search(index: IndexName, query: SearchQuery): Promise<SearchResult>;
  /** Several queries on one index in one round trip (Meilisearch: one multi-search request), results in order. */
  searchMany(index: IndexName, queries: SearchQuery[]): Promise<SearchResult[]>;
  /** Document frequencies of single terms over the whole index (exact where the engine can count exactly). */
  termStats(index: IndexName, terms: string[]): Promise<TermStats>;
  /** Every id in the index (for reconciliation with the table). */
  allIds(index: IndexName): Promise<string[]>;
  /** Drops every document (settings stay). */
  clear(index: IndexName): Promise<void>;
}

/**
 * Runs a query against the engine; an engine that cannot answer (down, timing out, refusing) becomes
 * `search_unavailable` (503) instead of an unexplained 500. Domain errors pass through unchanged.
 */
export async function askEngine<T>(query: () => Promise<T>): Promise<T> {
  try {
    return await query();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw new DomainError('search_unavailable', [], { cause: error });
  }
}
