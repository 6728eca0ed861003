/**
 * The Meilisearch adapter against a fake fetch that records every request and answers the way
 * Meilisearch does (writes enqueue tasks, GET /tasks/:uid reports them). Pins the exact HTTP traffic.
 */
import { describe, expect, it } from 'vitest';
import { MeilisearchApiError, MeilisearchTaskTimeOutError } from 'meilisearch';
import {
  createMeilisearchIndex,
  fromMeiliId,
  MeilisearchIndexError,
  renderFilter,
  toMeiliId,
} from '../../shared/search/meilisearch-index';
import type { FilterClause, SearchDocument } from '../../shared/search/search-index';
import { SYNONYMS } from '../../shared/search/synonyms';

// ---------------------------------------------------------------------------------------------------
// A fake Meilisearch
// ---------------------------------------------------------------------------------------------------

interface Recorded {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
  headers: Record<string, string>;
}

type TaskOutcome = 'succeeded' | 'never' | { failed: { code: string; message: string } } | 'canceled';

interface FakeTask {
  uid: number;
  indexUid: string | null;
  type: string;
  outcome: TaskOutcome;
  apply: () => void;
}

interface FakeOptions {
  /** Index uids that already exist, with their primary key. */
  existing?: Record<string, string | null>;
  /** Decides how each enqueued task ends. Default: succeeded. */
  outcome?: (type: string, indexUid: string | null) => TaskOutcome;
  /** Answer for POST /indexes/:uid/search. */
  search?: (indexUid: string, body: Record<string, unknown>) => { status?: number; body: unknown };
  /** Answer for POST /multi-search (default: each query as the default search, page mode counting the documents whose JSON holds q). */
  multiSearch?: (body: { queries: Record<string, unknown>[] }) => { status?: number; body: unknown };
}

const json = (status: number, body: unknown) =>
  new Response(body === undefined ? '' : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const apiError = (status: number, code: string, message: string) =>
  json(status, { message, code, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${code}` });

function fakeMeilisearch(options: FakeOptions = {}) {
  const requests: Recorded[] = [];
  const indexes = new Map<string, string | null>(Object.entries(options.existing ?? {}));
  const documents = new Map<string, Map<string, Record<string, unknown>>>();
  const tasks = new Map<number, FakeTask>();
  let nextTaskUid = 0;
  const docsOf = (uid: string) => {
    let docs = documents.get(uid);
    if (!docs) documents.set(uid, (docs = new Map()));
    return docs;
  };

  function enqueue(indexUid: string | null, type: string, apply: () => void) {
    const uid = nextTaskUid++;
    tasks.set(uid, { uid, indexUid, type, apply, outcome: options.outcome?.(type, indexUid) ?? 'succeeded' });
    return json(202, { taskUid: uid, indexUid, status: 'enqueued', type, enqueuedAt: '2025-01-01T00:00:00Z' });
  }

  function taskView(task: FakeTask) {
    const base = {
      uid: task.uid,
      batchUid: task.uid,
      indexUid: task.indexUid,
      type: task.type,
      canceledBy: null,
      details: {},
      duration: null,
      enqueuedAt: '2025-01-01T00:00:00Z',
      startedAt: null,
      finishedAt: null,
    };
    const outcome = task.outcome;
    if (outcome === 'never') return { ...base, status: 'processing', error: null };
    if (outcome === 'canceled') return { ...base, status: 'canceled', error: null };
    if (outcome === 'succeeded') {
      task.apply();
      task.apply = () => {};
      return { ...base, status: 'succeeded', error: null, finishedAt: '2025-01-01T00:00:01Z' };
    }
    return {
      ...base,
      status: 'failed',
      error: { ...outcome.failed, type: 'invalid_request', link: `https://docs.meilisearch.com/errors#${outcome.failed.code}` },
    };
  }

  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, key) => (headers[key] = value));
    requests.push({ method, path: url.pathname, query: Object.fromEntries(url.searchParams), body, headers });
    const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);

    // /tasks/:uid
    if (parts[0] === 'tasks' && parts.length === 2 && method === 'GET') {
      const task = tasks.get(Number(parts[1]));
      return task ? json(200, taskView(task)) : apiError(404, 'task_not_found', `Task \`${parts[1]}\` not found.`);
    }
    // /multi-search
    if (parts[0] === 'multi-search' && method === 'POST') {
      const request = body as { queries: Record<string, unknown>[] };
      const answer = options.multiSearch?.(request);
      if (answer) return json(answer.status ?? 200, answer.body);
      const results = request.queries.map((query) => {
        const indexUid = String(query.indexUid);
        const all = [...docsOf(indexUid).values()];
        if (query.hitsPerPage !== undefined) {
          const q = typeof query.q === 'string' ? query.q : '';
          const totalHits = all.filter((d) => q === '' || JSON.stringify(d).includes(q)).length;
          return { indexUid, hits: [], query: q, processingTimeMs: 0, hitsPerPage: 0, page: 1, totalPages: 0, totalHits };
        }
        const hits = all.map((d) => ({ ...d, _rankingScore: 0.5 }));
        return { indexUid, hits, query: query.q ?? '', processingTimeMs: 0, limit: 20, offset: 0, estimatedTotalHits: hits.length };
      });
      return json(200, { results });
    }
    // /indexes
    if (parts[0] === 'indexes' && parts.length === 1 && method === 'POST') {
      const { uid, primaryKey } = body as { uid: string; primaryKey?: string };
      return enqueue(uid, 'indexCreation', () => indexes.set(uid, primaryKey ?? null));
    }
    if (parts[0] !== 'indexes' || parts[1] === undefined) return apiError(404, 'not_found', 'not found');
    const indexUid = parts[1];
    const rest = parts.slice(2).join('/');
    if (rest === '' && method === 'GET') {
      return indexes.has(indexUid)
        ? json(200, { uid: indexUid, primaryKey: indexes.get(indexUid), createdAt: '2025-01-01T00:00:00Z', updatedAt: '2025-01-01T00:00:00Z' })
        : apiError(404, 'index_not_found', `Index \`${indexUid}\` not found.`);
    }
    if (rest === '' && method === 'PATCH') {
      return enqueue(indexUid, 'indexUpdate', () => indexes.set(indexUid, (body as { primaryKey: string }).primaryKey));
    }
    if (rest === 'settings' && method === 'PATCH') return enqueue(indexUid, 'settingsUpdate', () => {});
    if (rest === 'documents' && method === 'POST') {
      return enqueue(indexUid, 'documentAdditionOrUpdate', () => {
        for (const d of body as Record<string, unknown>[]) docsOf(indexUid).set(String(d.id), d);
      });
    }
    if (rest === 'documents' && method === 'DELETE') {
      return enqueue(indexUid, 'documentDeletion', () => docsOf(indexUid).clear());
    }
    if (rest === 'documents/delete-batch' && method === 'POST') {
      return enqueue(indexUid, 'documentDeletion', () => {
        for (const id of body as string[]) docsOf(indexUid).delete(id);
      });
    }
    if (rest === 'documents' && method === 'GET') {
      const offset = Number(url.searchParams.get('offset') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const fields = url.searchParams.get('fields')?.split(',');
      const all = [...docsOf(indexUid).values()];
      const results = all.slice(offset, offset + limit).map((d) =>
        fields ? Object.fromEntries(fields.filter((f) => f in d).map((f) => [f, d[f]])) : d,
      );
      return json(200, { results, offset, limit, total: all.length });
    }
    if (parts[2] === 'documents' && parts.length === 4 && method === 'GET') {
      const doc = docsOf(indexUid).get(parts[3]!);
      return doc ? json(200, doc) : apiError(404, 'document_not_found', `Document \`${parts[3]}\` not found.`);
    }
    if (rest === 'search' && method === 'POST') {
      const answer = options.search?.(indexUid, body as Record<string, unknown>);
      if (answer) return json(answer.status ?? 200, answer.body);
      const hits = [...docsOf(indexUid).values()].map((d) => ({ ...d, _rankingScore: 0.5 }));
      return json(200, { hits, query: '', processingTimeMs: 0, limit: 20, offset: 0, estimatedTotalHits: hits.length });
    }
    return apiError(404, 'not_found', `no fake route for ${method} ${url.pathname}`);
  };

  return {
    fetch: fetchImpl,
    requests,
    documents,
    /** Requests as "METHOD /path". */
    lines: () => requests.map((r) => `${r.method} ${r.path}`),
    reset: () => (requests.length = 0),
  };
}

function doc(overrides: Partial<SearchDocument> & { id: string }): SearchDocument {
  return {
    kind: 'achievement',
    status: 'published',
    version: 1,
    title: '金刚线细线化切割工艺',
    body: '硅片切割损耗降低',
    criteria: '',
    keywords: ['金刚线'],
    industry: '光伏全产业链',
    industryGroup: '重点领域',
    trl: 7,
    trlBand: 'pilot',
    modes: ['licence'],
    district: '平罗县',
    ownerOrgId: 'org_A',
    ownerOrgName: '宁夏理工学院',
    negotiable: false,
    challenge: false,
    publishedAt: 1_760_000_000_000,
    ...overrides,
  };
}

const URL_BASE = 'http://meili.test:7700';
const SMALL_SYNONYMS = { 硅片: ['晶圆'], 晶圆: ['硅片'] };

function setup(fakeOptions: FakeOptions = {}, indexOptions: { taskTimeoutMs?: number; synonyms?: Record<string, string[]> } = {}) {
  const fake = fakeMeilisearch(fakeOptions);
  const index = createMeilisearchIndex({
    url: URL_BASE,
    apiKey: 'master-key',
    indexPrefix: 'tm',
    fetch: fake.fetch,
    synonyms: SMALL_SYNONYMS,
    ...indexOptions,
  });
  return { fake, index };
}

/** The settings body, written out: a change to shared/search/settings.ts must show up here too. */
const EXPECTED_SETTINGS = {
  searchableAttributes: ['title', 'keywords', 'industry', 'body', 'criteria', 'ownerOrgName'],
  filterableAttributes: [
    'id', 'kind', 'status', 'industry', 'industryGroup', 'trl', 'trlBand', 'modes', 'district', 'ownerOrgId',
    'amountMinFen', 'amountMaxFen', 'negotiable', 'challenge', 'bountyFen', 'deadlineDay', 'publishedAt',
  ],
  sortableAttributes: ['publishedAt', 'amountMinFen', 'deadlineDay', 'bountyFen'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness'],
  localizedAttributes: [{ attributePatterns: ['title', 'body', 'criteria', 'keywords', 'industry', 'ownerOrgName'], locales: ['cmn'] }],
  faceting: { maxValuesPerFacet: 100 },
  pagination: { maxTotalHits: 1000 },
  typoTolerance: { enabled: true, disableOnAttributes: ['industry'] },
  displayedAttributes: ['*'],
  synonyms: SMALL_SYNONYMS,
};

const searchBody = (fake: ReturnType<typeof fakeMeilisearch>) => {
  const searches = fake.requests.filter((r) => r.path.endsWith('/search'));
  expect(searches).toHaveLength(1);
  return searches[0]!.body as Record<string, unknown>;
};

// ---------------------------------------------------------------------------------------------------

describe('Meilisearch adapter: settings', () => {
  it('creates missing indexes, then patches settings, before any document write', async () => {
    const { fake, index } = setup();
    expect(index.engine).toBe('meilisearch');
    await index.applySettings();
    await index.upsert('achievements', [doc({ id: 'ach_01J0000000000000000000000A' })]);

    expect(fake.lines()).toEqual([
      'GET /indexes/tm-achievements',
      'POST /indexes',
      'GET /tasks/0',
      'GET /indexes/tm-needs',
      'POST /indexes',
      'GET /tasks/1',
      'PATCH /indexes/tm-achievements/settings',
      'GET /tasks/2',
      'PATCH /indexes/tm-needs/settings',
      'GET /tasks/3',
      'POST /indexes/tm-achievements/documents',
      'GET /tasks/4',
    ]);
    const [, createAch, , , createNeeds, , settingsAch, , settingsNeeds] = fake.requests;
    expect(createAch!.body).toEqual({ uid: 'tm-achievements', primaryKey: 'id' });
    expect(createNeeds!.body).toEqual({ uid: 'tm-needs', primaryKey: 'id' });
    expect(settingsAch!.body).toEqual(EXPECTED_SETTINGS);
    expect(settingsNeeds!.body).toEqual(EXPECTED_SETTINGS);
    expect(fake.requests[10]!.query).toEqual({ primaryKey: 'id' });
    for (const r of fake.requests) expect(r.headers.authorization).toBe('Bearer master-key');
  });

  it('leaves existing indexes alone, and sets a missing primary key', async () => {
    const { fake, index } = setup({ existing: { 'tm-achievements': 'id', 'tm-needs': null } });
    await index.applySettings();
    expect(fake.lines()).toEqual([
      'GET /indexes/tm-achievements',
      'GET /indexes/tm-needs',
      'PATCH /indexes/tm-needs',
      'GET /tasks/0',
      'PATCH /indexes/tm-achievements/settings',
      'GET /tasks/1',
      'PATCH /indexes/tm-needs/settings',
      'GET /tasks/2',
    ]);
    expect(fake.requests[2]!.body).toEqual({ primaryKey: 'id' });
  });

  it('refuses an existing index with another primary key', async () => {
    const { index } = setup({ existing: { 'tm-achievements': 'uuid' } });
    await expect(index.applySettings()).rejects.toThrow(/primary key "uuid"/);
  });

  it('sends the domain synonyms from ./synonyms by default, under the default prefix', async () => {
    const fake = fakeMeilisearch({ existing: { 'tech-market-achievements': 'id', 'tech-market-needs': 'id' } });
    const index = createMeilisearchIndex({ url: URL_BASE, fetch: fake.fetch });
    await index.applySettings();
    const settings = fake.requests.filter((r) => r.method === 'PATCH');
    expect(settings.map((r) => r.path)).toEqual(['/indexes/tech-market-achievements/settings', '/indexes/tech-market-needs/settings']);
    expect((settings[0]!.body as { synonyms: unknown }).synonyms).toEqual(SYNONYMS);
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
  });

  it('rejects with the task error when a settings task fails', async () => {
    const { index } = setup({
      existing: { 'tm-achievements': 'id', 'tm-needs': 'id' },
      outcome: (type) =>
        type === 'settingsUpdate'
          ? { failed: { code: 'invalid_settings_ranking_rules', message: '`sort` ranking rule is invalid.' } }
          : 'succeeded',
    });
    await expect(index.applySettings()).rejects.toMatchObject({
      name: 'MeilisearchIndexError',
      code: 'invalid_settings_ranking_rules',
      message: expect.stringContaining('`sort` ranking rule is invalid.'),
    });
  });
});

describe('Meilisearch adapter: tasks', () => {
  it('a failed write rejects with the task code and message', async () => {
    const { index } = setup({
      outcome: () => ({ failed: { code: 'invalid_document_id', message: 'Document identifier `bad` is invalid.' } }),
    });
    const error = await index.upsert('needs', [doc({ id: 'need_1', kind: 'need' })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchIndexError);
    const e = error as MeilisearchIndexError;
    expect(e.code).toBe('invalid_document_id');
    expect(e.taskUid).toBe(0);
    expect(e.message).toContain('invalid_document_id');
    expect(e.message).toContain('Document identifier `bad` is invalid.');
    expect(e.cause).toMatchObject({ uid: 0, status: 'failed', error: { code: 'invalid_document_id' } });
  });

  it('a canceled task rejects too', async () => {
    const { index } = setup({ outcome: () => 'canceled' });
    await expect(index.clear('needs')).rejects.toMatchObject({ code: 'task_canceled' });
  });

  it('a task that never finishes rejects after the timeout', async () => {
    const { fake, index } = setup({ outcome: () => 'never' }, { taskTimeoutMs: 200 });
    const started = Date.now();
    const error = await index.remove('achievements', ['ach_1']).catch((e: unknown) => e);
    const elapsed = Date.now() - started;
    expect(error).toBeInstanceOf(MeilisearchIndexError);
    expect((error as Error).message).toMatch(/timeout of 200ms has exceeded on task 0/);
    expect((error as Error).cause).toBeInstanceOf(MeilisearchTaskTimeOutError);
    expect(elapsed).toBeGreaterThanOrEqual(190);
    expect(elapsed).toBeLessThan(2000);
    expect(fake.lines()[0]).toBe('POST /indexes/tm-achievements/documents/delete-batch');
    expect(fake.requests[0]!.body).toEqual(['ach_1']);
    expect(fake.lines().slice(1).every((l) => l === 'GET /tasks/0')).toBe(true);
    expect(fake.requests.length).toBeGreaterThan(2);
  });

  it('an API error keeps the client error as cause, with its code', async () => {
    const { index } = setup({
      search: () => ({ status: 400, body: { message: 'Attribute `x` is not filterable.', code: 'invalid_search_filter', type: 'invalid_request', link: '' } }),
    });
    const error = (await index.search('achievements', { limit: 1 }).catch((e: unknown) => e)) as MeilisearchIndexError;
    expect(error).toBeInstanceOf(MeilisearchIndexError);
    expect(error.code).toBe('invalid_search_filter');
    expect(error.message).toContain('Attribute `x` is not filterable.');
    let cause: unknown = error.cause;
    while (cause && !(cause instanceof MeilisearchApiError)) cause = (cause as { cause?: unknown }).cause;
    expect(cause).toBeInstanceOf(MeilisearchApiError);
    expect((cause as MeilisearchApiError).response.status).toBe(400);
  });

  it('a network failure keeps the original error as cause', async () => {
    const boom = new TypeError('fetch failed');
    const index = createMeilisearchIndex({ url: URL_BASE, fetch: () => Promise.reject(boom) });
    const error = (await index.get('achievements', 'ach_1').catch((e: unknown) => e)) as Error;
    expect(error).toBeInstanceOf(MeilisearchIndexError);
    let cause: unknown = error.cause;
    while (cause && cause !== boom) cause = (cause as { cause?: unknown }).cause;
    expect(cause).toBe(boom);
  });
});

describe('Meilisearch adapter: search', () => {
  it('sends the exact search body for filters, facets, sort and highlight', async () => {
    const { fake, index } = setup();
    await index.search('achievements', {
      q: '  硅片   切割 ',
      filter: [
        { field: 'industry', op: 'eq', value: '光伏全产业链' },
        { field: 'district', op: 'in', values: ['平罗县', '大武口区'] },
        { field: 'trl', op: 'gte', value: 5 },
        { field: 'amountMaxFen', op: 'lte', value: 90_000_000 },
        { field: 'negotiable', op: 'eq', value: false },
        { field: 'deadlineDay', op: 'gte', value: 20250601 },
        { field: 'bountyFen', op: 'exists' },
        { field: 'amountMinFen', op: 'not_exists' },
      ],
      facets: ['industry', 'challenge'],
      sort: 'newest',
      limit: 20,
      offset: 40,
      highlight: true,
    });
    expect(fake.lines()).toEqual(['POST /indexes/tm-achievements/search']);
    expect(searchBody(fake)).toEqual({
      q: '硅片 切割',
      filter: [
        'industry = "光伏全产业链"',
        'district IN ["平罗县", "大武口区"]',
        'trl >= 5',
        'amountMaxFen <= 90000000',
        'negotiable = false',
        'deadlineDay >= 20250601',
        'bountyFen EXISTS',
        'amountMinFen NOT EXISTS',
      ],
      facets: ['industry', 'challenge'],
      sort: ['publishedAt:desc'],
      limit: 20,
      offset: 40,
      showRankingScore: true,
      attributesToHighlight: ['title', 'body'],
      highlightPreTag: '<mark>',
      highlightPostTag: '</mark>',
      attributesToCrop: ['body'],
      cropLength: 40,
    });
  });

  it('sends a minimal body for a placeholder search by relevance', async () => {
    const { fake, index } = setup();
    await index.search('needs', { limit: 10 });
    expect(fake.lines()).toEqual(['POST /indexes/tm-needs/search']);
    expect(searchBody(fake)).toEqual({ limit: 10, offset: 0, showRankingScore: true });
  });

  it.each([
    ['amount_asc', ['amountMinFen:asc']],
    ['amount_desc', ['amountMinFen:desc']],
    ['newest', ['publishedAt:desc']],
    ['relevance', undefined],
  ] as const)('maps sort %s', async (sort, expected) => {
    const { fake, index } = setup();
    await index.search('achievements', { q: 'x', sort, limit: 1 });
    expect(searchBody(fake).sort).toEqual(expected);
  });

  it('a filter value cannot escape its quotes', async () => {
    const { fake, index } = setup();
    await index.search('achievements', {
      filter: [
        { field: 'status', op: 'eq', value: '" OR status = "draft' },
        { field: 'industry', op: 'in', values: ['a\\', 'b\\" OR "c'] },
      ],
      limit: 10,
    });
    expect(searchBody(fake).filter).toEqual([
      'status = "\\" OR status = \\"draft"',
      'industry IN ["a\\\\", "b\\\\\\" OR \\"c"]',
    ]);
  });

  it('renders every operator and refuses unknown fields without sending anything', async () => {
    expect(renderFilter([{ field: 'status', op: 'eq', value: 'published" OR status = "draft' }])).toEqual([
      String.raw`status = "published\" OR status = \"draft"`,
    ]);
    expect(renderFilter([{ field: 'challenge', op: 'eq', value: true }, { field: 'trl', op: 'in', values: [1, 2] }])).toEqual([
      'challenge = true',
      'trl IN [1, 2]',
    ]);
    expect(() => renderFilter([{ field: 'trl', op: 'gte', value: Number.NaN }])).toThrow(/finite number/);

    const { fake, index } = setup();
    const unknown = [{ field: 'ownerEmail', op: 'eq', value: 'a@b.c' }] as unknown as FilterClause[];
    await expect(index.search('achievements', { filter: unknown, limit: 10 })).rejects.toThrow(/not filterable: "ownerEmail"/);
    const sneaky = [{ field: 'status = "draft" OR status', op: 'exists' }] as unknown as FilterClause[];
    await expect(index.search('achievements', { filter: sneaky, limit: 10 })).rejects.toThrow(/not filterable/);
    await expect(
      index.search('achievements', { facets: ['ownerEmail'] as unknown as ['industry'], limit: 10 }),
    ).rejects.toThrow(/not a facet field/);
    expect(fake.requests).toEqual([]);
  });

  it('trims q to its first 10 whitespace-separated words', async () => {
    const { fake, index } = setup();
    await index.search('achievements', { q: ' one two\tthree\nfour five  six seven eight nine ten eleven twelve ', limit: 5 });
    expect(searchBody(fake).q).toBe('one two three four five six seven eight nine ten');
  });

  it('maps hits, score, total and facets (boolean facet keys as strings)', async () => {
    const stored = doc({ id: 'ach_01J0000000000000000000000A' });
    const { index } = setup({
      search: () => ({
        body: {
          hits: [{ ...stored, _rankingScore: 0.875 }],
          query: 'x',
          processingTimeMs: 1,
          limit: 1,
          offset: 0,
          estimatedTotalHits: 37,
          facetDistribution: { challenge: { true: 3, false: 34 }, industry: { 光伏全产业链: 30, '': 2 } },
          facetStats: {},
        },
      }),
    });
    const result = await index.search('achievements', { q: 'x', facets: ['challenge', 'industry', 'district'], limit: 1 });
    expect(result).toEqual({
      hits: [{ document: stored, score: 0.875 }],
      total: 37,
      facets: { challenge: { true: 3, false: 34 }, industry: { 光伏全产业链: 30 }, district: {} },
    });
    expect(Object.keys(result.facets.challenge!)).toEqual(['true', 'false']);
  });

  it('uses totalHits when the response is paginated by page', async () => {
    const { index } = setup({
      search: () => ({ body: { hits: [], query: '', processingTimeMs: 0, hitsPerPage: 1, page: 1, totalPages: 9, totalHits: 9 } }),
    });
    expect((await index.search('achievements', { limit: 1 })).total).toBe(9);
  });

  it('HTML-escapes highlights, keeping only the <mark> tags', async () => {
    const stored = doc({ id: 'ach_html', title: '<script>alert(1)</script> 光伏清洗机器人', body: '光伏组件自动清洗 & 巡检 "无水"' });
    const { index } = setup({
      search: () => ({
        body: {
          hits: [
            {
              ...stored,
              _rankingScore: 0.9,
              _formatted: {
                ...stored,
                title: '<script>alert(1)</script> <mark>光伏</mark>清洗机器人',
                body: '…<mark>光伏</mark>组件自动清洗 & 巡检 "无水" <img src=x onerror=alert(2)>…',
              },
            },
          ],
          query: '光伏',
          processingTimeMs: 1,
          limit: 10,
          offset: 0,
          estimatedTotalHits: 1,
        },
      }),
    });
    const [hit] = (await index.search('achievements', { q: '光伏', limit: 10, highlight: true })).hits;
    expect(hit!.highlights).toEqual({
      title: '&lt;script&gt;alert(1)&lt;/script&gt; <mark>光伏</mark>清洗机器人',
      body: '…<mark>光伏</mark>组件自动清洗 &amp; 巡检 &quot;无水&quot; &lt;img src=x onerror=alert(2)&gt;…',
    });
    // The document itself is the stored one, without Meilisearch's _formatted / _rankingScore.
    expect(hit!.document).toEqual(stored);
  });

  it('falls back to the escaped plain fields when _formatted is missing', async () => {
    const stored = doc({ id: 'ach_1', title: 'a<b', body: 'c>d' });
    const { index } = setup({
      search: () => ({ body: { hits: [{ ...stored }], query: '', processingTimeMs: 0, limit: 1, offset: 0, estimatedTotalHits: 1 } }),
    });
    const [hit] = (await index.search('achievements', { limit: 1, highlight: true })).hits;
    expect(hit!.highlights).toEqual({ title: 'a&lt;b', body: 'c&gt;d' });
    expect(hit!.score).toBe(0);
  });
});

describe('Meilisearch adapter: several queries and term statistics', () => {
  it('searchMany sends one multi-search with each query’s own body and maps the results in order', async () => {
    const a = doc({ id: 'ach_a' });
    const b = doc({ id: 'ach_b', title: '双氰胺' });
    const { fake, index } = setup({
      multiSearch: ({ queries }) => ({
        body: {
          results: queries.map((q, i) => ({
            indexUid: q.indexUid,
            hits: i === 0 ? [{ ...a, _rankingScore: 0.9 }, { ...b, _rankingScore: 0.4 }] : [{ ...b, _rankingScore: 0.7 }],
            query: q.q,
            processingTimeMs: 0,
            limit: q.limit,
            offset: 0,
            estimatedTotalHits: i === 0 ? 2 : 1,
          })),
        },
      }),
    });
    const results = await index.searchMany('achievements', [
      { q: '光伏 切割', limit: 30, filter: [{ field: 'status', op: 'eq', value: 'published' }] },
      { q: '一 二 三 四 五 六 七 八 九 十 十一', limit: 5 },
    ]);
    expect(fake.lines()).toEqual(['POST /multi-search']);
    expect(fake.requests[0]!.body).toEqual({
      queries: [
        { indexUid: 'tm-achievements', q: '光伏 切割', limit: 30, offset: 0, showRankingScore: true, filter: ['status = "published"'] },
        { indexUid: 'tm-achievements', q: '一 二 三 四 五 六 七 八 九 十', limit: 5, offset: 0, showRankingScore: true },
      ],
    });
    expect(results.map((r) => r.hits.map((h) => [h.document.id, h.score]))).toEqual([[['ach_a', 0.9], ['ach_b', 0.4]], [['ach_b', 0.7]]]);
    expect(results.map((r) => r.total)).toEqual([2, 1]);
  });

  it('searchMany with no queries asks nothing', async () => {
    const { fake, index } = setup();
    expect(await index.searchMany('needs', [])).toEqual([]);
    expect(fake.requests).toEqual([]);
  });

  it('termStats counts with exhaustive page-mode queries, all words required, in one request', async () => {
    const { fake, index } = setup();
    await index.upsert('achievements', [doc({ id: 'ach_1', title: '光伏 清洗' }), doc({ id: 'ach_2', title: '光伏 切割' }), doc({ id: 'ach_3', title: '双氰胺', body: '纯度', keywords: ['双氰胺'], industry: '精制双氰胺' })]);
    fake.reset();
    const stats = await index.termStats('achievements', ['光伏', '双氰胺', '光伏', '  ', '滩羊']);
    expect(fake.lines()).toEqual(['POST /multi-search']);
    expect(fake.requests[0]!.body).toEqual({
      queries: [
        { indexUid: 'tm-achievements', page: 1, hitsPerPage: 0 },
        { indexUid: 'tm-achievements', q: '光伏', matchingStrategy: 'all', page: 1, hitsPerPage: 0 },
        { indexUid: 'tm-achievements', q: '双氰胺', matchingStrategy: 'all', page: 1, hitsPerPage: 0 },
        { indexUid: 'tm-achievements', q: '滩羊', matchingStrategy: 'all', page: 1, hitsPerPage: 0 },
      ],
    });
    expect(stats.documents).toBe(3);
    expect([...stats.documentFrequency]).toEqual([['光伏', 2], ['双氰胺', 1], ['  ', 0], ['滩羊', 0]]);
  });

  it('a failing multi-search rejects with the Meilisearch error code', async () => {
    const { index } = setup({ multiSearch: () => ({ status: 400, body: { message: 'bad', code: 'invalid_search_filter', type: 'invalid_request', link: '' } }) });
    const error = await index.termStats('needs', ['光伏']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MeilisearchIndexError);
    expect((error as MeilisearchIndexError).code).toBe('invalid_search_filter');
  });
});

describe('Meilisearch adapter: documents and ids', () => {
  it('leaves ordinary ids as they are and encodes the rest reversibly', () => {
    expect(toMeiliId('ach_01J9ZQ3K4M5N6P7Q8R9S0T1V2W')).toBe('ach_01J9ZQ3K4M5N6P7Q8R9S0T1V2W');
    expect(toMeiliId('need_01J9ZQ3K4M5N6P7Q8R9S0T1V2W')).toBe('need_01J9ZQ3K4M5N6P7Q8R9S0T1V2W');
    for (const id of ['ach/../../keys', 'a b?c=d&e#f', '成果_1', 'x-b64-looks-encoded', '', 'v1.2']) {
      const stored = toMeiliId(id);
      expect(stored).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
      expect(stored).not.toBe(id);
      expect(fromMeiliId(stored)).toBe(id);
    }
    expect(() => toMeiliId('成'.repeat(200))).toThrow(/too long/);
  });

  it('round-trips odd ids through upsert, get, search, filter, allIds and remove', async () => {
    const odd = 'ach/2024?x=1&y=中文';
    const plain = 'ach_01J9ZQ3K4M5N6P7Q8R9S0T1V2W';
    const { fake, index } = setup();
    await index.upsert('achievements', [doc({ id: odd }), doc({ id: plain })]);
    const [write] = fake.requests;
    const sentIds = (write!.body as SearchDocument[]).map((d) => d.id);
    expect(sentIds[0]).toBe(toMeiliId(odd));
    expect(sentIds[0]).toMatch(/^x-b64-[A-Za-z0-9_-]+$/);
    expect(sentIds[1]).toBe(plain);

    fake.reset();
    expect(await index.get('achievements', odd)).toEqual(doc({ id: odd }));
    expect(fake.lines()).toEqual([`GET /indexes/tm-achievements/documents/${toMeiliId(odd)}`]);
    expect(await index.get('achievements', plain)).toEqual(doc({ id: plain }));
    expect(await index.get('achievements', 'ach_missing')).toBeNull();

    expect((await index.allIds('achievements')).sort()).toEqual([odd, plain].sort());
    const hits = (await index.search('achievements', { limit: 10 })).hits.map((h) => h.document.id);
    expect(hits.sort()).toEqual([odd, plain].sort());

    fake.reset();
    await index.search('achievements', { filter: [{ field: 'id', op: 'in', values: [odd, plain] }], limit: 10 });
    expect(searchBody(fake).filter).toEqual([`id IN ["${toMeiliId(odd)}", "${plain}"]`]);

    fake.reset();
    await index.remove('achievements', [odd]);
    expect(fake.requests[0]!.body).toEqual([toMeiliId(odd)]);
    expect(await index.allIds('achievements')).toEqual([plain]);
  });

  it('pages allIds through the documents endpoint with fields=id', async () => {
    const { fake, index } = setup();
    const docs = Array.from({ length: 2001 }, (_, i) => doc({ id: `ach_${String(i).padStart(5, '0')}` }));
    await index.upsert('achievements', docs);
    expect(fake.lines()).toEqual([
      'POST /indexes/tm-achievements/documents',
      'GET /tasks/0',
      'POST /indexes/tm-achievements/documents',
      'GET /tasks/1',
      'POST /indexes/tm-achievements/documents',
      'GET /tasks/2',
    ]);
    fake.reset();
    const ids = await index.allIds('achievements');
    expect(ids).toHaveLength(2001);
    expect(new Set(ids)).toEqual(new Set(docs.map((d) => d.id)));
    expect(fake.requests.map((r) => [r.method, r.path, r.query])).toEqual([
      ['GET', '/indexes/tm-achievements/documents', { fields: 'id', limit: '1000', offset: '0' }],
      ['GET', '/indexes/tm-achievements/documents', { fields: 'id', limit: '1000', offset: '1000' }],
      ['GET', '/indexes/tm-achievements/documents', { fields: 'id', limit: '1000', offset: '2000' }],
    ]);
  });

  it('clear deletes all documents; empty writes send nothing', async () => {
    const { fake, index } = setup();
    await index.upsert('needs', []);
    await index.remove('needs', []);
    expect(fake.requests).toEqual([]);
    await index.upsert('needs', [doc({ id: 'need_1', kind: 'need' })]);
    fake.reset();
    await index.clear('needs');
    expect(fake.lines()).toEqual(['DELETE /indexes/tm-needs/documents', 'GET /tasks/1']);
    expect(await index.allIds('needs')).toEqual([]);
  });

  it('get surfaces errors other than document_not_found', async () => {
    const { index } = setup();
    // A missing document is null; a missing index (or any other API error) is an error.
    const fake = fakeMeilisearch();
    const broken = createMeilisearchIndex({
      url: URL_BASE,
      fetch: async (input, init) =>
        String(input).includes('/documents/') ? apiError(404, 'index_not_found', 'Index `tm-needs` not found.') : fake.fetch(input, init),
    });
    await expect(broken.get('needs', 'need_1')).rejects.toMatchObject({ code: 'index_not_found' });
    expect(await index.get('needs', 'need_1')).toBeNull();
  });
});
