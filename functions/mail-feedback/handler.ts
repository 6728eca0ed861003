/** Lambda entry: SES bounce and complaint events (SNS) → the suppression list. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { instrumentHandler, observability } from '../../shared/observability/lambda';
import { createMailFeedbackHandler } from '../../shared/services/mail-delivery';

const obs = observability('mail-feedback');

export const handler = instrumentHandler(obs, 'AddressesSuppressed', createMailFeedbackHandler({ db: createDb(dbConfigFromEnv()), log: obs.logEntry }));
