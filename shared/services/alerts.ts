/**
 * Saved searches, the notification inbox, and the alert handler that runs on newly published listings:
 * it notifies whoever saved a search the listing satisfies, and the owners of open counterpart listings
 * it matches above ALERT_THRESHOLD. Idempotent: one notification per (listing, recipient, source).
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import * as repo from '../db/alerts';
import type { Db } from '../db/client';
import { getListing } from '../db/listings';
import { PUBLIC_ACHIEVEMENT_STATUSES, type Achievement } from '../domain/achievement';
import { ALERT_THRESHOLD, type createSavedSearchBody, type Notification, type SavedSearch } from '../domain/alerts';
import { DomainError } from '../domain/errors';
import { PUBLIC_NEED_STATUSES, type Need } from '../domain/need';
import { achievementDocument, needDocument } from '../search/documents';
import { createEmbeddedIndex } from '../search/embedded-index';
import { listingOfRecord } from '../search/indexer';
import type { SearchIndex } from '../search/search-index';
import type * as z from 'zod';
import { requireSignedIn } from './access';
import { matchAchievement, matchNeed } from './matching';
import { searchHall } from './search';

function recipientOf(caller: { orgId: string | null; sub: string }): string {
  return caller.orgId ?? `USER#${caller.sub}`;
}

export async function createSavedSearch(db: Db, principal: Principal | null, body: z.infer<typeof createSavedSearchBody>, now: Date): Promise<SavedSearch> {
  const caller = requireSignedIn(principal);
  const saved: SavedSearch = { ...body, id: `ss_${ulid()}`, ownerSub: caller.sub, ownerOrgId: caller.orgId, createdAt: now.toISOString() };
  await repo.insertSavedSearch(db, saved);
  return saved;
}

export async function listSavedSearches(db: Db, principal: Principal | null): Promise<SavedSearch[]> {
  return repo.savedSearchesOf(db, requireSignedIn(principal).sub);
}

export async function removeSavedSearch(db: Db, principal: Principal | null, id: string): Promise<void> {
  const caller = requireSignedIn(principal);
  const saved = await repo.getSavedSearch(db, id);
  if (!saved || saved.ownerSub !== caller.sub) throw new DomainError('not_found');
  if (!(await repo.deleteSavedSearch(db, id, caller.sub))) throw new DomainError('not_found');
}

export async function notifications(db: Db, principal: Principal | null, page: { limit: number; cursor?: string }) {
  const caller = requireSignedIn(principal);
  return repo.inbox(db, recipientOf(caller), caller.sub, page);
}

/** Does `listing` satisfy the saved search? Evaluated with the embedded engine on that one document. */
async function satisfies(saved: SavedSearch, kind: 'achievement' | 'need', listing: Achievement | Need): Promise<boolean> {
  const single = createEmbeddedIndex();
  const name = kind === 'achievement' ? 'achievements' : 'needs';
  await single.upsert(name, [kind === 'achievement' ? achievementDocument(listing as Achievement) : needDocument(listing as Need)]);
  const page = await searchHall(single, name, kind === 'achievement' ? PUBLIC_ACHIEVEMENT_STATUSES : PUBLIC_NEED_STATUSES, { ...saved.query, limit: 1 });
  return page.total > 0;
}

async function alertFor(deps: { db: Db; index: SearchIndex; now: () => Date }, kind: 'achievement' | 'need', id: string): Promise<number> {
  const listing = await getListing(deps.db, kind, id);
  // Only a listing that is (still) published alerts anyone.
  if (!listing || listing.status !== 'published') return 0;
  const now = deps.now();
  let sent = 0;
  const base = { listingKind: kind, listingId: listing.id, listingTitle: listing.title, createdAt: now.toISOString() } as const;

  for (const saved of await repo.savedSearchesWatching(deps.db, kind)) {
    if (saved.ownerOrgId === listing.ownerOrgId) continue;
    if (!(await satisfies(saved, kind, listing))) continue;
    const note: Notification = {
      ...base,
      id: `note_${ulid()}`,
      type: 'saved_search_match',
      savedSearchId: saved.id,
      reasonZh: `符合您订阅的「${saved.name}」`,
      reasonEn: `matches your saved search "${saved.name}"`,
    };
    if (await repo.notifyOnce(deps.db, recipientOf({ orgId: saved.ownerOrgId, sub: saved.ownerSub }), note, saved.ownerSub)) sent++;
  }

  const matches = kind === 'achievement' ? await matchAchievement(deps.index, listing as Achievement, 20, now) : await matchNeed(deps.index, listing as Need, 20);
  for (const match of matches.items) {
    if (match.score < ALERT_THRESHOLD) continue;
    const counterpartOrg = String(match.listing.ownerOrgId);
    const note: Notification = {
      ...base,
      id: `note_${ulid()}`,
      type: 'counterpart_match',
      matchedListingId: String(match.listing.id),
      score: match.score,
      reasonZh: `与您发布的「${String(match.listing.title)}」匹配（${Math.round(match.score * 100)} 分）：${match.explanation.summaryZh}`,
      reasonEn: `matches your listing "${String(match.listing.title)}" (${Math.round(match.score * 100)}/100): ${match.explanation.summaryEn}`,
    };
    if (await repo.notifyOnce(deps.db, counterpartOrg, note)) sent++;
  }
  return sent;
}

/** The match-alerts stream handler (Lambda and local pump alike). */
export function createMatchAlertHandler(deps: { db: Db; index: SearchIndex; now?: () => Date; log?: (entry: Record<string, unknown>) => void }) {
  const now = deps.now ?? (() => new Date());
  return async function alertStreamBatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const listing = listingOfRecord(record);
      if (!listing) continue;
      // Only the moment of publication: the new image says published and the old one did not.
      const newStatus = record.dynamodb?.NewImage?.status?.S;
      const oldStatus = record.dynamodb?.OldImage?.status?.S;
      if (newStatus !== 'published' || oldStatus === 'published') continue;
      try {
        await alertFor({ db: deps.db, index: deps.index, now }, listing.kind, listing.id);
      } catch (error) {
        deps.log?.({ level: 'ERROR', message: 'match alert failed', listing: listing.id, error: String(error) });
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' });
        break;
      }
    }
    return { batchItemFailures: failures };
  };
}
