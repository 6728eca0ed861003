/** Lambda entry: DynamoDB stream → notifications for saved searches and matching counterparts. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { searchIndexFromEnv } from '../../shared/search/from-env';
import { createMatchAlertHandler } from '../../shared/services/alerts';

export const handler = createMatchAlertHandler({
  db: createDb(dbConfigFromEnv()),
  index: searchIndexFromEnv(),
  log: (entry) => console.log(JSON.stringify(entry)),
});
