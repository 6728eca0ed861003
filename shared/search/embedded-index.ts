/**
 * The embedded search engine: the local default and the test engine. In-memory inverted index over
 * jieba tokens with BM25F ranking (field weights from settings.ts), domain synonyms at query time,
 * structured filters, facet counts, sorting and highlighted snippets. Never the source of truth: it is
 * rebuilt from the table on start (see shared/search/reindex.ts).
 */
import { escapeHtml } from '../text/escape-html';
import type { FilterClause, IndexName, SearchDocument, SearchHit, SearchIndex, SearchQuery, SearchResult } from './search-index';
import { FACET_FIELDS, FILTERABLE_FIELDS } from './search-index';
import { FIELD_WEIGHTS, SEARCHABLE_FIELDS } from './settings';
import { storedFieldTokens } from './listing-terms';
import { synonymsOf, tokenize } from './tokenizer';

const K1 = 1.2;
const B = 0.75;
/** A synonym counts for less than the word the person typed. */
const SYNONYM_WEIGHT = 0.6;
/** Postings at least this long are also kept packed in typed arrays (see Collection.postingList). */
const PACK_FROM = 64;
/** Room for distinct facet values (industries, districts, modes, bands …: about a hundred in practice). */
const FACET_STRIDE = 1 << 16;

interface Entry {
  /** Dense number of this document, the index into per-query score arrays. */
  ordinal: number;
  doc: SearchDocument;
  /** Σ field weight × term frequency, per term. */
  termWeights: Map<string, number>;
  length: number;
  /**
   * Every facet value of the document as one integer, FACET_FIELDS position × FACET_STRIDE + value id
   * (see Collection.facetValueId), computed once at upsert: counting facets is one pass over typed arrays.
   */
  facetCodes: Int32Array;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/**
 * One index. Documents get a dense ordinal so that scoring accumulates into typed arrays and postings
 * are keyed by small integers: per-candidate work with string-keyed maps was most of a search's cost.
 */
class Collection {
  readonly entries = new Map<string, Entry>();
  readonly byOrdinal: (Entry | undefined)[] = [];
  private readonly ordinals = new Map<string, number>();
  /** term → (ordinal → weighted term frequency). */
  readonly postings = new Map<string, Map<number, number>>();
  /**
   * The same postings packed into typed arrays, built on first use and dropped when a document holding
   * the term changes: walking a Map of thousands of entries per term was most of a query's cost.
   */
  private readonly packed = new Map<string, { ordinals: Int32Array; tfs: Float64Array }>();
  /** Filterable field → value by ordinal (see compileFilter). */
  readonly columns = new Map<string, unknown[]>(FILTERABLE_FIELDS.map((f) => [f, []]));
  /** Document length by ordinal (0 for a removed document). */
  lengths = new Float64Array(1024);
  totalLength = 0;
  readonly facetValueNames: string[] = [];
  private readonly facetValueIds = new Map<string, number>();

  facetValueId(value: string): number {
    let id = this.facetValueIds.get(value);
    if (id === undefined) {
      if (this.facetValueNames.length >= FACET_STRIDE) throw new Error(`more than ${FACET_STRIDE} distinct facet values`);
      id = this.facetValueNames.length;
      this.facetValueNames.push(value);
      this.facetValueIds.set(value, id);
    }
    return id;
  }

  upsert(doc: SearchDocument) {
    this.remove(doc.id);
    this.frequencies.clear();
    let ordinal = this.ordinals.get(doc.id);
    if (ordinal === undefined) {
      ordinal = this.byOrdinal.length;
      this.ordinals.set(doc.id, ordinal);
      this.byOrdinal.push(undefined);
      if (ordinal >= this.lengths.length) {
        const grown = new Float64Array(this.lengths.length * 2);
        grown.set(this.lengths);
        this.lengths = grown;
      }
    }
    const termWeights = new Map<string, number>();
    let length = 0;
    for (const field of SEARCHABLE_FIELDS) {
      const value = doc[field];
      const text = Array.isArray(value) ? value.join(' ') : String(value ?? '');
      // Title, body and criteria were segmented when the document was built (the same tokenize).
      const tokens = (field === 'title' || field === 'body' || field === 'criteria' ? storedFieldTokens(doc, field) : null) ?? tokenize(text);
      // Keywords are chosen by the owner: each keyword also counts whole, even if jieba would split it.
      if (field === 'keywords') tokens.push(...doc.keywords.map((k) => k.toLowerCase()));
      for (const token of tokens) termWeights.set(token, (termWeights.get(token) ?? 0) + FIELD_WEIGHTS[field]);
      length += tokens.length * FIELD_WEIGHTS[field];
    }
    const facetCodes = Int32Array.from(
      FACET_FIELDS.flatMap((field, position) => {
        const value = doc[field];
        return (Array.isArray(value) ? value : [value]).filter((v) => v !== undefined && v !== '').map((v) => position * FACET_STRIDE + this.facetValueId(String(v)));
      }),
    );
    // Stored frozen and handed out as is: copying each hit was a large part of a search's cost.
    const entry: Entry = { ordinal, doc: deepFreeze(structuredClone(doc)), termWeights, length, facetCodes };
    this.entries.set(doc.id, entry);
    this.byOrdinal[ordinal] = entry;
    for (const [field, column] of this.columns) column[ordinal] = (entry.doc as unknown as Record<string, unknown>)[field];
    this.lengths[ordinal] = length;
    this.totalLength += length;
    for (const [term, tf] of termWeights) {
      this.packed.delete(term);
      let posting = this.postings.get(term);
      if (!posting) this.postings.set(term, (posting = new Map()));
      posting.set(ordinal, tf);
    }
  }

  remove(id: string) {
    const entry = this.entries.get(id);
    if (!entry) return;
    this.frequencies.clear();
    for (const term of entry.termWeights.keys()) {
      this.packed.delete(term);
      const posting = this.postings.get(term);
      posting?.delete(entry.ordinal);
      if (posting && posting.size === 0) this.postings.delete(term);
    }
    this.totalLength -= entry.length;
    this.lengths[entry.ordinal] = 0;
    for (const column of this.columns.values()) column[entry.ordinal] = undefined;
    this.entries.delete(id);
    this.byOrdinal[entry.ordinal] = undefined;
  }

  /** A term's postings to walk: packed when long (short ones walk fast enough as they are, and memory counts). */
  postingList(term: string): { ordinals: Int32Array; tfs: Float64Array } | Map<number, number> | undefined {
    let list = this.packed.get(term);
    if (list) return list;
    const posting = this.postings.get(term);
    if (!posting) return undefined;
    if (posting.size < PACK_FROM) return posting;
    list = { ordinals: new Int32Array(posting.size), tfs: new Float64Array(posting.size) };
    let i = 0;
    for (const [ordinal, tf] of posting) {
      list.ordinals[i] = ordinal;
      list.tfs[i++] = tf;
    }
    this.packed.set(term, list);
    return list;
  }

  /** documentFrequency's answers until the next write (a write may change any of them). */
  private readonly frequencies = new Map<string, number>();

  /** Documents holding the term or one of its synonyms (what a one-word query for it finds). */
  documentFrequency(term: string): number {
    const known = this.frequencies.get(term);
    if (known !== undefined) return known;
    const count = this.countHolders(term);
    this.frequencies.set(term, count);
    return count;
  }

  private countHolders(term: string): number {
    const t = term.toLowerCase();
    const synonyms = synonymsOf(t);
    const own = this.postings.get(t);
    if (synonyms.length === 0) return own?.size ?? 0;
    const holders = new Set<number>(own?.keys() ?? []);
    for (const s of synonyms) for (const ordinal of this.postings.get(s)?.keys() ?? []) holders.add(ordinal);
    return holders.size;
  }

  idf(term: string): number {
    const n = this.entries.size;
    const df = this.postings.get(term)?.size ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }
}

function checkFilterable(clauses: FilterClause[]): void {
  for (const clause of clauses) {
    if (!(FILTERABLE_FIELDS as readonly string[]).includes(clause.field)) throw new Error(`field ${clause.field} is not filterable`);
  }
}

function matchesClause(value: unknown, clause: FilterClause): boolean {
  if (!Array.isArray(value)) {
    // The common case, a scalar field, without allocating.
    switch (clause.op) {
      case 'eq':
        return value === clause.value;
      case 'in':
        return clause.values.includes(value as never);
      case 'gte':
        return value !== undefined && (value as number | string) >= clause.value;
      case 'lte':
        return value !== undefined && (value as number | string) <= clause.value;
      case 'exists':
        return value !== undefined;
      case 'not_exists':
        return value === undefined;
    }
  }
  const values = value;
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

/**
 * The filter as one predicate over document ordinals, built once per query. It reads the collection's
 * columns (one array per filterable field): reading fields of thousands of differently shaped documents
 * was most of a filtered query's cost.
 */
function compileFilter(clauses: FilterClause[], columns: Map<string, unknown[]>): (ordinal: number) => boolean {
  const predicates = clauses.map((clause): ((ordinal: number) => boolean) => {
    const column = columns.get(clause.field)!;
    if (clause.op === 'in') {
      const allowed = new Set<unknown>(clause.values);
      return (ordinal) => {
        const value = column[ordinal];
        return Array.isArray(value) ? value.some((v) => allowed.has(v)) : allowed.has(value);
      };
    }
    return (ordinal) => matchesClause(column[ordinal], clause);
  });
  if (predicates.length === 0) return () => true;
  if (predicates.length === 1) return predicates[0]!;
  return (ordinal) => {
    for (const predicate of predicates) if (!predicate(ordinal)) return false;
    return true;
  };
}

/**
 * The first `k` items of `items` in `compare` order, sorted: a bounded insertion instead of sorting every
 * match when a page shows twenty of thousands. Same order as a full stable sort for the items returned.
 */
export function firstInOrder<T>(items: T[], k: number, compare: (a: T, b: T) => number): T[] {
  if (k <= 0) return [];
  if (k * 4 >= items.length) return [...items].sort(compare).slice(0, k);
  const top: T[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1]!) >= 0) continue;
    // Binary search for the insertion point after equal items (keeps a stable order).
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (compare(item, top[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

/**
 * The best `k` of `ordinals` by BM25, then newest, then ordinal: the order the relevance comparator in
 * search() gives, by bounded insertion over plain numbers.
 */
function topOrdinals(ordinals: number[], k: number, bm25: Float64Array, c: Collection): number[] {
  if (k <= 0) return [];
  const published = (o: number) => c.byOrdinal[o]!.doc.publishedAt;
  const before = (a: number, b: number) => {
    const x = bm25[a]!;
    const y = bm25[b]!;
    if (x !== y) return x > y;
    const pa = published(a);
    const pb = published(b);
    return pa !== pb ? pa > pb : a < b;
  };
  const top: number[] = [];
  for (const o of ordinals) {
    if (top.length === k && !before(o, top[k - 1]!)) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (before(o, top[mid]!)) hi = mid;
      else lo = mid + 1;
    }
    top.splice(lo, 0, o);
    if (top.length > k) top.pop();
  }
  return top;
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

  /**
   * `verdicts` remembers the filter's answer per document (0 not asked, 1 passes, 2 fails): the queries of
   * one searchMany call with the same filter share it, so a document is tested once, not once per query.
   */
  function search(name: IndexName, query: SearchQuery, verdicts?: Int8Array): SearchResult {
    const c = collections[name];
    const filter = query.filter ?? [];
    checkFilterable(filter);
    const passes = compileFilter(filter, c.columns);
    const terms = query.q?.trim() ? queryTerms(query.q) : null;
    const avgLength = c.entries.size ? c.totalLength / c.entries.size : 1;

    // publishedAt is copied out of the document: sort comparators run thousands of times per query.
    type Scored = { entry: Entry; bm25: number; publishedAt: number };
    const scored: Scored[] = [];
    let fastPage: Scored[] | null = null;
    let fastTotal = 0;
    if (!terms) {
      for (const entry of c.entries.values()) if (passes(entry.ordinal)) scored.push({ entry, bm25: 0, publishedAt: entry.doc.publishedAt });
    } else {
      // Term at a time: walk each query term's postings once, accumulating into arrays by ordinal; a
      // document is tested against the filter when first met, and one that fails is never scored.
      const size = c.byOrdinal.length;
      const verdict = verdicts && verdicts.length === size ? verdicts : new Int8Array(size);
      const bm25 = new Float64Array(size);
      const touched: number[] = [];
      const lengths = c.lengths;
      const lengthFactor = (K1 * B) / avgLength;
      const base = K1 * (1 - B);
      for (const [term, weight] of terms) {
        const postings = c.postingList(term);
        if (!postings) continue;
        const scale = weight * c.idf(term);
        const visit = (ordinal: number, tf: number) => {
          let v = verdict[ordinal]!;
          if (v === 0) verdict[ordinal] = v = passes(ordinal) ? 1 : 2;
          if (v === 2) return;
          if (bm25[ordinal] === 0) touched.push(ordinal);
          bm25[ordinal] = bm25[ordinal]! + ((scale * tf * (K1 + 1)) / (tf + base + lengthFactor * lengths[ordinal]!) || Number.MIN_VALUE);
        };
        if (postings instanceof Map) {
          for (const [ordinal, tf] of postings) visit(ordinal, tf);
        } else {
          const { ordinals, tfs } = postings;
          for (let i = 0; i < ordinals.length; i++) visit(ordinals[i]!, tfs[i]!);
        }
      }
      if ((query.sort ?? 'relevance') === 'relevance' && !query.facets?.length) {
        // Ranked by relevance without facets (every match query): keep the page's ordinals only, instead of
        // an object per matching document and a sort over them.
        fastPage = topOrdinals(touched, (query.offset ?? 0) + query.limit, bm25, c).map((ordinal) => {
          const entry = c.byOrdinal[ordinal]!;
          return { entry, bm25: bm25[ordinal]!, publishedAt: entry.doc.publishedAt };
        });
        fastTotal = touched.length;
      } else {
        for (const ordinal of touched) {
          const entry = c.byOrdinal[ordinal]!;
          scored.push({ entry, bm25: bm25[ordinal]!, publishedAt: entry.doc.publishedAt });
        }
      }
    }

    const sort = query.sort ?? 'relevance';
    // Plain comparisons: localeCompare in a comparator is the slowest part of a sort.
    const byNewest = (a: Scored, b: Scored) => b.publishedAt - a.publishedAt || a.entry.ordinal - b.entry.ordinal;
    const amount = (x: Scored) => x.entry.doc.amountMinFen;
    const compare = (a: Scored, b: Scored) => {
      if (sort === 'newest') return byNewest(a, b);
      if (sort === 'amount_asc' || sort === 'amount_desc') {
        const [x, y] = [amount(a), amount(b)];
        if (x === undefined || y === undefined) return x === y ? byNewest(a, b) : x === undefined ? 1 : -1;
        return (sort === 'amount_asc' ? x - y : y - x) || byNewest(a, b);
      }
      return b.bm25 - a.bm25 || byNewest(a, b);
    };
    const offset = query.offset ?? 0;
    const page = fastPage ? fastPage.slice(offset) : firstInOrder(scored, offset + query.limit, compare).slice(offset);

    const facets: SearchResult['facets'] = {};
    if (query.facets?.length) {
      // One pass over the matches for every facet: counts[field position × stride + value id].
      const values = c.facetValueNames.length;
      const counts = new Uint32Array(FACET_FIELDS.length * values);
      for (let j = 0; j < scored.length; j++) {
        const codes = scored[j]!.entry.facetCodes;
        for (let i = 0; i < codes.length; i++) {
          const code = codes[i]!;
          counts[((code / FACET_STRIDE) | 0) * values + (code % FACET_STRIDE)]!++;
        }
      }
      for (const field of query.facets) {
        const base = FACET_FIELDS.indexOf(field) * values;
        const named: Record<string, number> = {};
        for (let v = 0; v < values; v++) if (counts[base + v]) named[c.facetValueNames[v]!] = counts[base + v]!;
        facets[field] = named;
      }
    }

    // Coverage, only for the hits shown: the share of the typed words' IDF mass a document holds, a synonym
    // standing in for its word (computing it for every match doubled the cost of a query).
    const typed = terms ? [...terms].filter(([, w]) => w === 1).map(([t]) => ({ term: t, idf: c.idf(t), synonyms: synonymsOf(t) })) : [];
    const typedMass = typed.reduce((sum, t) => sum + t.idf, 0);
    const coverage = (entry: Entry) => {
      if (!terms) return 1;
      if (typedMass <= 0) return 0;
      let covered = 0;
      for (const t of typed) if (entry.termWeights.has(t.term) || t.synonyms.some((s) => entry.termWeights.has(s))) covered += t.idf;
      return covered / typedMass;
    };
    const matchedTerms = (entry: Entry) => (terms ? [...terms.keys()].filter((t) => entry.termWeights.has(t)) : []);
    const hits: SearchHit[] = page.map(({ entry }) => ({
      document: entry.doc,
      score: Math.round(coverage(entry) * 1000) / 1000,
      ...(query.highlight
        ? { highlights: { title: highlight(entry.doc.title, matchedTerms(entry), null), body: highlight(entry.doc.body, matchedTerms(entry), 80) } }
        : {}),
    }));
    return { hits, total: fastPage ? fastTotal : scored.length, facets };
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
      return entry ? entry.doc : null;
    },
    async search(name, query) {
      return search(name, query);
    },
    async searchMany(name, queries) {
      const verdicts = new Map<string, Int8Array>();
      return queries.map((query) => {
        const key = JSON.stringify(query.filter ?? []);
        let shared = verdicts.get(key);
        if (!shared) verdicts.set(key, (shared = new Int8Array(collections[name].byOrdinal.length)));
        return search(name, query, shared);
      });
    },
    async termStats(name, terms) {
      const c = collections[name];
      const documentFrequency = new Map<string, number>();
      for (const term of terms) documentFrequency.set(term, c.documentFrequency(term));
      return { documents: c.entries.size, documentFrequency };
    },
    async allIds(name) {
      return [...collections[name].entries.keys()];
    },
    async clear(name) {
      collections[name] = new Collection();
    },
  };
}
