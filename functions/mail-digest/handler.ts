/** Lambda entry: every morning at 08:00 Beijing time, yesterday's match alerts as one digest per person. */
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { shanghaiDate } from '../../shared/domain/listing-common';
import { mailEnvWithSecrets, mailLinkSecretFromEnv, siteUrlFromEnv } from '../../shared/mail/from-env';
import { mailerFromEnv } from '../../shared/mail/mailer';
import { instrumentHandler, observability } from '../../shared/observability/lambda';
import { sendDailyDigests } from '../../shared/services/mail-delivery';

const obs = observability('mail-digest');
const mailer = mailerFromEnv(await mailEnvWithSecrets());
if (!mailer) throw new Error('MAIL_TRANSPORT must be ses or smtp for the mail digest');
const deps = { db: createDb(dbConfigFromEnv()), mailer, siteUrl: siteUrlFromEnv(), linkSecret: await mailLinkSecretFromEnv(), log: obs.logEntry };

export const handler = instrumentHandler(obs, 'DigestsSent', async (event: { date?: string }) => {
  const date = event?.date && /^\d{4}-\d{2}-\d{2}$/.test(event.date) ? event.date : shanghaiDate(new Date(Date.now() - 86_400_000));
  return sendDailyDigests(deps, date);
});
