/**
 * Lambda entry: DynamoDB stream → search index (Meilisearch). Reports partial batch failures, so only
 * the failed record and those after it are retried.
 */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { instrumentStreamHandler, observability } from '../../shared/observability/lambda';
import { createSearchIndexer } from '../../shared/search/indexer';
import { searchEnvWithSecrets, searchIndexFromEnv } from '../../shared/search/from-env';

const obs = observability('search-indexer');

export const handler = instrumentStreamHandler(
  obs,
  createSearchIndexer({
    db: createDb(dbConfigFromEnv()),
    index: searchIndexFromEnv(await searchEnvWithSecrets()),
    log: obs.logEntry,
  }),
);
