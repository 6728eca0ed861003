/** Lambda entry: DynamoDB stream → e-mail for the events that wait on someone, once per event and person. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { mailEnvWithSecrets, mailLinkSecretFromEnv, siteUrlFromEnv } from '../../shared/mail/from-env';
import { mailerFromEnv } from '../../shared/mail/mailer';
import { instrumentStreamHandler, observability } from '../../shared/observability/lambda';
import { createMailHandler } from '../../shared/services/mail-delivery';

const obs = observability('mail-notifier');
const mailer = mailerFromEnv(await mailEnvWithSecrets());
if (!mailer) throw new Error('MAIL_TRANSPORT must be ses or smtp for the mail notifier');

export const handler = instrumentStreamHandler(
  obs,
  createMailHandler({ db: createDb(dbConfigFromEnv()), mailer, siteUrl: siteUrlFromEnv(), linkSecret: await mailLinkSecretFromEnv(), log: obs.logEntry }),
);
