/** Saved searches and notifications. */
import { DeleteCommand, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Notification, SavedSearch } from '../domain/alerts';
import type { Db } from './client';
import { db as call, isConditionalCheckFailed } from './errors';
import { keys, stripStorageAttributes, type ListingKind } from './keys';
import { queryPartitionPage, type PageRequest } from './pages';

export async function insertSavedSearch(db: Db, s: SavedSearch): Promise<void> {
  await call(() =>
    db.doc.send(
      new PutCommand({
        TableName: db.tableName,
        Item: {
          ...keys.savedSearch(s.id),
          gsi1pk: keys.savedSearchesByKind(s.kind),
          gsi1sk: `${s.createdAt}#${s.id}`,
          gsi2pk: keys.savedSearchesOfUser(s.ownerSub),
          gsi2sk: `${s.createdAt}#${s.id}`,
          entity: 'saved_search',
          ...s,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    ),
  );
}

export async function getSavedSearch(db: Db, id: string): Promise<SavedSearch | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.savedSearch(id), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<SavedSearch>(out.Item) : null;
}

export async function deleteSavedSearch(db: Db, id: string, ownerSub: string): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new DeleteCommand({ TableName: db.tableName, Key: keys.savedSearch(id), ConditionExpression: 'ownerSub = :sub', ExpressionAttributeValues: { ':sub': ownerSub } }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

async function queryAll(db: Db, index: 'gsi1' | 'gsi2', partition: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await call(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName,
          IndexName: index,
          KeyConditionExpression: `${index}pk = :p`,
          ExpressionAttributeValues: { ':p': partition },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      ),
    );
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Every saved search watching one hall (the alert handler checks each against a new listing). */
export async function savedSearchesWatching(db: Db, kind: ListingKind): Promise<SavedSearch[]> {
  return (await queryAll(db, 'gsi1', keys.savedSearchesByKind(kind))).map((i) => stripStorageAttributes<SavedSearch>(i));
}

export async function savedSearchesOf(db: Db, sub: string): Promise<SavedSearch[]> {
  return (await queryAll(db, 'gsi2', keys.savedSearchesOfUser(sub))).map((i) => stripStorageAttributes<SavedSearch>(i)).reverse();
}

/**
 * Writes a notification unless this (listing, recipient) already has one; the recipient is a person
 * (`forSub`) or the whole organisation. Returns whether it was new.
 */
export async function notifyOnce(db: Db, recipient: string, n: Notification, forSub?: string): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: {
            ...keys.notification(recipient, n.listingId, forSub ?? 'ORG'),
            gsi1pk: keys.inbox(recipient),
            gsi1sk: `${n.createdAt}#${n.id}`,
            entity: 'notification',
            ...(forSub ? { forSub } : {}),
            ...n,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function inbox(db: Db, recipient: string, forSub: string, page: PageRequest): Promise<{ items: Notification[]; nextCursor: string | null }> {
  // Saved-search alerts belong to the person who saved the search; match alerts to the whole organisation.
  const result = await queryPartitionPage<Notification & { forSub?: string }>(db, 'gsi1', keys.inbox(recipient), page, {
    filter: { expression: 'attribute_not_exists(forSub) OR forSub = :sub', values: { ':sub': forSub } },
  });
  return { items: result.items.map(({ forSub: _f, ...rest }) => rest), nextCursor: result.nextCursor };
}
