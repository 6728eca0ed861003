/**
 * The embedded search engine: the local default and the test engine. In-memory inverted index over
 * jieba tokens with BM25F ranking (field weights from settings.ts), domain synonyms at query time,
 * structured filters, facet counts, sorting and highlighted snippets. Never the source of truth: it is
 * rebuilt from the table on start (see shared/search/reindex.ts).
 *
 * This file is the adapter and its search (scoring, sorting, facets, coverage); the parts are in
 * embedded-index/: collection.ts (documents, postings, columns), filter.ts, ranking.ts (query terms, top
 * of the order) and highlight.ts.
 */
import type { IndexName, SearchHit, SearchIndex, SearchQuery, SearchResult } from './search-index';
import { FACET_FIELDS } from './search-index';
import { synonymsOf } from './tokenizer';
import { Collection, FACET_STRIDE, type Entry } from './embedded-index/collection';
import { checkFilterable, compileFilter } from './embedded-index/filter';
import { highlight } from './embedded-index/highlight';
import { firstInOrder, queryTerms, topOrdinals } from './embedded-index/ranking';

export { firstInOrder, queryTerms } from './embedded-index/ranking';

const K1 = 1.2;
const B = 0.75;

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
