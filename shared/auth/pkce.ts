/**
 * The pieces of OAuth 2.0 authorization code + PKCE (RFC 7636) that both ends of the local sign-in use:
 * the pages (the client) and the local issuer's stand-in for the hosted UI (the server).
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Where the authorization server sends the browser back to on the site. */
export const CALLBACK_PATH = '/auth/callback';

/** Constant-time comparison of the state (or a challenge) the browser brought back. */
export function sameState(expected: string, got: string | undefined): boolean {
  return typeof got === 'string' && got.length === expected.length && timingSafeEqual(Buffer.from(got), Buffer.from(expected));
}

export function codeChallenge(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}
