/**
 * Lambda entry point: the same app as locally, with Cognito's JWKS and hosted UI and no local issuer.
 */
import { handle } from 'hono/aws-lambda';
import { createTokenVerifier, remoteKeySet } from '../../shared/auth/verify-token';
import { createDb, dbConfigFromEnv } from '../../shared/db/client';
import { rateLimitFromEnv } from '../../shared/db/rate-limits';
import { instrumentHttpHandler, observability } from '../../shared/observability/lambda';
import { searchEnvWithSecrets, searchIndexFromEnv } from '../../shared/search/from-env';
import { objectStoreFromEnv } from '../../shared/files/object-store';
import { mailLinkSecretFromEnv } from '../../shared/mail/from-env';
import { createApp } from './site';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} must be set`);
  return value;
}

const issuer = required('AUTH_ISSUER');
const clientId = required('AUTH_CLIENT_ID');
required('TABLE_NAME');
const fileStore = objectStoreFromEnv();
const { app } = createApp({
  db: createDb(dbConfigFromEnv()),
  verifyToken: createTokenVerifier({
    issuer,
    clientId,
    keys: remoteKeySet(process.env.AUTH_JWKS_URL ?? `${issuer}/.well-known/jwks.json`),
  }),
  now: () => new Date(),
  mode: 'lambda',
  search: searchIndexFromEnv(await searchEnvWithSecrets()),
  rateLimit: rateLimitFromEnv(),
  ...(fileStore ? { files: fileStore } : {}),
  // The stack sets the secret only where mail is on; without it unsubscribe links are not issued either.
  ...(process.env.MAIL_LINK_SECRET_ARN || process.env.MAIL_LINK_SECRET ? { mail: { linkSecret: await mailLinkSecretFromEnv() } } : {}),
  // The pages sign in through Cognito's hosted UI; behind CloudFront the site's origin is not the request's.
  web: { origin: required('WEB_ORIGIN'), hostedUi: { baseUrl: required('AUTH_HOSTED_UI_URL'), clientId } },
});

const obs = observability('api');

export const handler = instrumentHttpHandler(obs, handle(app));
