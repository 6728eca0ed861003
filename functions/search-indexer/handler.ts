/**
 * Lambda entry: DynamoDB stream → search index (Meilisearch). Reports partial batch failures, so only
 * the failed record and those after it are retried.
 */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { createSearchIndexer } from '../../shared/search/indexer';
import { searchIndexFromEnv } from '../../shared/search/from-env';

export const handler = createSearchIndexer({
  db: createDb(dbConfigFromEnv()),
  index: searchIndexFromEnv(),
  log: (entry) => console.log(JSON.stringify(entry)),
});
