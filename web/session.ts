/**
 * The browser session: the access token in an HttpOnly, SameSite=Lax cookie (Secure over HTTPS), read
 * through the same verification as the API's bearer tokens; and CSRF protection for every form post:
 * a random token in an HttpOnly cookie that the form must echo, plus a same-origin check.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiEnv } from '../functions/api/context';
import { principalFromToken } from '../functions/api/middleware/authenticate';
import { DomainError } from '../shared/domain/errors';

export const SESSION_COOKIE = 'tm_session';
const CSRF_COOKIE = 'tm_csrf';

function secure(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https';
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
    let csrf = getCookie(c, CSRF_COOKIE);
    if (!csrf || !/^[a-f0-9]{64}$/.test(csrf)) {
      csrf = randomBytes(32).toString('hex');
      setCookie(c, CSRF_COOKIE, csrf, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c) });
    }
    c.set('csrf', csrf);
    await next();
  };
}

export function startSession(c: Context<ApiEnv>, accessToken: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, accessToken, { path: '/', httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: maxAgeSeconds });
}

export function endSession(c: Context<ApiEnv>): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/' });
}

/** Reads a posted form and checks its CSRF token and origin; returns the fields as strings (multi-values as arrays). */
export async function postedForm(c: Context<ApiEnv>): Promise<Record<string, string | string[]>> {
  const origin = c.req.header('origin');
  if (origin && origin !== new URL(c.req.url).origin) throw new DomainError('forbidden');
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
