/**
 * Lambda entry: Cognito pre-token-generation trigger (V2) — copies custom:orgId into the access token,
 * and refreshes the person record mail reads (address, name, organisation, admin).
 */
import type { PreTokenGenerationV2TriggerEvent } from 'aws-lambda';
import { personFromSignIn, withOrgIdInAccessToken } from '../../shared/auth/access-token-claims';
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { savePerson } from '../../shared/db/people';
import { instrumentHandler, observability } from '../../shared/observability/lambda';

const obs = observability('pre-token-generation');
const db = process.env.TABLE_NAME ? createDb(dbConfigFromEnv()) : null;

export const handler = instrumentHandler(obs, 'TokensIssued', async (event: PreTokenGenerationV2TriggerEvent) => {
  if (db) {
    try {
      await savePerson(db, personFromSignIn(event), new Date().toISOString());
    } catch (error) {
      // Sign-in must not fail because mail's address book could not be updated; the next sign-in retries.
      obs.logEntry({ level: 'ERROR', message: 'person record not saved', error: String(error) });
    }
  }
  return withOrgIdInAccessToken(event);
});
