/**
 * A stand-in for a Meilisearch server's search endpoints, answered by the embedded engine: what a
 * bundled Lambda function talks to in `bench:bundle`'s first-request figure, where there is no
 * Meilisearch to run. It reads the requests our adapter (shared/search/meilisearch-index.ts) sends —
 * `POST /indexes/:uid/search` and `POST /multi-search`, with the filter expressions renderFilter
 * writes — turns them back into SearchQuery, and answers in Meilisearch's response shape. It also serves
 * a JWKS at `/jwks.json` for the function's token verifier. Anything else is a 404: it is not a server
 * for indexing, settings or tasks.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { JSONWebKeySet } from 'jose';
import { fromMeiliId, toMeiliId } from '../shared/search/meilisearch-index';
import type { FilterClause, FilterValue, IndexName, SearchIndex, SearchQuery, SortOrder } from '../shared/search/search-index';

export interface MeilisearchStandin {
  url: string;
  /** Requests answered, by path. */
  requests: Map<string, number>;
  /** Milliseconds spent answering requests that arrived between two epoch times (ms): the engine's share of a caller's wait. */
  busyMs(fromEpochMs: number, toEpochMs: number): number;
  close(): Promise<void>;
}

const SORT_OF: Record<string, SortOrder> = { 'publishedAt:desc': 'newest', 'amountMinFen:asc': 'amount_asc', 'amountMinFen:desc': 'amount_desc' };

function parseValue(text: string): FilterValue {
  const t = text.trim();
  if (t.startsWith('"')) return JSON.parse(t) as string; // quoteFilterString escapes only \ and ", as JSON does
  if (t === 'true' || t === 'false') return t === 'true';
  const n = Number(t);
  if (!Number.isFinite(n)) throw new Error(`not a filter value: ${t}`);
  return n;
}

/** Splits `a, "b, c", 3` at the commas outside string literals. */
function splitList(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted && ch === '\\') {
      current += ch + text[++i];
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  if (current.trim() !== '') parts.push(current);
  return parts;
}

/** One expression as renderFilter writes it → the clause it came from. */
export function parseFilterExpression(expression: string): FilterClause {
  const id = (field: string, v: FilterValue) => (field === 'id' && typeof v === 'string' ? fromMeiliId(v) : v);
  let m = /^(\w+) NOT EXISTS$/.exec(expression);
  if (m) return { field: m[1] as FilterClause['field'], op: 'not_exists' };
  m = /^(\w+) EXISTS$/.exec(expression);
  if (m) return { field: m[1] as FilterClause['field'], op: 'exists' };
  m = /^(\w+) IN \[(.*)\]$/s.exec(expression);
  if (m) return { field: m[1] as FilterClause['field'], op: 'in', values: splitList(m[2]!).map((v) => id(m![1]!, parseValue(v))) };
  m = /^(\w+) (=|>=|<=) (.*)$/s.exec(expression);
  if (m) {
    const field = m[1] as FilterClause['field'];
    const value = id(m[1]!, parseValue(m[3]!));
    if (m[2] === '=') return { field, op: 'eq', value };
    if (typeof value === 'boolean') throw new Error(`not a range value: ${expression}`);
    return { field, op: m[2] === '>=' ? 'gte' : 'lte', value };
  }
  throw new Error(`filter expression not understood: ${expression}`);
}

/** The embedded engine's HTML-safe highlight back to text with <mark> tags, as Meilisearch's _formatted has it. */
function unescapeHighlight(html: string): string {
  return html.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}

type Body = Record<string, unknown>;

async function answer(index: SearchIndex, name: IndexName, body: Body): Promise<Body> {
  const q = typeof body.q === 'string' ? body.q : undefined;
  const paged = typeof body.hitsPerPage === 'number';
  const query: SearchQuery = {
    ...(q ? { q } : {}),
    ...(Array.isArray(body.filter) ? { filter: (body.filter as string[]).map(parseFilterExpression) } : {}),
    ...(Array.isArray(body.facets) ? { facets: body.facets as SearchQuery['facets'] } : {}),
    ...(Array.isArray(body.sort) ? { sort: SORT_OF[(body.sort as string[])[0]!]! } : {}),
    ...(body.attributesToHighlight ? { highlight: true } : {}),
    limit: paged ? (body.hitsPerPage as number) : ((body.limit as number | undefined) ?? 20),
    offset: paged ? 0 : ((body.offset as number | undefined) ?? 0),
  };
  // matchingStrategy 'all' on a one-term query (term statistics) is what the embedded engine does for any query.
  const result = await index.search(name, query);
  const hits = result.hits.map((hit) => ({
    ...hit.document,
    id: toMeiliId(hit.document.id),
    _rankingScore: hit.score,
    ...(hit.highlights ? { _formatted: { title: unescapeHighlight(hit.highlights.title), body: unescapeHighlight(hit.highlights.body) } } : {}),
  }));
  return {
    hits,
    ...(paged ? { totalHits: result.total, page: 1, hitsPerPage: body.hitsPerPage } : { estimatedTotalHits: result.total, limit: query.limit, offset: query.offset }),
    ...(query.facets ? { facetDistribution: result.facets } : {}),
    processingTimeMs: 0,
    query: q ?? '',
  };
}

/** Starts the stand-in on a free local port, for indexes named `<prefix>-achievements` / `<prefix>-needs`. */
export async function startMeilisearchStandin(index: SearchIndex, options: { indexPrefix?: string; jwks?: JSONWebKeySet } = {}): Promise<MeilisearchStandin> {
  const prefix = options.indexPrefix ?? 'tech-market';
  const indexOf = (uid: string): IndexName => {
    if (uid === `${prefix}-achievements`) return 'achievements';
    if (uid === `${prefix}-needs`) return 'needs';
    throw new Error(`no such index: ${uid}`);
  };
  const requests = new Map<string, number>();
  const answered: { at: number; ms: number }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = (req.url ?? '').split('?')[0]!;
      requests.set(path, (requests.get(path) ?? 0) + 1);
      const send = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      const started = performance.now();
      const run = async () => {
        if (req.method === 'GET' && path === '/jwks.json' && options.jwks) return send(200, options.jwks);
        const document = /^\/indexes\/([^/]+)\/documents\/([^/]+)$/.exec(path);
        if (req.method === 'GET' && document) {
          const found = await index.get(indexOf(decodeURIComponent(document[1]!)), fromMeiliId(decodeURIComponent(document[2]!)));
          return found
            ? send(200, { ...found, id: toMeiliId(found.id) })
            : send(404, { message: 'Document not found.', code: 'document_not_found', type: 'invalid_request', link: '' });
        }
        const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Body) : {};
        const single = /^\/indexes\/([^/]+)\/search$/.exec(path);
        if (req.method === 'POST' && single) return send(200, await answer(index, indexOf(decodeURIComponent(single[1]!)), body));
        if (req.method === 'POST' && path === '/multi-search') {
          const queries = (body.queries ?? []) as Body[];
          const results = await Promise.all(queries.map(async ({ indexUid, ...q }) => ({ indexUid, ...(await answer(index, indexOf(String(indexUid)), q)) })));
          return send(200, { results });
        }
        send(404, { message: `the stand-in does not serve ${req.method} ${path}`, code: 'not_found', type: 'invalid_request', link: '' });
      };
      run()
        .catch((error: unknown) => send(400, { message: String(error), code: 'bad_request', type: 'invalid_request', link: '' }))
        .finally(() => answered.push({ at: performance.timeOrigin + started, ms: performance.now() - started }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    busyMs: (from, to) => answered.filter((a) => a.at >= from && a.at < to).reduce((sum, a) => sum + a.ms, 0),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
