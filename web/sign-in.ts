/**
 * Browser sign-in as an OAuth 2.0 authorization-code client with PKCE (RFC 6749, RFC 7636), the flow
 * Cognito's hosted UI (managed login) speaks. In AWS the authorization server is the user pool's domain;
 * locally it is the local issuer's demo-login pages under /api/v1/dev, which answer the same three
 * endpoints (/oauth2/authorize, /oauth2/token, /logout). The pages never see a password either way.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import * as z from 'zod';
import { CALLBACK_PATH, codeChallenge } from '../shared/auth/pkce';
import type { HostedUiConfig } from '../shared/http/context';

export { CALLBACK_PATH, codeChallenge, sameState } from '../shared/auth/pkce';

export type { HostedUiConfig, WebConfig } from '../shared/http/context';

export interface TokenSet {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  refreshToken?: string;
}


const tokenResponse = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().int().positive(),
  token_type: z.string().regex(/^bearer$/i),
  refresh_token: z.string().min(1).optional(),
  id_token: z.string().optional(),
});

/** One sign-in attempt: what the browser keeps (in an HttpOnly cookie) between leaving and coming back. */
export interface SignInAttempt {
  state: string;
  verifier: string;
  /** The local path to return to afterwards. */
  next: string;
}

export function newAttempt(next: string): SignInAttempt {
  return { state: randomBytes(16).toString('base64url'), verifier: randomBytes(32).toString('base64url'), next: safeNext(next) };
}

/**
 * Only paths on this site: `//evil.example`, `/\\evil.example` and `https://…` would make sign-in an open
 * redirect. Parsed as a URL, so the result is percent-encoded and safe for a Location header.
 */
export function safeNext(next: string | undefined): string {
  const base = 'http://site.invalid';
  if (!next?.startsWith('/')) return '/me';
  try {
    const url = new URL(next, base);
    return url.origin === base && !url.pathname.startsWith('/auth/') ? url.pathname + url.search : '/me';
  } catch {
    return '/me';
  }
}

export function encodeAttempt(a: SignInAttempt): string {
  return `${a.state}.${a.verifier}.${Buffer.from(a.next).toString('base64url')}`;
}

export function decodeAttempt(value: string | undefined): SignInAttempt | null {
  const parts = value?.split('.') ?? [];
  if (parts.length !== 3 || !parts.every((p) => /^[\w-]+$/.test(p))) return null;
  return { state: parts[0]!, verifier: parts[1]!, next: safeNext(Buffer.from(parts[2]!, 'base64url').toString()) };
}

function endpoint(config: HostedUiConfig, siteOrigin: string, path: string): string {
  return new URL(`${config.baseUrl.replace(/\/$/, '')}${path}`, siteOrigin).toString();
}

export function authorizeUrl(config: HostedUiConfig, siteOrigin: string, attempt: SignInAttempt, lang: 'zh' | 'en'): string {
  const url = new URL(endpoint(config, siteOrigin, '/oauth2/authorize'));
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: new URL(CALLBACK_PATH, siteOrigin).toString(),
    scope: 'openid profile',
    state: attempt.state,
    code_challenge: codeChallenge(attempt.verifier),
    code_challenge_method: 'S256',
    // Managed login shows its pages in this language.
    lang: lang === 'zh' ? 'zh-CN' : 'en',
  }).toString();
  return url.toString();
}

export function logoutUrl(config: HostedUiConfig, siteOrigin: string): string {
  const url = new URL(endpoint(config, siteOrigin, '/logout'));
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: new URL('/', siteOrigin).toString() }).toString();
  return url.toString();
}

export class TokenEndpointError extends Error {
  constructor(
    readonly status: number,
    readonly oauthError: string,
  ) {
    super(`token endpoint answered ${status} ${oauthError}`);
  }
}

async function callTokenEndpoint(config: HostedUiConfig, siteOrigin: string, params: Record<string, string>): Promise<TokenSet> {
  const call = config.fetch ?? ((input, init) => fetch(input, init));
  const response = await call(endpoint(config, siteOrigin, '/oauth2/token'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    body: new URLSearchParams({ client_id: config.clientId, ...params }).toString(),
    signal: AbortSignal.timeout(5_000),
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = body && typeof body === 'object' && 'error' in body && typeof body.error === 'string' ? body.error : 'unknown';
    throw new TokenEndpointError(response.status, error);
  }
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) throw new TokenEndpointError(response.status, 'malformed_response');
  return {
    accessToken: parsed.data.access_token,
    expiresIn: parsed.data.expires_in,
    ...(parsed.data.refresh_token ? { refreshToken: parsed.data.refresh_token } : {}),
  };
}

export function exchangeCode(config: HostedUiConfig, siteOrigin: string, code: string, verifier: string): Promise<TokenSet> {
  return callTokenEndpoint(config, siteOrigin, {
    grant_type: 'authorization_code',
    code,
    redirect_uri: new URL(CALLBACK_PATH, siteOrigin).toString(),
    code_verifier: verifier,
  });
}

export function refreshTokens(config: HostedUiConfig, siteOrigin: string, refreshToken: string): Promise<TokenSet> {
  return callTokenEndpoint(config, siteOrigin, { grant_type: 'refresh_token', refresh_token: refreshToken });
}

/** Best effort: a refresh token revoked at sign-out cannot be replayed from a copied cookie. */
export async function revokeToken(config: HostedUiConfig, siteOrigin: string, token: string): Promise<void> {
  const call = config.fetch ?? ((input, init) => fetch(input, init));
  await call(endpoint(config, siteOrigin, '/oauth2/revoke'), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: config.clientId, token }).toString(),
    signal: AbortSignal.timeout(5_000),
  }).catch(() => undefined);
}
