/**
 * The browser session: the access token in an HttpOnly, SameSite=Lax cookie (Secure over HTTPS), read
 * through the same verification as the API's bearer tokens, renewed with the refresh token (also
 * HttpOnly) when it expires; and CSRF protection for every form post: a random token in an HttpOnly
 * cookie that the form must echo, plus a same-origin check.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiEnv } from '../shared/http/context';
import { principalFromToken } from '../shared/http/caller';
import { DomainError } from '../shared/domain/errors';
import { refreshTokens, type TokenSet } from './sign-in';

export const SESSION_COOKIE = 'tm_session';
export const REFRESH_COOKIE = 'tm_refresh';
const CSRF_COOKIE = 'tm_csrf';
/** Cognito's default refresh-token lifetime; the server still decides whether a refresh token is good. */
const REFRESH_MAX_AGE = 30 * 86_400;

/** The site's public origin: configured (behind CloudFront the request URL names API Gateway) or the request's own. */
export function siteOrigin(c: Context<ApiEnv>): string {
  return c.var.deps.web?.origin ?? new URL(c.req.url).origin;
}

export function secure(c: Context<ApiEnv>): boolean {
  return siteOrigin(c).startsWith('https:') || c.req.header('x-forwarded-proto') === 'https';
}

/** An expired access token and a refresh token: ask the authorization server for a new access token. */
async function renew(c: Context<ApiEnv>): Promise<void> {
  const refresh = getCookie(c, REFRESH_COOKIE);
  const hostedUi = c.var.deps.web?.hostedUi;
  if (!refresh || !hostedUi) return;
  try {
    const tokens = await refreshTokens(hostedUi, siteOrigin(c), refresh);
    c.set('principal', await principalFromToken(c.var.deps, tokens.accessToken));
    startSession(c, { ...tokens, refreshToken: tokens.refreshToken ?? refresh });
  } catch {
    // Revoked, expired or refused: signed out until the person signs in again.
    deleteCookie(c, REFRESH_COOKIE, { path: '/' });
  }
}

export function webSession(): MiddlewareHandler<ApiEnv> {
  return async function readSession(c, next) {
    c.set('principal', null);
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      try {
        c.set('principal', await principalFromToken(c.var.deps, token));
      } catch {
        // An expired or foreign token: the person is simply signed out.
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
      }
    }
    if (!c.var.principal) await renew(c);
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[a-f0-9]{64}$/.test(csrf)) {
      csrf = randomBytes(32).toString('hex');
      setCookie(c, CSRF_COOKIE, csrf, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
    }
    c.set('csrf', csrf);
    await next();
  };
}

export function startSession(c: Context<ApiEnv>, tokens: TokenSet): void {
  const options = { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) } as const;
  setCookie(c, SESSION_COOKIE, tokens.accessToken, { ...options, maxAge: tokens.expiresIn });
  if (tokens.refreshToken) setCookie(c, REFRESH_COOKIE, tokens.refreshToken, { ...options, maxAge: REFRESH_MAX_AGE });
}

export function endSession(c: Context<ApiEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
  deleteCookie(c, REFRESH_COOKIE, { path: '/' });
}

/** Reads a posted form and checks its CSRF token and origin; returns the fields as strings (multi-values as arrays). */
export async function postedForm(c: Context<ApiEnv>): Promise<Record<string, string | string[]>> {
  const origin = c.req.header('origin');
  if (origin && origin !== siteOrigin(c)) throw new DomainError('forbidden');
  const body = await c.req.parseBody({ all: true });
  const form: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    form[k] = Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? v : '';
  }
  const sent = typeof form._csrf === 'string' ? form._csrf : '';
  const expected = c.var.csrf;
  if (sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), Buffer.from(expected))) throw new DomainError('forbidden');
  delete form._csrf;
  return form;
}
