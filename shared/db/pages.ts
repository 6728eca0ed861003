/**
 * One page of one index partition, newest first, with an opaque cursor bound to that partition: the
 * access pattern behind every "list of my …" in the marketplace.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import { decodeCursor, encodeCursor } from './cursor';
import { db as call } from './errors';
import { stripStorageAttributes } from './keys';
import type { IndexName } from './table';

export interface PageRequest {
  limit: number;
  cursor?: string;
}

export async function queryPartitionPage<T>(
  db: Db,
  index: IndexName,
  partition: string,
  page: PageRequest,
  options: { newestFirst?: boolean; filter?: { expression: string; values: Record<string, unknown> } } = {},
): Promise<{ items: T[]; nextCursor: string | null }> {
  const pkAttr = `${index}pk`;
  const skAttr = `${index}sk`;
  const start = page.cursor
    ? decodeCursor(page.cursor, { keyAttributes: ['pk', 'sk', pkAttr, skAttr], partitionAttribute: pkAttr, partitionValue: partition })
    : undefined;
  const out = await call(() =>
    db.doc.send(
      new QueryCommand({
        TableName: db.tableName,
        IndexName: index,
        KeyConditionExpression: `${pkAttr} = :partition`,
        ExpressionAttributeValues: { ':partition': partition, ...(options.filter?.values ?? {}) },
        ...(options.filter ? { FilterExpression: options.filter.expression } : {}),
        ScanIndexForward: !(options.newestFirst ?? true),
        Limit: page.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    ),
  );
  const last = out.LastEvaluatedKey as Record<string, string> | undefined;
  return { items: (out.Items ?? []).map((i) => stripStorageAttributes<T>(i)), nextCursor: last ? encodeCursor(last) : null };
}
