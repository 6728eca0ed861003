/**
 * The DynamoDB document client. In AWS it uses the Lambda role; locally an endpoint (DynamoDB Local)
 * with placeholder credentials. Timeouts are short so an unreachable database becomes a 503 quickly
 * instead of a hung request.
 */
import { DynamoDBClient, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface Db {
  doc: DynamoDBDocumentClient;
  tableName: string;
}

export interface DbConfig {
  tableName: string;
  /** DynamoDB Local's URL; unset in AWS. */
  endpoint?: string;
  region?: string;
}

export function createDb(config: DbConfig): Db {
  const clientConfig: DynamoDBClientConfig = {
    region: config.region ?? process.env.AWS_REGION ?? 'cn-northwest-1',
    maxAttempts: 2,
    requestHandler: { connectionTimeout: 1000, requestTimeout: 5000 },
  };
  if (config.endpoint) {
    clientConfig.endpoint = config.endpoint;
    // DynamoDB Local accepts any credentials; fixed ones keep every local process on the same data.
    clientConfig.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  const client = new DynamoDBClient(clientConfig);
  const doc = DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
  return { doc, tableName: config.tableName };
}

export function dbConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DbConfig {
  return {
    tableName: env.TABLE_NAME ?? 'tech-market',
    ...(env.DYNAMODB_ENDPOINT ? { endpoint: env.DYNAMODB_ENDPOINT } : {}),
    ...(env.AWS_REGION ? { region: env.AWS_REGION } : {}),
  };
}
