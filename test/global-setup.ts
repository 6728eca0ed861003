/**
 * One DynamoDB Local for the whole run, in memory on a free port. Each test file makes its own table,
 * so files never see each other's data.
 */
import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../scripts/local/dynamodb-local';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal({ log: (line) => console.log(`[global-setup] ${line}`) });
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
