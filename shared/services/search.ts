/**
 * The public halls (成果大厅 / 需求大厅): full-text search with filters, facets, sorting and highlights,
 * answered by the search index, which holds public fields of public listings only — so a draft or a
 * confidential field cannot come out of a search, whoever asks.
 */
import { createHash } from 'node:crypto';
import { DomainError } from '../domain/errors';
import { askEngine, type FacetField, type FilterClause, type IndexName, type SearchIndex, type SortOrder } from '../search/search-index';

export interface HallQuery {
  q?: string;
  status?: string;
  industry?: string;
  trlMin?: number;
  trlBand?: string;
  mode?: string;
  district?: string;
  /** Achievements: asking price (its floor) at most this. */
  priceMaxFen?: number;
  /** Needs: the budget reaches at least this. */
  budgetMinFen?: number;
  challenge?: boolean;
  sort?: 'relevance' | 'newest' | 'price_asc' | 'price_desc' | 'budget_asc' | 'budget_desc';
  limit: number;
  cursor?: string;
}

export interface HallPage {
  items: Record<string, unknown>[];
  nextCursor: string | null;
  total: number;
  facets: Partial<Record<FacetField, Record<string, number>>>;
}

/** Meilisearch pages by offset up to maxTotalHits (settings.ts). */
const MAX_OFFSET = 1000;

/** Ties a cursor to its hall and query: it cannot be replayed against another list. */
function fingerprint(name: IndexName, query: HallQuery): string {
  const { cursor: _c, limit: _l, ...rest } = query;
  return createHash('sha256').update(JSON.stringify([name, Object.entries(rest).sort()])).digest('base64url').slice(0, 16);
}

function decodeOffset(cursor: string, expected: string): number {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; h?: unknown };
    if (typeof parsed.o === 'number' && Number.isSafeInteger(parsed.o) && parsed.o > 0 && parsed.o <= MAX_OFFSET && parsed.h === expected) return parsed.o;
  } catch {
    // fall through
  }
  throw new DomainError('invalid_cursor');
}

export async function searchHall(index: SearchIndex, name: IndexName, publicStatuses: readonly string[], query: HallQuery): Promise<HallPage> {
  const status = query.status ?? 'published';
  if (!publicStatuses.includes(status)) {
    throw new DomainError('forbidden', [
      { path: 'query.status', code: 'status_not_public', message: 'Only the owner may list drafts and archived listings (use ownerOrgId).', messageZh: '草稿和已归档的条目只有所属机构可查看（请使用 ownerOrgId）。' },
    ]);
  }
  const filter: FilterClause[] = [{ field: 'status', op: 'eq', value: status }];
  if (query.industry !== undefined) filter.push({ field: 'industry', op: 'eq', value: query.industry });
  if (query.trlMin !== undefined) filter.push({ field: 'trl', op: 'gte', value: query.trlMin });
  if (query.trlBand !== undefined) filter.push({ field: 'trlBand', op: 'eq', value: query.trlBand });
  if (query.mode !== undefined) filter.push({ field: 'modes', op: 'eq', value: query.mode });
  if (query.district !== undefined) filter.push({ field: 'district', op: 'eq', value: query.district });
  if (query.priceMaxFen !== undefined) filter.push({ field: 'amountMinFen', op: 'lte', value: query.priceMaxFen });
  if (query.budgetMinFen !== undefined) filter.push({ field: 'amountMaxFen', op: 'gte', value: query.budgetMinFen });
  if (query.challenge !== undefined) filter.push({ field: 'challenge', op: 'eq', value: query.challenge });

  const q = query.q?.trim() || undefined;
  const sorts: Record<NonNullable<HallQuery['sort']>, SortOrder> = {
    relevance: 'relevance', newest: 'newest', price_asc: 'amount_asc', price_desc: 'amount_desc', budget_asc: 'amount_asc', budget_desc: 'amount_desc',
  };
  const sort = query.sort ? sorts[query.sort] : q ? 'relevance' : 'newest';
  const hash = fingerprint(name, query);
  const offset = query.cursor ? decodeOffset(query.cursor, hash) : 0;
  const limit = Math.min(query.limit, MAX_OFFSET - offset);

  const facets: FacetField[] = name === 'achievements' ? ['industry', 'trlBand', 'modes', 'district'] : ['industry', 'modes', 'district', 'challenge'];
  const result = await askEngine(() => index.search(name, { ...(q ? { q } : {}), filter, facets, sort, limit, offset, highlight: Boolean(q) }));
  const next = offset + result.hits.length;
  return {
    items: result.hits.map((hit) => ({ ...(hit.document.view ?? {}), ...(q ? { score: hit.score } : {}), ...(hit.highlights ? { highlights: hit.highlights } : {}) })),
    nextCursor: next < result.total && next < MAX_OFFSET && result.hits.length > 0 ? Buffer.from(JSON.stringify({ o: next, h: hash })).toString('base64url') : null,
    total: result.total,
    facets: result.facets,
  };
}
