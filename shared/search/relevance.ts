/**
 * The in-process half of matching, the same whichever engine found the candidates: the source listing
 * becomes weighted query terms, and candidates are scored by BM25F over their full public text.
 *
 * Term weights come from the corpora themselves, not from a list: a term is worth its IDF in the index
 * being searched, damped by how widespread it is among the source's own kind (every need says 车间 or
 * 想; every achievement says 验证 or 研究), so boilerplate of either side weighs little.
 */
import { relatedOf, synonymsOf } from './tokenizer';
import { fieldCount, TEXT_FIELDS, type FieldTerms, type TextField } from './listing-terms';
import type { CorpusStats } from './term-stats';

export interface RelevanceParams {
  /** How much a query term weighs by the field of the source it came from. */
  sourceFieldWeights: Record<TextField, number>;
  /** BM25F field weights on the candidate side. */
  fieldWeights: Record<TextField, number>;
  /** BM25F length normalisation per field. */
  fieldB: Record<TextField, number>;
  k1: number;
  /** A synonym of a query term found in a candidate counts this much of the term itself. */
  synonymCredit: number;
  /** A problem ↔ remedy word (related-terms.ts) counts this much, when neither the term nor a synonym is there. */
  relatedCredit: number;
  /** Source-corpus damping: spread s = df/N in the source's own index; weight × (1 − s)^damping. */
  sourceDamping: number;
  /** Text share of the final score: 1 − exp(−textGain × normalised BM25F). */
  textGain: number;
}

export const RELEVANCE: RelevanceParams = {
  sourceFieldWeights: { title: 2, keywords: 2, body: 1, criteria: 0.7 },
  fieldWeights: { title: 3, keywords: 2, body: 1, criteria: 1 },
  fieldB: { title: 0.5, keywords: 0.3, body: 0.75, criteria: 0.75 },
  k1: 1.2,
  synonymCredit: 0.6,
  relatedCredit: 0.4,
  sourceDamping: 2,
  textGain: 3,
};

export interface QueryTerm {
  term: string;
  weight: number;
  /** Where in the source the term appears. */
  fields: TextField[];
}

/**
 * The source's terms with their weights: occurrences by field (saturating: the fifth mention says less
 * than the first), × IDF in the target corpus, × how rare the term is among the source's own kind. Terms
 * no target document holds (nor a synonym of them) cannot match and are left out.
 */
export function weighQueryTerms(
  source: Record<TextField, string[]>,
  target: CorpusStats,
  own: CorpusStats,
  params: RelevanceParams = RELEVANCE,
): QueryTerm[] {
  const occurrences = new Map<string, { tf: number; fields: Set<TextField> }>();
  for (const field of TEXT_FIELDS) {
    for (const term of source[field]) {
      let o = occurrences.get(term);
      if (!o) occurrences.set(term, (o = { tf: 0, fields: new Set() }));
      o.tf += params.sourceFieldWeights[field];
      o.fields.add(field);
    }
  }
  const out: QueryTerm[] = [];
  for (const [term, { tf, fields }] of occurrences) {
    if (target.df(term) === 0) continue;
    const spread = own.documents > 0 ? Math.min(1, own.df(term) / own.documents) : 0;
    const weight = (tf / (tf + 1)) * target.idf(term) * (1 - spread) ** params.sourceDamping;
    if (weight > 0) out.push({ term, weight, fields: [...fields] });
  }
  return out.sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : 1));
}

export interface Scored {
  /** Σ weight × saturated field-weighted frequency, over query terms. */
  raw: number;
  /** raw / Σ weight: 0 (nothing shared) to 1 (every term, saturated). */
  normalised: number;
  /** Query terms the candidate holds, strongest contribution first; "a≈b" where only a synonym b is held, "a→b" where only a related word b is. */
  shared: string[];
}

export interface CandidateText {
  terms: FieldTerms;
}

/** Average field lengths over the candidates, for BM25's length normalisation. */
export function averageLengths(candidates: CandidateText[]): Record<TextField, number> {
  const sums: Record<TextField, number> = { title: 0, keywords: 0, body: 0, criteria: 0 };
  for (const c of candidates) for (const f of TEXT_FIELDS) sums[f] += c.terms.length[f];
  const n = Math.max(1, candidates.length);
  return { title: sums.title / n || 1, keywords: sums.keywords / n || 1, body: sums.body / n || 1, criteria: sums.criteria / n || 1 };
}

/** BM25F: field-weighted, length-normalised frequency, saturated once per term. */
export function scoreCandidate(query: QueryTerm[], candidate: CandidateText, avg: Record<TextField, number>, params: RelevanceParams = RELEVANCE): Scored {
  const { byTerm, length } = candidate.terms;
  const norm = TEXT_FIELDS.map((f) => params.fieldWeights[f] / (1 - params.fieldB[f] + (params.fieldB[f] * length[f]) / avg[f]));
  const frequency = (term: string) => {
    const packed = byTerm.get(term);
    if (packed === undefined) return 0;
    let x = 0;
    for (let i = 0; i < 4; i++) x += fieldCount(packed, i) * norm[i]!;
    return x;
  };
  let raw = 0;
  let total = 0;
  const contributions: { label: string; value: number }[] = [];
  for (const q of query) {
    total += q.weight;
    let x = frequency(q.term);
    let label = q.term;
    if (x === 0) {
      for (const s of synonymsOf(q.term)) {
        const y = frequency(s) * params.synonymCredit;
        if (y > x) {
          x = y;
          label = `${q.term}≈${s}`;
        }
      }
    }
    if (x === 0 && params.relatedCredit > 0) {
      for (const r of relatedOf(q.term)) {
        const y = frequency(r) * params.relatedCredit;
        if (y > x) {
          x = y;
          label = `${q.term}→${r}`;
        }
      }
    }
    if (x === 0) continue;
    const value = (q.weight * x * (params.k1 + 1)) / (x + params.k1);
    raw += value;
    contributions.push({ label, value });
  }
  contributions.sort((a, b) => b.value - a.value);
  return { raw, normalised: total > 0 ? raw / ((params.k1 + 1) * total) : 0, shared: contributions.map((c) => c.label) };
}
