/** Interests and proposals, with the lock that keeps one open interest per listing and sender. */
import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Achievement } from '../domain/achievement';
import { DomainError } from '../domain/errors';
import type { Interest } from '../domain/interest';
import type { Need } from '../domain/need';
import type { Db } from './client';
import { cancellationReasons, db as call, isTransactionConflict } from './errors';
import { keys, stripStorageAttributes } from './keys';
import { listingItem } from './listings';
import { queryPartitionPage, type PageRequest } from './pages';

function interestItem(i: Interest) {
  return {
    ...keys.interest(i.id),
    gsi1pk: keys.interestsReceived(i.listingOwnerOrgId),
    gsi1sk: `${i.createdAt}#${i.id}`,
    gsi2pk: keys.interestsSent(i.senderOrgId),
    gsi2sk: `${i.createdAt}#${i.id}`,
    entity: 'interest',
    ...i,
  };
}

export async function getInterest(db: Db, id: string): Promise<Interest | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.interest(id), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<Interest>(out.Item) : null;
}

/** Records a new interest, if the sender has no open one on this listing and the listing is still open. */
export async function insertInterest(db: Db, interest: Interest, listingPk: { pk: string; sk: string }, openStatuses: readonly string[]): Promise<void> {
  try {
    await call(() =>
      db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: db.tableName, Item: interestItem(interest), ConditionExpression: 'attribute_not_exists(pk)' } },
            {
              Put: {
                TableName: db.tableName,
                Item: { ...keys.interestLock(interest.listingId, interest.senderOrgId), entity: 'interest_lock', interestId: interest.id },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              ConditionCheck: {
                TableName: db.tableName,
                Key: listingPk,
                ConditionExpression: `#status IN (${openStatuses.map((_, i) => `:s${i}`).join(', ')})`,
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: Object.fromEntries(openStatuses.map((s, i) => [`:s${i}`, s])),
              },
            },
          ],
        }),
      ),
    );
  } catch (error) {
    if (isTransactionConflict(error)) throw new DomainError('version_conflict', [], { cause: error });
    const reasons = cancellationReasons(error);
    if (reasons?.[1] === 'ConditionalCheckFailed') throw new DomainError('interest_already_open');
    if (reasons?.[2] === 'ConditionalCheckFailed') throw new DomainError('listing_not_open');
    throw error;
  }
}

/**
 * Writes a decision. Accepting may move the listing into negotiation in the same transaction; declining
 * or withdrawing releases the sender's lock so they may try again later.
 */
export async function saveDecision(
  db: Db,
  decided: Interest,
  expectedVersion: number,
  listing: { kind: 'achievement' | 'need'; next: Achievement | Need; expectedVersion: number } | { check: { pk: string; sk: string }; statuses: readonly string[] } | null,
): Promise<void> {
  const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
    {
      Put: {
        TableName: db.tableName,
        Item: interestItem(decided),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    },
  ];
  if (decided.status === 'declined' || decided.status === 'withdrawn') {
    items.push({ Delete: { TableName: db.tableName, Key: keys.interestLock(decided.listingId, decided.senderOrgId) } });
  }
  if (listing && 'next' in listing) {
    items.push({
      Put: {
        TableName: db.tableName,
        Item: listingItem(listing.kind, listing.next),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': listing.expectedVersion },
      },
    });
  } else if (listing) {
    items.push({
      ConditionCheck: {
        TableName: db.tableName,
        Key: listing.check,
        ConditionExpression: `#status IN (${listing.statuses.map((_, i) => `:s${i}`).join(', ')})`,
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: Object.fromEntries(listing.statuses.map((s, i) => [`:s${i}`, s])),
      },
    });
  }
  try {
    await call(() => db.doc.send(new TransactWriteCommand({ TransactItems: items })));
  } catch (error) {
    if (isTransactionConflict(error)) throw new DomainError('version_conflict', [], { cause: error });
    const reasons = cancellationReasons(error);
    if (reasons?.[0] === 'ConditionalCheckFailed') throw new DomainError('version_conflict');
    if (reasons?.some((r) => r === 'ConditionalCheckFailed')) throw new DomainError('listing_not_open');
    throw error;
  }
}

export async function listInterests(
  db: Db,
  box: 'received' | 'sent',
  orgId: string,
  page: PageRequest,
): Promise<{ items: Interest[]; nextCursor: string | null }> {
  return box === 'received'
    ? queryPartitionPage<Interest>(db, 'gsi1', keys.interestsReceived(orgId), page)
    : queryPartitionPage<Interest>(db, 'gsi2', keys.interestsSent(orgId), page);
}
