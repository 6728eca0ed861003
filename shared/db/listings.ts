/**
 * Achievements and needs share one storage shape: an item by id, a status partition for the public
 * halls (newest first), and a per-organisation partition for the owner's workspace.
 */
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Achievement } from '../domain/achievement';
import { priceFloorFen } from '../domain/achievement';
import { DomainError } from '../domain/errors';
import type { Need } from '../domain/need';
import type { Db } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { cancellationReasons, db as call, isConditionalCheckFailed, isTransactionConflict } from './errors';
import { keys, stripStorageAttributes, type ListingKind } from './keys';

type RecordOf<K extends ListingKind> = K extends 'achievement' ? Achievement : Need;

export function listingItem(kind: ListingKind, record: Achievement | Need) {
  const derived =
    kind === 'achievement'
      ? { priceFloorFen: priceFloorFen((record as Achievement).price) }
      : {
          budgetMaxFen: (record as Need).budget.kind === 'range' ? ((record as Need).budget as { maxFen: number }).maxFen : undefined,
          isChallenge: (record as Need).challenge !== null,
        };
  return {
    ...keys.listing(kind, record.id),
    gsi1pk: keys.listingsByStatus(kind, record.status),
    gsi1sk: `${record.publishedAt ?? record.createdAt}#${record.id}`,
    gsi2pk: keys.listingsOfOrg(kind, record.ownerOrgId),
    gsi2sk: `${record.createdAt}#${record.id}`,
    entity: kind,
    ...record,
    ...derived,
  };
}

export async function getListing<K extends ListingKind>(db: Db, kind: K, id: string): Promise<RecordOf<K> | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.listing(kind, id), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<RecordOf<K>>(out.Item) : null;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * After a conditional write fails: was it our own write, retried by the SDK after a lost response? Then
 * the stored listing is exactly the one we wrote, and the write did happen.
 */
async function alreadyWritten(db: Db, kind: ListingKind, record: Achievement | Need): Promise<boolean> {
  const stored = await getListing(db, kind, record.id);
  return stored !== null && stableJson(stored) === stableJson(record);
}

export async function insertListing(db: Db, kind: ListingKind, record: Achievement | Need): Promise<void> {
  try {
    await call(() =>
      db.doc.send(new PutCommand({ TableName: db.tableName, Item: listingItem(kind, record), ConditionExpression: 'attribute_not_exists(pk)' })),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error) && (await alreadyWritten(db, kind, record))) return;
    throw error;
  }
}

/**
 * Writes the new state of a listing if it is still at `expectedVersion`. With `requireVerifiedOrg`, the
 * write happens in one transaction with a check that the organisation is (still) verified, so a
 * verification withdrawn a moment earlier cannot be raced.
 */
export async function replaceListing(
  db: Db,
  kind: ListingKind,
  record: Achievement | Need,
  expectedVersion: number,
  options: { requireVerifiedOrg?: string } = {},
): Promise<void> {
  const put = {
    TableName: db.tableName,
    Item: listingItem(kind, record),
    ConditionExpression: 'attribute_exists(pk) AND version = :expected',
    ExpressionAttributeValues: { ':expected': expectedVersion },
  };
  try {
    if (options.requireVerifiedOrg) {
      await call(() =>
        db.doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                ConditionCheck: {
                  TableName: db.tableName,
                  Key: keys.organisation(options.requireVerifiedOrg!),
                  ConditionExpression: 'verification.#status = :verified',
                  ExpressionAttributeNames: { '#status': 'status' },
                  ExpressionAttributeValues: { ':verified': 'verified' },
                },
              },
              { Put: put },
            ],
          }),
        ),
      );
    } else {
      await call(() => db.doc.send(new PutCommand(put)));
    }
  } catch (error) {
    if (isTransactionConflict(error)) throw new DomainError('version_conflict', [], { cause: error });
    const reasons = cancellationReasons(error);
    if ((reasons?.[1] === 'ConditionalCheckFailed' || isConditionalCheckFailed(error)) && (await alreadyWritten(db, kind, record))) return;
    if (reasons?.[0] === 'ConditionalCheckFailed') throw new DomainError('organisation_not_verified');
    if (reasons?.[1] === 'ConditionalCheckFailed' || isConditionalCheckFailed(error)) throw new DomainError('version_conflict');
    throw error;
  }
}

export interface ListingFilter {
  industry?: string;
  trlMin?: number;
  mode?: string;
  priceMaxFen?: number;
  challenge?: boolean;
  budgetMinFen?: number;
  /** Only with an `ownerOrgId` scope: a status scope is its own partition. */
  statuses?: readonly string[];
}

export interface ListingQuery {
  /** Either the public hall of one status, or one organisation's own listings. */
  scope: { status: string } | { ownerOrgId: string };
  filter: ListingFilter;
  limit: number;
  cursor?: string;
}

const MAX_QUERY_ROUNDS = 10;

/**
 * One page of listings, newest first. Filters are applied by DynamoDB after reading, so a page is filled
 * by reading on (bounded) until `limit` matches are found; the cursor is the key of the last item
 * returned, so nothing is skipped between pages.
 */
export async function queryListings<K extends ListingKind>(
  db: Db,
  kind: K,
  query: ListingQuery,
): Promise<{ items: RecordOf<K>[]; nextCursor: string | null }> {
  const [index, partitionAttribute, sortAttribute, partitionValue] =
    'status' in query.scope
      ? (['gsi1', 'gsi1pk', 'gsi1sk', keys.listingsByStatus(kind, query.scope.status)] as const)
      : (['gsi2', 'gsi2pk', 'gsi2sk', keys.listingsOfOrg(kind, query.scope.ownerOrgId)] as const);
  const keyAttributes = ['pk', 'sk', partitionAttribute, sortAttribute];
  let start: Record<string, string> | undefined = query.cursor
    ? decodeCursor(query.cursor, { keyAttributes, partitionAttribute, partitionValue })
    : undefined;

  const { expression, names, values } = filterExpression(kind, query.filter);
  const found: Record<string, unknown>[] = [];
  const send = async (input: ConstructorParameters<typeof QueryCommand>[0]) => {
    try {
      return await call(() => db.doc.send(new QueryCommand(input)));
    } catch (error) {
      // A start key DynamoDB cannot place (well-formed but not a real key of this index) is a bad cursor.
      if (input.ExclusiveStartKey && error instanceof Error && error.name === 'ValidationException') throw new DomainError('invalid_cursor');
      throw error;
    }
  };
  let exhausted = false;
  for (let round = 0; round < MAX_QUERY_ROUNDS && found.length < query.limit; round++) {
    const out = await send({
          TableName: db.tableName,
          IndexName: index,
          KeyConditionExpression: `${partitionAttribute} = :partition`,
          ExpressionAttributeValues: { ':partition': partitionValue, ...values },
          ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
          ...(expression ? { FilterExpression: expression } : {}),
          ScanIndexForward: false,
          Limit: expression ? Math.max(query.limit * 3, 60) : query.limit + 1,
          ...(start ? { ExclusiveStartKey: start } : {}),
    });
    found.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey as Record<string, string> | undefined;
    if (!start) {
      exhausted = true;
      break;
    }
  }
  const page = found.slice(0, query.limit);
  const more = found.length > query.limit || !exhausted;
  const last = page.at(-1);
  const nextCursor =
    more && (last || start)
      ? encodeCursor(
          last
            ? Object.fromEntries(keyAttributes.map((a) => [a, String(last[a])]))
            : (start as Record<string, string>),
        )
      : null;
  return { items: page.map((i) => stripStorageAttributes<RecordOf<K>>(i)), nextCursor };
}

function filterExpression(kind: ListingKind, f: ListingFilter) {
  const parts: string[] = [];
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  if (f.industry !== undefined) {
    parts.push('industry = :industry');
    values[':industry'] = f.industry;
  }
  if (f.trlMin !== undefined) {
    parts.push('trl >= :trlMin');
    values[':trlMin'] = f.trlMin;
  }
  if (f.mode !== undefined) {
    parts.push(kind === 'achievement' ? 'contains(transferModes, :mode)' : 'contains(cooperationModes, :mode)');
    values[':mode'] = f.mode;
  }
  if (f.priceMaxFen !== undefined) {
    parts.push('priceFloorFen <= :priceMax');
    values[':priceMax'] = f.priceMaxFen;
  }
  if (f.challenge !== undefined) {
    parts.push('isChallenge = :challenge');
    values[':challenge'] = f.challenge;
  }
  if (f.budgetMinFen !== undefined) {
    parts.push('budgetMaxFen >= :budgetMin');
    values[':budgetMin'] = f.budgetMinFen;
  }
  if (f.statuses !== undefined) {
    const placeholders = f.statuses.map((status, i) => {
      values[`:status${i}`] = status;
      return `:status${i}`;
    });
    parts.push(`#status IN (${placeholders.join(', ')})`);
    names['#status'] = 'status';
  }
  return { expression: parts.join(' AND '), names, values };
}
