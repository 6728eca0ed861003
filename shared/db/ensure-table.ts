/** Creates the table from its one definition if it does not exist yet, and waits until it is active. */
import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Db } from './client';
import { createTableInput } from './table';

export async function ensureTable(db: Db): Promise<'created' | 'existed'> {
  const client = db.doc as unknown as DynamoDBClient;
  let created: 'created' | 'existed' = 'existed';
  try {
    await client.send(new DescribeTableCommand({ TableName: db.tableName }));
  } catch (error) {
    if ((error as Error).name !== 'ResourceNotFoundException') throw error;
    try {
      await client.send(new CreateTableCommand(createTableInput(db.tableName)));
      created = 'created';
    } catch (createError) {
      // Another process created it between our describe and create.
      if ((createError as Error).name !== 'ResourceInUseException') throw createError;
    }
  }
  for (let i = 0; i < 100; i++) {
    const out = await client.send(new DescribeTableCommand({ TableName: db.tableName }));
    if (out.Table?.TableStatus === 'ACTIVE') return created;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`table ${db.tableName} did not become active`);
}
