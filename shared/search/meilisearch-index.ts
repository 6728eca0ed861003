/**
 * The Meilisearch adapter of SearchIndex (production engine), on the official `meilisearch` client.
 *
 * - Every write is an async task in Meilisearch: each one is awaited (with a timeout) and a failed or
 *   canceled task rejects with its error code and message.
 * - Filters are rendered from structured clauses with every string quoted and escaped, never
 *   concatenated from caller text.
 * - Highlights come back from Meilisearch unescaped: they are HTML-escaped here, keeping only <mark>.
 *
 * HTTP goes through the client's `httpClient` hook (0.62 has no plain `fetch` option). With that hook
 * the client neither parses responses nor raises API errors, so `fetchHttpClient` below does both the
 * way the client's own fetch path does (MeilisearchApiError carrying the error body as `cause`).
 */
import { Meilisearch, MeilisearchApiError } from 'meilisearch';
import type { EnqueuedTask, EnqueuedTaskPromise, Index, SearchParams, Settings, Task } from 'meilisearch';
import {
  FACET_FIELDS,
  FILTERABLE_FIELDS,
  type FacetField,
  type FilterClause,
  type FilterValue,
  type IndexName,
  type SearchDocument,
  type SearchHit,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
  type SortOrder,
  type TermStats,
} from './search-index';
import { INDEX_SETTINGS } from './settings';
import { nodeHttpFetch } from './node-http-fetch';
import { SYNONYMS } from './synonyms';

export interface MeilisearchIndexOptions {
  url: string;
  apiKey?: string;
  /** Index uids are `${indexPrefix}-achievements` and `${indexPrefix}-needs`. Default 'tech-market'. */
  indexPrefix?: string;
  /** Replaces the HTTP client (tests); default nodeHttpFetch (see node-http-fetch.ts for why not the global fetch). */
  fetch?: typeof fetch;
  /** How long to wait for one Meilisearch task before rejecting. Default 30 s. */
  taskTimeoutMs?: number;
  /** Defaults to SYNONYMS from ./synonyms. */
  synonyms?: Record<string, string[]>;
}

/** An error from this adapter; `cause` is the client error or the failed task. */
export class MeilisearchIndexError extends Error {
  override name = 'MeilisearchIndexError';
  /** Meilisearch error code (e.g. 'invalid_search_filter', 'index_not_found') when known. */
  readonly code: string | undefined;
  readonly taskUid: number | undefined;
  constructor(message: string, options: { cause?: unknown; code?: string; taskUid?: number } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.taskUid = options.taskUid;
  }
}

/**
 * The Meilisearch server version this adapter targets, and the image tag the stack runs when it hosts
 * Meilisearch itself (infra/constructs/search.ts). The `meilisearch` client 0.62 pinned in
 * package.json is typed up to server v1.47 features; the adapter uses only long-standing v1 APIs
 * (settings incl. localizedAttributes ≥ v1.10, tasks, search with filters/facets). Change both together.
 */
export const MEILISEARCH_VERSION = 'v1.47.0';

const DEFAULT_PREFIX = 'tech-market';
const DEFAULT_TASK_TIMEOUT_MS = 30_000;
const TASK_POLL_INTERVAL_MS = 50;
const PRIMARY_KEY = 'id';
/** Meilisearch reads only the first 10 words of q. */
const MAX_QUERY_WORDS = 10;
const DOCUMENTS_PAGE = 1000;
const UPSERT_BATCH = 1000;
const HIGHLIGHT_PRE = '<mark>';
const HIGHLIGHT_POST = '</mark>';

const SORTS: Record<SortOrder, string[] | undefined> = {
  relevance: undefined,
  newest: ['publishedAt:desc'],
  amount_asc: ['amountMinFen:asc'],
  amount_desc: ['amountMinFen:desc'],
};

// ---------------------------------------------------------------------------------------------------
// Document ids
// ---------------------------------------------------------------------------------------------------

/** Meilisearch document ids: a–z A–Z 0–9 - _, at most 511 bytes. */
const MEILI_ID = /^[A-Za-z0-9_-]{1,511}$/;
/** Marks an id stored base64url-encoded. Ids that start with it are encoded too, so decoding is unambiguous. */
const ENCODED_ID_PREFIX = 'x-b64-';

/** Our id → the id stored in Meilisearch (identity for ordinary ids like `ach_01J…`). */
export function toMeiliId(id: string): string {
  if (MEILI_ID.test(id) && !id.startsWith(ENCODED_ID_PREFIX)) return id;
  const encoded = ENCODED_ID_PREFIX + Buffer.from(id, 'utf8').toString('base64url');
  if (!MEILI_ID.test(encoded)) {
    throw new MeilisearchIndexError(`document id too long for Meilisearch once encoded (${id.length} chars)`);
  }
  return encoded;
}

/** The id stored in Meilisearch → our id. */
export function fromMeiliId(stored: string): string {
  if (!stored.startsWith(ENCODED_ID_PREFIX)) return stored;
  return Buffer.from(stored.slice(ENCODED_ID_PREFIX.length), 'base64url').toString('utf8');
}

function tryToMeiliId(id: string): string | null {
  try {
    return toMeiliId(id);
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------------------------------
// Filters
// ---------------------------------------------------------------------------------------------------

const FILTERABLE = new Set<string>(FILTERABLE_FIELDS);
const FACETS = new Set<string>(FACET_FIELDS);

/** A string literal in Meilisearch filter syntax: double quotes, with `\` and `"` escaped. */
export function quoteFilterString(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function renderValue(value: FilterValue): string {
  if (typeof value === 'string') return quoteFilterString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    const text = String(value);
    // The filter grammar reads numbers as words of [A-Za-z0-9_.-]: no exponents, NaN or Infinity.
    if (!Number.isFinite(value) || !/^-?\d+(\.\d+)?$/.test(text)) {
      throw new MeilisearchIndexError(`filter value is not a plain finite number: ${text}`);
    }
    return text;
  }
  throw new MeilisearchIndexError(`unsupported filter value type: ${typeof value}`);
}

/** The stored form of an id filter value (ids may be encoded, see toMeiliId). */
function idValue(field: string, value: FilterValue): FilterValue {
  return field === 'id' && typeof value === 'string' ? toMeiliId(value) : value;
}

/** FilterClause[] → Meilisearch filter (array of expressions = AND). Unknown fields throw. */
export function renderFilter(clauses: readonly FilterClause[]): string[] {
  return clauses.map((clause) => {
    const field: string = clause.field;
    if (!FILTERABLE.has(field)) throw new MeilisearchIndexError(`field is not filterable: ${JSON.stringify(field)}`);
    switch (clause.op) {
      case 'eq':
        return `${field} = ${renderValue(idValue(field, clause.value))}`;
      case 'in':
        return `${field} IN [${clause.values.map((v) => renderValue(idValue(field, v))).join(', ')}]`;
      case 'gte':
        return `${field} >= ${renderValue(clause.value)}`;
      case 'lte':
        return `${field} <= ${renderValue(clause.value)}`;
      case 'exists':
        return `${field} EXISTS`;
      case 'not_exists':
        return `${field} NOT EXISTS`;
      default: {
        const op: unknown = (clause as { op: unknown }).op;
        throw new MeilisearchIndexError(`unknown filter operator: ${JSON.stringify(op)}`);
      }
    }
  });
}

/** The first 10 whitespace-separated terms of q (what Meilisearch would read anyway). */
export function trimQuery(q: string): string {
  return q.trim().split(/\s+/).filter(Boolean).slice(0, MAX_QUERY_WORDS).join(' ');
}

// ---------------------------------------------------------------------------------------------------
// Highlights
// ---------------------------------------------------------------------------------------------------

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** Escapes Meilisearch's formatted text, then turns the escaped mark tags back into markup. */
export function safeHighlight(formatted: string): string {
  return escapeHtml(formatted)
    .split(escapeHtml(HIGHLIGHT_PRE))
    .join(HIGHLIGHT_PRE)
    .split(escapeHtml(HIGHLIGHT_POST))
    .join(HIGHLIGHT_POST);
}

// ---------------------------------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------------------------------

/** Rejects with the signal's reason as soon as it aborts, even if the underlying promise ignores it. */
function withAbort<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/**
 * A `httpClient` for the client: the fetch path of the client itself (parse JSON, throw
 * MeilisearchApiError on non-2xx), over an injectable fetch. Honours the abort signal the client uses
 * for task-wait timeouts, rejecting with its reason, which is what the client recognises as a timeout.
 */
function fetchHttpClient(fetchImpl: typeof fetch) {
  return async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]): Promise<unknown> => {
    const signal = init?.signal;
    if (signal?.aborted) throw signal.reason;
    const response = await withAbort(fetchImpl(input, init), signal);
    const text = await withAbort(response.text(), signal);
    let body: unknown;
    try {
      body = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      if (response.ok) throw error;
      body = undefined;
    }
    if (!response.ok) {
      const errorBody = isErrorBody(body) ? body : undefined;
      throw new MeilisearchApiError(response, errorBody);
    }
    return body;
  };
}

function isErrorBody(body: unknown): body is { message: string; code: string; type: string; link: string } {
  return typeof body === 'object' && body !== null && typeof (body as { message?: unknown }).message === 'string';
}

/**
 * The API error in an error's cause chain: through `httpClient`, the client wraps every error the hook
 * throws (API errors included) in a MeilisearchRequestError "Request to … has failed".
 */
function findApiError(error: unknown): MeilisearchApiError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    if (current instanceof MeilisearchApiError) return current;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** The Meilisearch error code of an error (e.g. 'index_not_found'), if it carries one. */
function meiliCode(error: unknown): string | undefined {
  if (error instanceof MeilisearchIndexError) return error.code;
  return findApiError(error)?.cause?.code;
}

// ---------------------------------------------------------------------------------------------------
// The adapter
// ---------------------------------------------------------------------------------------------------

type StoredDocument = Omit<SearchDocument, 'id'> & { id: string };
type Hit = StoredDocument & {
  _rankingScore?: number;
  _formatted?: Partial<Record<string, unknown>>;
  [key: `_${string}`]: unknown;
};

export function createMeilisearchIndex(options: MeilisearchIndexOptions): SearchIndex {
  const prefix = options.indexPrefix ?? DEFAULT_PREFIX;
  if (!/^[A-Za-z0-9_-]+$/.test(prefix)) {
    throw new MeilisearchIndexError(`indexPrefix must be letters, digits, - or _: ${JSON.stringify(prefix)}`);
  }
  const taskTimeoutMs = options.taskTimeoutMs ?? DEFAULT_TASK_TIMEOUT_MS;
  const synonyms = options.synonyms ?? SYNONYMS;
  const fetchImpl: typeof fetch = options.fetch ?? nodeHttpFetch;
  const client = new Meilisearch({
    host: options.url,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    httpClient: fetchHttpClient(fetchImpl),
    defaultWaitOptions: { timeout: taskTimeoutMs, interval: TASK_POLL_INTERVAL_MS },
  });

  const uid = (index: IndexName) => `${prefix}-${index}`;
  const indexOf = (index: IndexName): Index<StoredDocument> => client.index<StoredDocument>(uid(index));

  function wrap(what: string, error: unknown): MeilisearchIndexError {
    if (error instanceof MeilisearchIndexError) return error;
    const apiError = findApiError(error);
    const code = apiError?.cause?.code;
    const message = apiError
      ? `${apiError.response.status}${code ? ` ${code}` : ''}: ${apiError.message}`
      : error instanceof Error
        ? error.message
        : String(error);
    return new MeilisearchIndexError(`Meilisearch ${what} failed: ${message}`, {
      cause: error,
      ...(code ? { code } : {}),
    });
  }

  async function call<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      throw wrap(what, error);
    }
  }

  /** Waits for a write's task; rejects on failure, cancelation or timeout. */
  async function settle(what: string, enqueue: () => EnqueuedTaskPromise): Promise<Task> {
    const task = await call(what, async () => {
      const enqueued: EnqueuedTask = await enqueue();
      return client.tasks.waitForTask(enqueued, { timeout: taskTimeoutMs, interval: TASK_POLL_INTERVAL_MS });
    });
    if (task.status === 'failed' || task.status === 'canceled') {
      const code = task.error?.code ?? (task.status === 'canceled' ? 'task_canceled' : 'task_failed');
      const detail = task.error?.message ?? `task ${task.status}`;
      throw new MeilisearchIndexError(
        `Meilisearch ${what} failed: task ${task.uid} (${task.type}) ${task.status}: ${code}: ${detail}`,
        { cause: task, code, taskUid: task.uid },
      );
    }
    return task;
  }

  async function ensureIndex(index: IndexName): Promise<void> {
    const indexUid = uid(index);
    let primaryKey: string | null | undefined;
    try {
      primaryKey = (await client.getRawIndex(indexUid)).primaryKey;
    } catch (error) {
      if (meiliCode(error) !== 'index_not_found') throw wrap(`get index ${indexUid}`, error);
      await settle(`create index ${indexUid}`, () => client.createIndex(indexUid, { primaryKey: PRIMARY_KEY }));
      return;
    }
    if (primaryKey === null || primaryKey === undefined) {
      await settle(`set primary key of ${indexUid}`, () => indexOf(index).update({ primaryKey: PRIMARY_KEY }));
    } else if (primaryKey !== PRIMARY_KEY) {
      throw new MeilisearchIndexError(`index ${indexUid} has primary key ${JSON.stringify(primaryKey)}, expected "id"`);
    }
  }

  function settingsBody(): Settings {
    return { ...INDEX_SETTINGS, synonyms } as unknown as Settings;
  }

  function toDocument(stored: Record<string, unknown>): SearchDocument {
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

  function searchParams(query: SearchQuery): { q: string; params: SearchParams } {
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

  function toResult(response: { hits: unknown[]; facetDistribution?: Record<string, Record<string, number>> }, query: SearchQuery): SearchResult {
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

  return {
    engine: 'meilisearch',

    async applySettings() {
      // Indexes first, then settings, so the settings (and the reindex they trigger) precede documents.
      await ensureIndex('achievements');
      await ensureIndex('needs');
      for (const index of ['achievements', 'needs'] as const) {
        await settle(`update settings of ${uid(index)}`, () => indexOf(index).updateSettings(settingsBody()));
      }
    },

    async upsert(index, documents) {
      const stored = documents.map((d) => ({ ...d, id: toMeiliId(d.id) }));
      for (let i = 0; i < stored.length; i += UPSERT_BATCH) {
        const batch = stored.slice(i, i + UPSERT_BATCH);
        await settle(`add documents to ${uid(index)}`, () =>
          indexOf(index).addDocuments(batch, { primaryKey: PRIMARY_KEY }),
        );
      }
    },

    async remove(index, ids) {
      // An id that cannot be stored cannot be in the index: nothing to remove.
      const stored = ids.map(tryToMeiliId).filter((id): id is string => id !== null);
      if (stored.length === 0) return;
      await settle(`delete documents from ${uid(index)}`, () => indexOf(index).deleteDocuments(stored));
    },

    async get(index, id) {
      const stored = tryToMeiliId(id);
      if (stored === null) return null;
      try {
        return toDocument(await indexOf(index).getDocument(stored));
      } catch (error) {
        if (meiliCode(error) === 'document_not_found') return null;
        throw wrap(`get document from ${uid(index)}`, error);
      }
    },

    async search(index, query: SearchQuery): Promise<SearchResult> {
      const { q, params } = searchParams(query);
      const response = await call(`search ${uid(index)}`, () => indexOf(index).search<Hit>(q === '' ? undefined : q, params));
      return toResult(response, query);
    },

    async searchMany(index, queries: SearchQuery[]): Promise<SearchResult[]> {
      if (queries.length === 0) return [];
      const built = queries.map(searchParams);
      const response = await call(`multi-search ${uid(index)}`, () =>
        client.multiSearch({ queries: built.map(({ q, params }) => ({ indexUid: uid(index), ...(q === '' ? {} : { q }), ...params })) }),
      );
      return response.results.map((result, i) => toResult(result, queries[i]!));
    },

    async termStats(index, terms: string[]): Promise<TermStats> {
      // One multi-search: a placeholder query for the size of the index, then one query per term. Page
      // mode (hitsPerPage 0) makes totalHits exhaustive instead of the estimate a limit/offset query gives.
      const count = { page: 1, hitsPerPage: 0 } as const;
      const asked = [...new Set(terms.map(trimQuery).filter((q) => q !== ''))];
      const queries = [{ indexUid: uid(index), ...count }, ...asked.map((q) => ({ indexUid: uid(index), q, matchingStrategy: 'all' as const, ...count }))];
      const response = await call(`term stats ${uid(index)}`, () => client.multiSearch({ queries }));
      const total = (i: number) => (response.results[i] as { totalHits?: number } | undefined)?.totalHits ?? 0;
      const byQuery = new Map(asked.map((q, i) => [q, total(i + 1)]));
      const documentFrequency = new Map<string, number>();
      for (const term of terms) documentFrequency.set(term, byQuery.get(trimQuery(term)) ?? 0);
      return { documents: total(0), documentFrequency };
    },

    async allIds(index) {
      const ids: string[] = [];
      for (let offset = 0; ; offset += DOCUMENTS_PAGE) {
        const page = await call(`list documents of ${uid(index)}`, () =>
          indexOf(index).getDocuments({ fields: ['id'], limit: DOCUMENTS_PAGE, offset }),
        );
        for (const d of page.results) ids.push(fromMeiliId(String(d.id)));
        if (page.results.length < DOCUMENTS_PAGE || offset + DOCUMENTS_PAGE >= page.total) break;
      }
      return ids;
    },

    async clear(index) {
      await settle(`delete all documents of ${uid(index)}`, () => indexOf(index).deleteAllDocuments());
    },
  };
}
