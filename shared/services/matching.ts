/**
 * Two-way matching: achievements for a need, needs and challenges for an achievement. The listing is
 * reduced to ≤ 10 weighted words; hard constraints (industry compatibility, minimum TRL, price vs budget,
 * deadline) filter; a 0–1 score ranks; every match explains itself. Only the listing's owner and admins
 * may ask: a match list reveals how the owner's confidential listing reads to the engine.
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getListing } from '../db/listings';
import type { Achievement } from '../domain/achievement';
import { priceFloorFen } from '../domain/achievement';
import { DomainError } from '../domain/errors';
import { shanghaiDate } from '../domain/listing-common';
import { compatibleIndustries, explain, industryFit, matchScore, maturityFit, priceFit, type MatchExplanation } from '../domain/matching';
import type { Need } from '../domain/need';
import { queryWords, type WeightedWord } from '../search/query-words';
import { askEngine, type FilterClause, type IndexName, type SearchDocument, type SearchIndex } from '../search/search-index';
import { synonymsOf, tokenize } from '../search/tokenizer';
import { requireSignedIn } from './access';

export interface Match {
  listing: Record<string, unknown>;
  score: number;
  explanation: MatchExplanation;
}

export interface MatchList {
  items: Match[];
  /** The words the listing was reduced to, strongest first. */
  queryWords: WeightedWord[];
}

const CANDIDATES = 40;
const SYNONYM_CREDIT = 0.6;

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
 * The words of a document, cached by id and version (a new version is a new key): segmenting the same
 * candidates again for every match request was most of a match's cost.
 */
const TOKEN_CACHE_SIZE = 5_000;
const tokenCache = new Map<string, Set<string>>();
function documentTokens(doc: SearchDocument): Set<string> {
  const key = `${doc.id}:${doc.version}`;
  const cached = tokenCache.get(key);
  if (cached) return cached;
  const tokens = new Set([...tokenize(`${doc.title} ${doc.body} ${doc.criteria}`), ...doc.keywords.map((k) => k.toLowerCase()), ...doc.keywords.flatMap((k) => tokenize(k))]);
  if (tokenCache.size >= TOKEN_CACHE_SIZE) tokenCache.delete(tokenCache.keys().next().value!);
  tokenCache.set(key, tokens);
  return tokens;
}

/** How much of the weighted query a document covers; synonyms earn part of the credit. */
function textOverlap(words: WeightedWord[], doc: SearchDocument): { value: number; shared: string[] } {
  const tokens = documentTokens(doc);
  let got = 0;
  let total = 0;
  const shared: string[] = [];
  for (const { word, weight } of words) {
    total += weight;
    if (tokens.has(word)) {
      got += weight;
      shared.push(word);
      continue;
    }
    const synonym = synonymsOf(word).find((s) => tokens.has(s));
    if (synonym) {
      got += SYNONYM_CREDIT * weight;
      shared.push(`${word}≈${synonym}`);
    }
  }
  return { value: total > 0 ? got / total : 0, shared };
}

async function rank(
  index: SearchIndex,
  name: IndexName,
  words: WeightedWord[],
  filter: FilterClause[],
  fits: (doc: SearchDocument) => { industry: ReturnType<typeof industryFit>; maturity: ReturnType<typeof maturityFit>; price: ReturnType<typeof priceFit> },
  limit: number,
): Promise<Match[]> {
  if (words.length === 0) return [];
  const result = await askEngine(() => index.search(name, { q: words.map((w) => w.word).join(' '), filter, limit: CANDIDATES }));
  const matches: Match[] = [];
  for (const hit of result.hits) {
    const f = fits(hit.document);
    // Hard constraints the index cannot express as one filter (either side may be 面议).
    if (f.price.value === 0 || f.maturity.value === 0 || f.industry.value === 0) continue;
    const overlap = textOverlap(words, hit.document);
    // Found only through a word outside the chosen ten: nothing a person could recognise as the reason.
    if (overlap.value === 0) continue;
    const text = 0.5 * overlap.value + 0.5 * hit.score;
    matches.push({
      listing: hit.document.view ?? {},
      score: matchScore({ text, industry: f.industry.value, maturity: f.maturity.value, price: f.price.value }),
      explanation: explain(overlap.shared, f.industry, f.maturity, f.price),
    });
  }
  matches.sort((a, b) => b.score - a.score);
  return matches.slice(0, limit);
}

export async function matchesForNeed(db: Db, index: SearchIndex, principal: Principal | null, needId: string, limit: number): Promise<MatchList> {
  const need = await loadOwned(db, principal, 'need', needId);
  return matchNeed(index, need, limit);
}

/** The pure part, also used by the benchmark on the relevance set. */
export async function matchNeed(index: SearchIndex, need: Pick<Need, 'keywords' | 'title' | 'problem' | 'acceptanceCriteria' | 'industry' | 'minTrl' | 'budget' | 'ownerOrgId'>, limit: number): Promise<MatchList> {
  const words = queryWords({ keywords: need.keywords, title: need.title, text: `${need.problem}。${need.acceptanceCriteria.join('；')}` });
  const filter: FilterClause[] = [
    { field: 'status', op: 'eq', value: 'published' },
    { field: 'industry', op: 'in', values: compatibleIndustries(need.industry) },
    ...(need.minTrl ? [{ field: 'trl', op: 'gte', value: need.minTrl } as FilterClause] : []),
  ];
  const budgetMax = need.budget.kind === 'range' ? need.budget.maxFen : undefined;
  const items = await rank(
    index,
    'achievements',
    words,
    filter,
    (doc) => ({
      industry: industryFit(need.industry, doc.industry),
      maturity: maturityFit(doc.trl, need.minTrl ?? null),
      price: priceFit(doc.amountMinFen, budgetMax),
    }),
    limit + 1,
  );
  // An organisation's own listings are not counterparts.
  return { items: items.filter((m) => m.listing.ownerOrgId !== need.ownerOrgId).slice(0, limit), queryWords: words };
}

export async function matchesForAchievement(
  db: Db,
  index: SearchIndex,
  principal: Principal | null,
  achievementId: string,
  limit: number,
  now: Date,
): Promise<MatchList> {
  const achievement = await loadOwned(db, principal, 'achievement', achievementId);
  return matchAchievement(index, achievement, limit, now);
}

export async function matchAchievement(index: SearchIndex, a: Achievement, limit: number, now: Date): Promise<MatchList> {
  const words = queryWords({ keywords: a.keywords, title: a.title, text: a.summary });
  const filter: FilterClause[] = [
    { field: 'status', op: 'eq', value: 'published' },
    { field: 'industry', op: 'in', values: compatibleIndustries(a.industry) },
    // Needs that ask for more maturity than this achievement has are out; so are those past their deadline.
    { field: 'trl', op: 'lte', value: a.trl },
    { field: 'deadlineDay', op: 'gte', value: Number(shanghaiDate(now).replaceAll('-', '')) },
  ];
  const floor = priceFloorFen(a.price);
  const items = await rank(
    index,
    'needs',
    words,
    filter,
    (doc) => ({
      industry: industryFit(a.industry, doc.industry),
      maturity: maturityFit(a.trl, doc.trl || null),
      price: priceFit(floor, doc.negotiable ? undefined : doc.amountMaxFen),
    }),
    limit + 1,
  );
  return { items: items.filter((m) => m.listing.ownerOrgId !== a.ownerOrgId).slice(0, limit), queryWords: words };
}
