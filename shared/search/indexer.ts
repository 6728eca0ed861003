/**
 * Keeps the search index in step with the table, from DynamoDB stream records. Each record is only a
 * nudge: the indexer re-reads the listing and indexes its current state (or removes it when it is no
 * longer public). So a replayed or out-of-order record can never put an older version into the index,
 * and processing a batch twice changes nothing.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Db } from '../db/client';
import { getListing } from '../db/listings';
import type { Achievement } from '../domain/achievement';
import type { Need } from '../domain/need';
import { achievementDocument, isSearchable, needDocument } from './documents';
import type { IndexName, SearchIndex } from './search-index';

const KIND_BY_PREFIX = { ACHIEVEMENT: 'achievement', NEED: 'need' } as const;

/** The listing a stream record is about, from its key (`ACHIEVEMENT#ach_…`); null for other entities. */
export function listingOfRecord(record: DynamoDBStreamEvent['Records'][number]): { kind: 'achievement' | 'need'; id: string } | null {
  const pk = record.dynamodb?.Keys?.pk?.S;
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (!pk || !sk) return null;
  const [prefix, id] = pk.split('#', 2) as [string, string | undefined];
  const kind = KIND_BY_PREFIX[prefix as keyof typeof KIND_BY_PREFIX];
  return kind && id && sk === prefix ? { kind, id } : null;
}

export const INDEX_OF = { achievement: 'achievements', need: 'needs' } as const satisfies Record<string, IndexName>;

/** Brings one listing's index entry to its current table state. */
export async function syncListing(db: Db, index: SearchIndex, kind: 'achievement' | 'need', id: string): Promise<'upserted' | 'removed'> {
  const current = await getListing(db, kind, id);
  if (!current || !isSearchable(kind, current.status)) {
    await index.remove(INDEX_OF[kind], [id]);
    return 'removed';
  }
  const document = kind === 'achievement' ? achievementDocument(current as Achievement) : needDocument(current as Need);
  await index.upsert(INDEX_OF[kind], [document]);
  return 'upserted';
}

export function createSearchIndexer(deps: { db: Db; index: SearchIndex; log?: (entry: Record<string, unknown>) => void }) {
  return async function indexStreamBatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
    // One sync per listing per batch: the re-read makes later records of the same listing redundant.
    const done = new Set<string>();
    for (const record of event.Records) {
      const listing = listingOfRecord(record);
      if (!listing) continue;
      const key = `${listing.kind}#${listing.id}`;
      if (done.has(key)) continue;
      try {
        await syncListing(deps.db, deps.index, listing.kind, listing.id);
        done.add(key);
      } catch (error) {
        deps.log?.({ level: 'ERROR', message: 'indexing failed', listing: key, error: String(error) });
        // Lambda retries from the first reported failure, so report it and stop: later records wait their turn.
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' });
        break;
      }
    }
    return { batchItemFailures: failures };
  };
}
