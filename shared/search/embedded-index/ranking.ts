/**
 * Ranking helpers of the embedded engine: the weighted terms of a query (typed words and their synonyms)
 * and the first page of results in order without sorting every match. Part of the embedded engine
 * (../embedded-index.ts).
 */
import type { Collection } from './collection';
import { synonymsOf, tokenize } from '../tokenizer';

/** A synonym counts for less than the word the person typed. */
const SYNONYM_WEIGHT = 0.6;

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
 * search() (../embedded-index.ts) gives, by bounded insertion over plain numbers.
 */
export function topOrdinals(ordinals: number[], k: number, bm25: Float64Array, c: Collection): number[] {
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
