/** Lambda entry: DynamoDB stream → one ledger entry per verified payment, balance moved in the same transaction. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { createRewardLedgerHandler } from '../../shared/services/rewards';

export const handler = createRewardLedgerHandler({ db: createDb(dbConfigFromEnv()), log: (entry) => console.log(JSON.stringify(entry)) });
