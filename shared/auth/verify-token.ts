/**
 * Access-token verification through a JWKS, the same code in Lambda (Cognito's published key set) and
 * locally (the local issuer's key set). Only RS256; `alg: none` and HMAC tokens never pass.
 */
import { createLocalJWKSet, createRemoteJWKSet, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { DomainError } from '../domain/errors';
import type { AccessClaims } from './principal';

export interface TokenVerifierConfig {
  issuer: string;
  /** Cognito access tokens carry the app client in `client_id` (not `aud`). */
  clientId: string;
  keys: JWTVerifyGetKey;
}

export type TokenVerifier = (token: string) => Promise<AccessClaims>;

export function remoteKeySet(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
}

export function localKeySet(jwks: JSONWebKeySet): JWTVerifyGetKey {
  return createLocalJWKSet(jwks);
}

export function createTokenVerifier(config: TokenVerifierConfig): TokenVerifier {
  return async (token) => {
    let payload: Record<string, unknown>;
    try {
      ({ payload } = await jwtVerify(token, config.keys, {
        issuer: config.issuer,
        algorithms: ['RS256'],
        requiredClaims: ['exp', 'iat', 'sub'],
        clockTolerance: 5,
      }));
    } catch (cause) {
      // Not being able to fetch the key set is our outage, not a bad token: 503, so clients keep their session.
      const code = (cause as { code?: string }).code;
      if (code === 'ERR_JWKS_TIMEOUT' || cause instanceof TypeError) throw new DomainError('auth_unavailable', [], { cause });
      throw new DomainError('invalid_token', [], { cause });
    }
    if (payload.token_use !== 'access' || payload.client_id !== config.clientId || typeof payload.sub !== 'string') {
      throw new DomainError('invalid_token');
    }
    const groups = payload['cognito:groups'];
    const orgId = payload['custom:orgId'];
    return {
      sub: payload.sub,
      ...(typeof payload.username === 'string' ? { username: payload.username } : {}),
      ...(Array.isArray(groups) ? { 'cognito:groups': groups.filter((g): g is string => typeof g === 'string') } : {}),
      ...(typeof orgId === 'string' ? { 'custom:orgId': orgId } : {}),
    };
  };
}
