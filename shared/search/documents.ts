/**
 * Listings → search documents: public fields only, flattened for filters and facets. The one place that
 * decides what the index (and so every search response) may contain.
 */
import { achievementPublicSchema, priceFloorFen, type Achievement } from '../domain/achievement';
import { industryGroupOf, type Industry } from '../domain/industries';
import { PUBLIC_ACHIEVEMENT_STATUSES } from '../domain/achievement';
import { needPublicSchema, PUBLIC_NEED_STATUSES, type Need } from '../domain/need';
import { storedTerms } from './listing-terms';
import type { SearchDocument } from './search-index';

export function trlBand(trl: number): string {
  if (trl <= 0) return '';
  if (trl <= 4) return 'lab';
  if (trl <= 7) return 'pilot';
  return 'industrial';
}

export function isSearchable(kind: 'achievement' | 'need', status: string): boolean {
  return (kind === 'achievement' ? (PUBLIC_ACHIEVEMENT_STATUSES as readonly string[]) : (PUBLIC_NEED_STATUSES as readonly string[])).includes(status);
}

/** The text fields matching reads, segmented once here (see listing-terms.ts). */
function withTerms(document: SearchDocument): SearchDocument {
  return { ...document, terms: storedTerms(document) };
}

export function achievementDocument(a: Achievement): SearchDocument {
  const floor = priceFloorFen(a.price);
  const ceiling = a.price.kind === 'fixed' ? a.price.amountFen : a.price.kind === 'range' ? a.price.maxFen : undefined;
  return withTerms({
    id: a.id,
    kind: 'achievement',
    status: a.status,
    version: a.version,
    title: a.title,
    body: a.summary,
    criteria: '',
    keywords: a.keywords,
    industry: a.industry,
    industryGroup: industryGroupOf(a.industry as Industry),
    trl: a.trl,
    trlBand: trlBand(a.trl),
    modes: a.transferModes,
    district: a.ownerDistrict ?? '',
    ownerOrgId: a.ownerOrgId,
    ownerOrgName: a.ownerOrgName,
    ...(floor !== undefined ? { amountMinFen: floor } : {}),
    ...(ceiling !== undefined ? { amountMaxFen: ceiling } : {}),
    negotiable: a.price.kind === 'negotiable',
    challenge: false,
    publishedAt: Date.parse(a.publishedAt ?? a.createdAt),
    // Parsing through the public schema strips every field that is not public.
    view: achievementPublicSchema.parse(a) as Record<string, unknown>,
  });
}

export function needDocument(n: Need): SearchDocument {
  return withTerms({
    id: n.id,
    kind: 'need',
    status: n.status,
    version: n.version,
    title: n.title,
    body: n.problem,
    criteria: n.acceptanceCriteria.join('；'),
    keywords: n.keywords,
    industry: n.industry,
    industryGroup: industryGroupOf(n.industry as Industry),
    trl: n.minTrl ?? 0,
    trlBand: trlBand(n.minTrl ?? 0),
    modes: n.cooperationModes,
    district: n.ownerDistrict ?? '',
    ownerOrgId: n.ownerOrgId,
    ownerOrgName: n.ownerOrgName,
    ...(n.budget.kind === 'range' ? { amountMinFen: n.budget.minFen, amountMaxFen: n.budget.maxFen } : {}),
    negotiable: n.budget.kind === 'negotiable',
    challenge: n.challenge !== null,
    ...(n.challenge ? { bountyFen: n.challenge.bountyFen } : {}),
    deadline: n.deadline,
    deadlineDay: Number(n.deadline.replaceAll('-', '')),
    publishedAt: Date.parse(n.publishedAt ?? n.createdAt),
    view: needPublicSchema.parse(n) as Record<string, unknown>,
  });
}
