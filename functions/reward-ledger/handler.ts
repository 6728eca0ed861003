/** Lambda entry: DynamoDB stream → one ledger entry per verified payment, balance moved in the same transaction. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { instrumentStreamHandler, observability } from '../../shared/observability/lambda';
import { createRewardLedgerHandler } from '../../shared/services/rewards';

const obs = observability('reward-ledger');

export const handler = instrumentStreamHandler(obs, createRewardLedgerHandler({ db: createDb(dbConfigFromEnv()), log: obs.logEntry }));
