/**
 * Candidate generation for matching: several short queries instead of one. Meilisearch reads only the
 * first 10 words of a query, and a listing says what it is about in several places (the owner's
 * keywords, the title, the problem or summary, the acceptance criteria), so several places get a query
 * of their own strongest terms and the hits are pooled: five queries at most, one engine round trip. No
 * single box the owner filled in can starve the pool: a keyword box holding one industry word or a whole
 * title phrase still leaves the other queries.
 */
import type { QueryTerm } from './relevance';

export const MAX_QUERY_WORDS = 10;

/** The queries, strongest terms first in each, none longer than MAX_QUERY_WORDS words, no two alike. */
export function candidateQueries(query: QueryTerm[]): string[][] {
  const queries: string[][] = [];
  const add = (terms: QueryTerm[]) => {
    const words = terms.slice(0, MAX_QUERY_WORDS).map((t) => t.term);
    if (words.length === 0) return;
    const key = [...words].sort().join(' ');
    if (queries.some((q) => [...q].sort().join(' ') === key)) return;
    queries.push(words);
  };
  // The strongest terms wherever they stand (in practice, the problem statement's content words).
  add(query);
  // Each place the owner wrote on its own: the keyword box, the title, the acceptance criteria.
  for (const field of ['keywords', 'title', 'criteria'] as const) add(query.filter((t) => t.fields.includes(field)));
  // The next strongest ten: terms the first query had no room for.
  add(query.slice(MAX_QUERY_WORDS));
  return queries;
}
