/**
 * What CloudFront may keep. A city marketplace is read far more than it is written, and most readers
 * are anonymous: the halls, the detail pages, the dashboard and the home page, as pages and as JSON.
 * Those responses say so (`public, s-maxage, stale-while-revalidate`), so the edge answers repeats for
 * half a minute and keeps serving a slightly stale copy while it revalidates. They carry an ETag, and a
 * matching `If-None-Match` gets a bodiless 304.
 *
 * Anything a signed-in person receives is `private, no-store`, on every route: a signed-in page shows the
 * person's name and forms with their CSRF token, and an API answer may hold confidential fields. A
 * request counts as signed in when it carries a bearer token or a session cookie, valid or not.
 * An anonymous response that sets a cookie (the language switch) is not cached either; the CSRF cookie
 * that every page hands out is left off a cached page, since no public page holds a form.
 */
import { createHash } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';

export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, s-maxage=30, stale-while-revalidate=60';
export const PRIVATE_CACHE_CONTROL = 'private, no-store';

/** Anonymous GETs that may be shared: pages and their JSON counterparts. */
const PUBLIC_PATHS = [
  /^\/$/,
  /^\/(achievements|needs)$/,
  /^\/(achievements|needs)\/(ach|need)_[A-Za-z0-9]+$/,
  /^\/stats$/,
  /^\/api\/v1\/(achievements|needs)$/,
  /^\/api\/v1\/(achievements|needs)\/(ach|need)_[A-Za-z0-9]+$/,
  /^\/api\/v1\/stats$/,
];

/** The cookies that make a request someone's (web/session.ts). */
const SESSION_COOKIES = ['tm_session', 'tm_refresh'];
const CSRF_COOKIE = 'tm_csrf';

export function isPublicPath(path: string): boolean {
  return PUBLIC_PATHS.some((p) => p.test(path));
}

function etagOf(body: ArrayBuffer): string {
  return `"${createHash('sha256').update(Buffer.from(body)).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 If-None-Match: a list of entity tags (weak ones compare by their opaque part) or `*`. */
function noneMatch(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const bare = etag.replace(/^W\//, '');
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare);
}

export function publicCache(): MiddlewareHandler {
  return async function cacheHeaders(c, next) {
    await next();
    // Rendered from code, the same for everyone; they keep the cache headers their routes give them.
    if (c.req.path.startsWith('/assets/') || c.req.path.startsWith('/docs/assets/')) return;
    const method = c.req.method;
    const signedIn = Boolean(c.req.header('authorization')) || SESSION_COOKIES.some((name) => getCookie(c, name) !== undefined);
    if (signedIn) {
      c.res.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
      return;
    }
    if ((method !== 'GET' && method !== 'HEAD') || c.res.status !== 200 || !isPublicPath(c.req.path)) return;
    const cookies = c.res.headers.getSetCookie().filter((cookie) => !cookie.startsWith(`${CSRF_COOKIE}=`));
    if (cookies.length > 0) {
      c.res.headers.set('cache-control', PRIVATE_CACHE_CONTROL);
      return;
    }
    const body = await c.res.clone().arrayBuffer();
    // Edited in place: Hono copies the previous response's headers onto one assigned to c.res.
    const headers = c.res.headers;
    headers.delete('set-cookie');
    // An ETag the route set (a listing's version, which PATCH's If-Match relies on) stays as it is.
    const etag = headers.get('etag') ?? etagOf(body);
    headers.set('etag', etag);
    headers.set('cache-control', PUBLIC_CACHE_CONTROL);
    // CloudFront keeps one copy per language and session cookie and per Authorization: its cache key
    // (infra/constructs/web.ts), not a Vary header, which would make other caches keep nothing.
    if (noneMatch(c.req.header('if-none-match'), etag)) {
      for (const h of ['content-type', 'content-length']) headers.delete(h);
      c.res = new Response(null, { status: 304, headers });
    }
  };
}
