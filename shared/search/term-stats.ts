/**
 * Corpus statistics for matching, asked of the engine through SearchIndex.termStats and kept a few
 * minutes per process: document frequencies move slowly (a listing or two a day in a city market), and
 * a match asks for a few dozen terms that the next match mostly asks for again. The embedded engine
 * counts in memory at no cost, so it is asked every time and is never stale.
 */
import type { IndexName, SearchIndex } from './search-index';

const TTL_MS = 10 * 60_000;
const MAX_TERMS = 50_000;

interface Cached {
  at: number;
  df: number;
}

interface IndexCache {
  documents: { at: number; value: number } | null;
  terms: Map<string, Cached>;
}

const caches = new WeakMap<SearchIndex, Record<IndexName, IndexCache>>();

function cacheOf(index: SearchIndex, name: IndexName): IndexCache {
  let perIndex = caches.get(index);
  if (!perIndex) caches.set(index, (perIndex = { achievements: { documents: null, terms: new Map() }, needs: { documents: null, terms: new Map() } }));
  return perIndex[name];
}

export interface CorpusStats {
  documents: number;
  df(term: string): number;
  /** Robertson–Spärck Jones IDF, ≥ 0: how telling a term is in this corpus. */
  idf(term: string): number;
}

export function idfOf(documents: number, df: number): number {
  return Math.log(1 + (documents - df + 0.5) / (df + 0.5));
}

/** Statistics for `terms` in one index; what the cache lacks is asked in one call. */
export async function corpusStats(index: SearchIndex, name: IndexName, terms: Iterable<string>, now = Date.now()): Promise<CorpusStats> {
  if (index.engine === 'embedded') {
    const stats = await index.termStats(name, [...new Set(terms)]);
    const df = (t: string) => stats.documentFrequency.get(t) ?? 0;
    return { documents: stats.documents, df, idf: (t) => idfOf(stats.documents, df(t)) };
  }
  const cache = cacheOf(index, name);
  const wanted = [...new Set(terms)];
  const missing = wanted.filter((t) => {
    const hit = cache.terms.get(t);
    return !hit || now - hit.at > TTL_MS;
  });
  const documentsStale = !cache.documents || now - cache.documents.at > TTL_MS;
  if (missing.length > 0 || documentsStale) {
    const stats = await index.termStats(name, missing);
    cache.documents = { at: now, value: stats.documents };
    if (cache.terms.size + missing.length > MAX_TERMS) cache.terms.clear();
    for (const t of missing) cache.terms.set(t, { at: now, df: stats.documentFrequency.get(t) ?? 0 });
  }
  const documents = cache.documents!.value;
  const df = (t: string) => cache.terms.get(t)?.df ?? 0;
  return { documents, df, idf: (t) => idfOf(documents, df(t)) };
}

/** Forgets what was asked (tests that rebuild an index under the same object). */
export function forgetCorpusStats(index: SearchIndex): void {
  caches.delete(index);
}
