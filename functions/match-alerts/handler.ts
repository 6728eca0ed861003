/** Lambda entry: DynamoDB stream → notifications for saved searches and matching counterparts. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { instrumentStreamHandler, observability } from '../../shared/observability/lambda';
import { searchEnvWithSecrets, searchIndexFromEnv } from '../../shared/search/from-env';
import { createMatchAlertHandler } from '../../shared/services/alerts';

const obs = observability('match-alerts');

export const handler = instrumentStreamHandler(
  obs,
  createMatchAlertHandler({
    db: createDb(dbConfigFromEnv()),
    index: searchIndexFromEnv(await searchEnvWithSecrets()),
    log: obs.logEntry,
  }),
);
