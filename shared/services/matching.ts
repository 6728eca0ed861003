/**
 * Two-way matching: achievements for a need, needs and challenges for an achievement. The listing's
 * public text becomes weighted terms; several short queries gather candidates from the engine; hard
 * constraints (industry compatibility, minimum TRL, price vs budget, deadline) filter; BM25F over each
 * candidate's whole text and the fits make a 0–1 score; every match explains itself. Only the listing's owner and admins
 * may ask: a match list reveals how the owner's confidential listing reads to the engine.
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getListing } from '../db/listings';
import type { Achievement } from '../domain/achievement';
import { priceFloorFen } from '../domain/achievement';
import { DomainError } from '../domain/errors';
import { shanghaiDate } from '../domain/listing-common';
import { compatibleIndustries, explain, industryFit, matchScore, maturityFit, priceFit, type Fit, type MatchExplanation } from '../domain/matching';
import type { Need } from '../domain/need';
import { candidateQueries, MAX_QUERY_WORDS } from '../search/candidate-queries';
import { candidateTerms, sourceTerms, TEXT_FIELDS, type FieldTerms, type ListingText } from '../search/listing-terms';
import { averageLengths, RELEVANCE, scoreCandidate, weighQueryTerms } from '../search/relevance';
import { askEngine, type FilterClause, type IndexName, type SearchDocument, type SearchIndex, type StoredTerms } from '../search/search-index';
import { corpusStats } from '../search/term-stats';
import { requireSignedIn } from './access';

export interface Match {
  listing: Record<string, unknown>;
  score: number;
  explanation: MatchExplanation;
}

export interface MatchList {
  items: Match[];
  /** The listing's ten strongest terms with their weights, strongest first. */
  queryWords: { word: string; weight: number }[];
}

async function loadOwned<K extends 'achievement' | 'need'>(db: Db, principal: Principal | null, kind: K, id: string) {
  const caller = requireSignedIn(principal);
  const listing = (await getListing(db, kind, id)) as (K extends 'achievement' ? Achievement : Need) | null;
  if (!listing) throw new DomainError('not_found');
  if (!caller.isAdmin && caller.orgId !== listing.ownerOrgId) {
    // Don't reveal that someone else's draft exists.
    if (listing.status === 'draft' || listing.status === 'archived' || listing.status === 'closed') throw new DomainError('not_found');
    throw new DomainError('not_owner');
  }
  return listing;
}

/**
 * The listing's terms as its search document stores them, when the index holds this very version (a
 * published listing the indexer has caught up with): then nothing is segmented in this function. Asked
 * at the same time as the table; a failure here is not the request's failure (the engine is asked again
 * right after, and its error is the one that counts).
 */
function indexedTerms(index: SearchIndex, name: IndexName, id: string): Promise<(version: number) => StoredTerms | undefined> {
  return index.get(name, id).then(
    (doc) => (version: number) => (doc && doc.version === version ? doc.terms : undefined),
    () => () => undefined,
  );
}

/** Hits per candidate query; the pool is their union (a few dozen to ~150 listings). */
const CANDIDATES_PER_QUERY = 20;

type Fits = { industry: Fit; maturity: Fit; price: Fit };

interface Counterparts {
  /** The index searched (the counterpart kind) and the source's own index (for boilerplate damping). */
  target: IndexName;
  own: IndexName;
  source: ListingText;
  filter: FilterClause[];
  fits: (doc: SearchDocument) => Fits;
}

/**
 * Source → weighted terms → several candidate queries (one engine round trip) → hard constraints →
 * BM25F over each candidate's full public text → a 0–1 score with its explanation.
 */
async function rankCounterparts(index: SearchIndex, spec: Counterparts, limit: number): Promise<MatchList> {
  const source = sourceTerms(spec.source);
  const vocabulary = new Set(TEXT_FIELDS.flatMap((f) => source[f]));
  const [targetStats, ownStats] = await askEngine(() =>
    Promise.all([corpusStats(index, spec.target, vocabulary), corpusStats(index, spec.own, vocabulary)]),
  );
  const query = weighQueryTerms(source, targetStats, ownStats);
  const queries = candidateQueries(query);
  const shown = query.slice(0, MAX_QUERY_WORDS).map((q) => ({ word: q.term, weight: Math.round(q.weight * 100) / 100 }));
  if (queries.length === 0) return { items: [], queryWords: shown };
  const results = await askEngine(() =>
    index.searchMany(spec.target, queries.map((words) => ({ q: words.join(' '), filter: spec.filter, limit: CANDIDATES_PER_QUERY }))),
  );

  const pool = new Map<string, { doc: SearchDocument; fits: Fits; terms: FieldTerms }>();
  for (const result of results) {
    for (const { document: doc } of result.hits) {
      if (pool.has(doc.id)) continue;
      const fits = spec.fits(doc);
      // Hard constraints the index cannot express as one filter (either side may be 面议).
      if (fits.price.value === 0 || fits.maturity.value === 0 || fits.industry.value === 0) continue;
      pool.set(doc.id, { doc, fits, terms: candidateTerms(doc) });
    }
  }
  const candidates = [...pool.values()];
  const avg = averageLengths(candidates);
  const scored = candidates.map((c) => ({ ...c, text: scoreCandidate(query, c, avg) }));
  const matches: Match[] = [];
  for (const c of scored) {
    const text = c.text;
    // Found only through a word the reranker does not hold: nothing a person could recognise as the reason.
    if (text.shared.length === 0) continue;
    matches.push({
      listing: c.doc.view ?? {},
      score: matchScore({ text: 1 - Math.exp(-RELEVANCE.textGain * text.normalised), industry: c.fits.industry.value, maturity: c.fits.maturity.value, price: c.fits.price.value }),
      explanation: explain(text.shared.slice(0, 8), c.fits.industry, c.fits.maturity, c.fits.price),
    });
  }
  matches.sort((a, b) => b.score - a.score || String(a.listing.id).localeCompare(String(b.listing.id)));
  return { items: matches.slice(0, limit), queryWords: shown };
}

export async function matchesForNeed(db: Db, index: SearchIndex, principal: Principal | null, needId: string, limit: number): Promise<MatchList> {
  const stored = indexedTerms(index, 'needs', needId);
  const need = await loadOwned(db, principal, 'need', needId);
  return matchNeed(index, need, limit, (await stored)(need.version));
}

/** The pure part, also what the benchmark measures on the relevance set. */
export async function matchNeed(
  index: SearchIndex,
  need: Pick<Need, 'keywords' | 'title' | 'problem' | 'acceptanceCriteria' | 'industry' | 'minTrl' | 'budget' | 'ownerOrgId'>,
  limit: number,
  terms?: StoredTerms,
): Promise<MatchList> {
  const budgetMax = need.budget.kind === 'range' ? need.budget.maxFen : undefined;
  const list = await rankCounterparts(
    index,
    {
      target: 'achievements',
      own: 'needs',
      source: { title: need.title, body: need.problem, criteria: need.acceptanceCriteria.join('；'), keywords: need.keywords, ...(terms ? { terms } : {}) },
      filter: [
        { field: 'status', op: 'eq', value: 'published' },
        { field: 'industry', op: 'in', values: compatibleIndustries(need.industry) },
        ...(need.minTrl ? [{ field: 'trl', op: 'gte', value: need.minTrl } as FilterClause] : []),
      ],
      fits: (doc) => ({
        industry: industryFit(need.industry, doc.industry),
        maturity: maturityFit(doc.trl, need.minTrl ?? null),
        price: priceFit(doc.amountMinFen, budgetMax),
      }),
    },
    limit + 1,
  );
  // An organisation's own listings are not counterparts.
  return { items: list.items.filter((m) => m.listing.ownerOrgId !== need.ownerOrgId).slice(0, limit), queryWords: list.queryWords };
}

export async function matchesForAchievement(
  db: Db,
  index: SearchIndex,
  principal: Principal | null,
  achievementId: string,
  limit: number,
  now: Date,
): Promise<MatchList> {
  const stored = indexedTerms(index, 'achievements', achievementId);
  const achievement = await loadOwned(db, principal, 'achievement', achievementId);
  return matchAchievement(index, achievement, limit, now, (await stored)(achievement.version));
}

export async function matchAchievement(
  index: SearchIndex,
  a: Pick<Achievement, 'keywords' | 'title' | 'summary' | 'industry' | 'trl' | 'price' | 'ownerOrgId'>,
  limit: number,
  now: Date,
  terms?: StoredTerms,
): Promise<MatchList> {
  const floor = priceFloorFen(a.price);
  const list = await rankCounterparts(
    index,
    {
      target: 'needs',
      own: 'achievements',
      source: { title: a.title, body: a.summary, criteria: '', keywords: a.keywords, ...(terms ? { terms } : {}) },
      filter: [
        { field: 'status', op: 'eq', value: 'published' },
        { field: 'industry', op: 'in', values: compatibleIndustries(a.industry) },
        // Needs that ask for more maturity than this achievement has are out; so are those past their deadline.
        { field: 'trl', op: 'lte', value: a.trl },
        { field: 'deadlineDay', op: 'gte', value: Number(shanghaiDate(now).replaceAll('-', '')) },
      ],
      fits: (doc) => ({
        industry: industryFit(a.industry, doc.industry),
        maturity: maturityFit(a.trl, doc.trl || null),
        price: priceFit(floor, doc.negotiable ? undefined : doc.amountMaxFen),
      }),
    },
    limit + 1,
  );
  return { items: list.items.filter((m) => m.listing.ownerOrgId !== a.ownerOrgId).slice(0, limit), queryWords: list.queryWords };
}
