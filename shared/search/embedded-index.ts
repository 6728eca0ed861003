/**
 * The embedded search engine: the local default and the test engine. In-memory inverted index over
 * jieba tokens with BM25F ranking (field weights from settings.ts), domain synonyms at query time,
 * structured filters, facet counts, sorting and highlighted snippets. Never the source of truth: it is
 * rebuilt from the table on start (see shared/search/reindex.ts).
 */
import { escapeHtml } from '../text/escape-html';
import type { FacetField, FilterClause, IndexName, SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResult } from './search-index';
import { FILTERABLE_FIELDS } from './search-index';
import { FIELD_WEIGHTS, SEARCHABLE_FIELDS } from './settings';
import { synonymsOf, tokenize } from './tokenizer';

const K1 = 1.2;
const B = 0.75;
/** A synonym counts for less than the word the person typed. */
const SYNONYM_WEIGHT = 0.6;

interface Entry {
  doc: SearchDocument;
  /** Σ field weight × term frequency, per term. */
  termWeights: Map<string, number>;
  length: number;
}

class Collection {
  readonly entries = new Map<string, Entry>();
  readonly postings = new Map<string, Set<string>>();
  totalLength = 0;

  upsert(doc: SearchDocument) {
    this.remove(doc.id);
    const termWeights = new Map<string, number>();
    let length = 0;
    for (const field of SEARCHABLE_FIELDS) {
      const value = doc[field];
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      const tokens = tokenize(text);
      // Keywords are chosen by the owner: each keyword also counts whole, even if jieba would split it.
      if (field === 'keywords') tokens.push(...doc.keywords.map((k) => k.toLowerCase()));
      for (const token of tokens) termWeights.set(token, (termWeights.get(token) ?? 0) + FIELD_WEIGHTS[field]);
      length += tokens.length * FIELD_WEIGHTS[field];
    }
    this.entries.set(doc.id, { doc: structuredClone(doc), termWeights, length });
    this.totalLength += length;
    for (const term of termWeights.keys()) {
      let set = this.postings.get(term);
      if (!set) this.postings.set(term, (set = new Set()));
      set.add(doc.id);
    }
  }

  remove(id: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    for (const term of entry.termWeights.keys()) {
      const set = this.postings.get(term);
      set?.delete(id);
      if (set && set.size === 0) this.postings.delete(term);
    }
    this.totalLength -= entry.length;
    this.entries.delete(id);
  }

  idf(term: string): number {
    const n = this.entries.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

function matchesClause(doc: SearchDocument, clause: FilterClause): boolean {
  if (!(FILTERABLE_FIELDS as readonly string[]).includes(clause.field)) throw new Error(`field ${clause.field} is not filterable`);
  const value = (doc as unknown as Record<string, unknown>)[clause.field];
  const values = Array.isArray(value) ? value : [value];
  switch (clause.op) {
    case 'eq':
      return values.some((v) => v === clause.value);
    case 'in':
      return values.some((v) => clause.values.includes(v as never));
    case 'gte':
      return values.some((v) => v !== undefined && (v as number | string) >= clause.value);
    case 'lte':
      return values.some((v) => v !== undefined && (v as number | string) <= clause.value);
    case 'exists':
      return value !== undefined;
    case 'not_exists':
      return value === undefined;
  }
}

/** Query terms with weights: each typed token 1, its synonyms SYNONYM_WEIGHT, never both for one term. */
export function queryTerms(q: string): Map<string, number> {
  const terms = new Map<string, number>();
  for (const token of tokenize(q)) terms.set(token, 1);
  for (const token of [...terms.keys()]) {
    for (const synonym of synonymsOf(token)) if (!terms.has(synonym)) terms.set(synonym, SYNONYM_WEIGHT);
  }
  return terms;
}

function highlight(text: string, terms: string[], crop: number | null): string {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const term of terms.sort((a, b) => b.length - a.length)) {
    let from = 0;
    for (;;) {
      const at = lower.indexOf(term, from);
      if (at < 0) break;
      const end = at + term.length;
      if (!ranges.some(([s, e]) => at < e && end > s)) ranges.push([at, end]);
      from = end;
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  let start = 0;
  let end = text.length;
  if (crop !== null && text.length > crop) {
    const first = ranges[0]?.[0] ?? 0;
    start = Math.max(0, Math.min(first - Math.floor(crop / 4), text.length - crop));
    end = Math.min(text.length, start + crop);
  }
  let out = start > 0 ? '…' : '';
  let cursor = start;
  for (const [s, e] of ranges) {
    if (s < start || e > end) continue;
    out += escapeHtml(text.slice(cursor, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    cursor = e;
  }
  out += escapeHtml(text.slice(cursor, end)) + (end < text.length ? '…' : '');
  return out;
}

export function createEmbeddedIndex(): SearchIndex {
  const collections: Record<IndexName, Collection> = { achievements: new Collection(), needs: new Collection() };

  function search(name: IndexName, query: SearchQuery): SearchResult {
    const c = collections[name];
    const filter = query.filter ?? [];
    const terms = query.q?.trim() ? queryTerms(query.q) : null;
    const avgLength = c.entries.size ? c.totalLength / c.entries.size : 1;

    let candidates: Iterable<string>;
    if (terms) {
      const ids = new Set<string>();
      for (const term of terms.keys()) for (const id of c.postings.get(term) ?? []) ids.add(id);
      candidates = ids;
    } else {
      candidates = c.entries.keys();
    }

    const idfs = terms ? new Map([...terms.keys()].map((t) => [t, c.idf(t)])) : null;
    // The most a document could get for coverage: every typed token present (synonyms stand in for their word).
    const typed = terms ? [...terms].filter(([, w]) => w === 1).map(([t]) => t) : [];
    const typedMass = typed.reduce((sum, t) => sum + (idfs!.get(t) ?? 0), 0);

    const scored: { entry: Entry; bm25: number; coverage: number; matched: string[] }[] = [];
    for (const id of candidates) {
      const entry = c.entries.get(id)!;
      if (!filter.every((clause) => matchesClause(entry.doc, clause))) continue;
      if (!terms) {
        scored.push({ entry, bm25: 0, coverage: 1, matched: [] });
        continue;
      }
      let bm25 = 0;
      const matched: string[] = [];
      let covered = 0;
      for (const token of typed) {
        const present = entry.termWeights.has(token) || synonymsOf(token).some((s) => entry.termWeights.has(s));
        if (present) covered += idfs!.get(token) ?? 0;
      }
      for (const [term, weight] of terms) {
        const tf = entry.termWeights.get(term);
        if (!tf) continue;
        matched.push(term);
        bm25 += weight * idfs!.get(term)! * ((tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * entry.length) / avgLength)));
      }
      scored.push({ entry, bm25, coverage: typedMass > 0 ? covered / typedMass : 0, matched });
    }

    const sort = query.sort ?? 'relevance';
    const byNewest = (a: (typeof scored)[number], b: (typeof scored)[number]) => b.entry.doc.publishedAt - a.entry.doc.publishedAt || a.entry.doc.id.localeCompare(b.entry.doc.id);
    const amount = (x: (typeof scored)[number]) => x.entry.doc.amountMinFen;
    scored.sort((a, b) => {
      if (sort === 'newest') return byNewest(a, b);
      if (sort === 'amount_asc' || sort === 'amount_desc') {
        const [x, y] = [amount(a), amount(b)];
        if (x === undefined || y === undefined) return x === y ? byNewest(a, b) : x === undefined ? 1 : -1;
        return (sort === 'amount_asc' ? x - y : y - x) || byNewest(a, b);
      }
      return b.bm25 - a.bm25 || byNewest(a, b);
    });

    const facets: SearchResult['facets'] = {};
    for (const field of query.facets ?? []) {
      const counts: Record<string, number> = {};
      for (const { entry } of scored) {
        const value = entry.doc[field as FacetField];
        for (const v of Array.isArray(value) ? value : [value]) {
          if (v === undefined || v === '') continue;
          counts[String(v)] = (counts[String(v)] ?? 0) + 1;
        }
      }
      facets[field] = counts;
    }

    const offset = query.offset ?? 0;
    const hits: SearchHit[] = scored.slice(offset, offset + query.limit).map(({ entry, coverage, matched }) => ({
      document: structuredClone(entry.doc),
      score: Math.round(coverage * 1000) / 1000,
      ...(query.highlight
        ? { highlights: { title: highlight(entry.doc.title, [...matched], null), body: highlight(entry.doc.body, [...matched], 80) } }
        : {}),
    }));
    return { hits, total: scored.length, facets };
  }

  return {
    engine: 'embedded',
    async applySettings() {},
    async upsert(name, documents) {
      for (const doc of documents) collections[name].upsert(doc);
    },
    async remove(name, ids) {
      for (const id of ids) collections[name].remove(id);
    },
    async get(name, id) {
      const entry = collections[name].entries.get(id);
      return entry ? structuredClone(entry.doc) : null;
    },
    async search(name, query) {
      return search(name, query);
    },
    async allIds(name) {
      return [...collections[name].entries.keys()];
    },
    async clear(name) {
      collections[name] = new Collection();
    },
  };
}
