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
 * the client neither parses responses nor raises API errors, so `fetchHttpClient`
 * (meilisearch-index/http-client.ts) does both the way the client's own fetch path does
 * (MeilisearchApiError carrying the error body as `cause`).
 *
 * This file is the adapter: options, index lifecycle, task waits and the SearchIndex methods. Its parts
 * are in meilisearch-index/: errors.ts, ids.ts (document ids), filter.ts (filters, query words),
 * http-client.ts, search.ts (search params in, results out) and highlight.ts.
 */
import { Meilisearch } from 'meilisearch';
import type { EnqueuedTask, EnqueuedTaskPromise, Index, Settings, Task } from 'meilisearch';
import type { IndexName, SearchIndex, SearchQuery, SearchResult, TermStats } from './search-index';
import { INDEX_SETTINGS } from './settings';
import { nodeHttpFetch } from './node-http-fetch';
import { SYNONYMS } from './synonyms';
import { findApiError, meiliCode, MeilisearchIndexError } from './meilisearch-index/errors';
import { trimQuery } from './meilisearch-index/filter';
import { fetchHttpClient } from './meilisearch-index/http-client';
import { fromMeiliId, toMeiliId, tryToMeiliId } from './meilisearch-index/ids';
import { searchParams, toDocument, toResult, type Hit, type StoredDocument } from './meilisearch-index/search';

export { MeilisearchIndexError } from './meilisearch-index/errors';
export { quoteFilterString, renderFilter, trimQuery } from './meilisearch-index/filter';
export { safeHighlight } from './meilisearch-index/highlight';
export { fromMeiliId, toMeiliId } from './meilisearch-index/ids';

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
const DOCUMENTS_PAGE = 1000;
const UPSERT_BATCH = 1000;

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
