/**
 * The single table: one definition for CDK, the local runner and the tests.
 *
 * Access patterns (generic key attributes, ElectroDB style):
 *   pk/sk                 one item by id: ORG#id, ACHIEVEMENT#id, NEED#id, CREDITCODE#code, USER#sub
 *   gsi1 (gsi1pk/gsi1sk)  a list by status, newest first: ACHIEVEMENTS#STATUS#published → <at>#<id>;
 *                         organisations by verification status (the bureau's queue)
 *   gsi2 (gsi2pk/gsi2sk)  an organisation's own listings: ORG#<id>#ACHIEVEMENTS → <createdAt>#<id>
 * `expiresAt` (epoch seconds) is the TTL attribute; only short-lived records set it: idempotency records
 * and rate-limit windows.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const TABLE_DEFINITION = {
  partitionKey: 'pk',
  sortKey: 'sk',
  indexes: {
    gsi1: { partitionKey: 'gsi1pk', sortKey: 'gsi1sk' },
    gsi2: { partitionKey: 'gsi2pk', sortKey: 'gsi2sk' },
  },
  ttlAttribute: 'expiresAt',
  stream: 'NEW_AND_OLD_IMAGES',
} as const;

export type IndexName = keyof typeof TABLE_DEFINITION.indexes;

export const DEFAULT_TABLE_NAME = 'tech-market';

export function createTableInput(tableName: string): CreateTableCommandInput {
  const d = TABLE_DEFINITION;
  const attributes = new Set<string>([d.partitionKey, d.sortKey]);
  for (const index of Object.values(d.indexes)) {
    attributes.add(index.partitionKey);
    attributes.add(index.sortKey);
  }
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map((name) => ({ AttributeName: name, AttributeType: 'S' })),
    KeySchema: [
      { AttributeName: d.partitionKey, KeyType: 'HASH' },
      { AttributeName: d.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: Object.entries(d.indexes).map(([name, index]) => ({
      IndexName: name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'ALL' },
    })),
    StreamSpecification: { StreamEnabled: true, StreamViewType: d.stream },
  };
}
