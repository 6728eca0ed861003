/**
 * The local token issuer: an RS256 key pair, its JWKS, and Cognito-shaped access tokens for the seeded
 * demo accounts. Used by the local runner and the tests; never bundled into Lambda (nothing under
 * functions/ imports it — the runner passes it in).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';

export interface LocalIssuer {
  issuer: string;
  clientId: string;
  jwks: JSONWebKeySet;
  sign(claims: { sub: string; username?: string; groups?: string[]; orgId?: string | null; expiresInSeconds?: number }): Promise<string>;
}

export const LOCAL_CLIENT_ID = 'local-web-client';

/**
 * Loads the key pair from `keyFile` when given and present, so tokens survive a restart; otherwise makes
 * one (and saves it there).
 */
export async function createLocalIssuer(options: { issuer: string; keyFile?: string }): Promise<LocalIssuer> {
  let privateJwk: JWK;
  if (options.keyFile && existsSync(options.keyFile)) {
    privateJwk = JSON.parse(readFileSync(options.keyFile, 'utf8')) as JWK;
  } else {
    const { privateKey } = await generateKeyPair('RS256', { extractable: true });
    privateJwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: 'RS256', use: 'sig' };
    if (options.keyFile) {
      mkdirSync(dirname(options.keyFile), { recursive: true });
      writeFileSync(options.keyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicJwk } = privateJwk;
  const signingKey = await importJWK(privateJwk, 'RS256');
  const kid = privateJwk.kid!;

  return {
    issuer: options.issuer,
    clientId: LOCAL_CLIENT_ID,
    jwks: { keys: [publicJwk] },
    async sign({ sub, username, groups, orgId, expiresInSeconds = 8 * 3600 }) {
      return new SignJWT({
        token_use: 'access',
        client_id: LOCAL_CLIENT_ID,
        scope: 'openid profile',
        username: username ?? sub,
        ...(groups && groups.length ? { 'cognito:groups': groups } : {}),
        ...(orgId ? { 'custom:orgId': orgId } : {}),
      })
        .setProtectedHeader({ alg: 'RS256', kid })
        .setSubject(sub)
        .setIssuer(options.issuer)
        .setIssuedAt()
        .setJti(randomUUID())
        .setExpirationTime(`${expiresInSeconds}s`)
        .sign(signingKey);
    },
  };
}
