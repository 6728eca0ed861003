/**
 * Browser sign-in through the hosted-UI flow (authorization code + PKCE), against the local issuer's
 * stand-in for Cognito's endpoints: the same client code the pages run in AWS.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';
import { location, PageClient } from './page-client';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
}, 120_000);

/** /login → picker → chosen account → callback URL (not yet visited). */
async function authorize(browser: PageClient, account: string, next?: string) {
  const start = await browser.get(`/login${next ? `?next=${encodeURIComponent(next)}` : ''}`);
  expect(start.status).toBe(302);
  const authorizeUrl = location(start);
  const picker = await browser.get(authorizeUrl.pathname + authorizeUrl.search);
  expect(picker.status).toBe(200);
  const chosen = await browser.post(authorizeUrl.pathname + authorizeUrl.search, { ...Object.fromEntries(authorizeUrl.searchParams), account });
  expect(chosen.status).toBe(302);
  return { authorizeUrl, callback: location(chosen) };
}

describe('sign-in through the hosted-UI flow', () => {
  it('sends the browser to the authorization server with PKCE S256 and keeps the attempt in an HttpOnly cookie', async () => {
    const browser = new PageClient(h.app);
    const res = await browser.get('/login');
    const to = location(res);
    expect(to.pathname).toBe('/api/v1/dev/oauth2/authorize');
    expect(to.searchParams.get('response_type')).toBe('code');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(to.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(to.searchParams.get('redirect_uri')).toBe('http://localhost/auth/callback');
    expect(to.searchParams.get('lang')).toBe('zh-CN');
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('tm_signin='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Path=\/auth\/callback/);
    // The verifier itself never leaves the server's cookie: only its hash goes to the authorization server.
    expect(to.search).not.toContain(browser.cookies.get('tm_signin')!.split('.')[1]);
  });

  it('signs in, lands on the asked page and shows the workspace of the chosen account', async () => {
    const browser = new PageClient(h.app);
    const { callback } = await authorize(browser, 'demo-ent-pv', '/needs/new');
    expect(callback.pathname).toBe('/auth/callback');
    const done = await browser.get(callback.pathname + callback.search);
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe('/needs/new');
    const session = done.headers.getSetCookie().find((c) => c.startsWith('tm_session='))!;
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Lax/);
    expect(browser.cookies.has('tm_refresh')).toBe(true);
    expect(browser.cookies.has('tm_signin')).toBe(false);
    const me = await browser.get('/me');
    expect(me.status).toBe(200);
    expect(await me.text()).toContain('石嘴山星海光伏材料有限公司');
  });

  it('refuses a callback whose state does not match, and a code used twice', async () => {
    const browser = new PageClient(h.app);
    const { callback } = await authorize(browser, 'demo-admin');
    const forged = new URL(callback);
    forged.searchParams.set('state', 'x'.repeat(22));
    const refused = await browser.get(forged.pathname + forged.search);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('重新登录');
    expect(browser.cookies.has('tm_session')).toBe(false);

    // The attempt cookie is spent; a second browser that stole the callback URL has no verifier for it.
    const thief = new PageClient(h.app);
    expect((await thief.get(callback.pathname + callback.search)).status).toBe(400);
    expect(thief.cookies.has('tm_session')).toBe(false);
    expect((await browser.get('/me')).status).toBe(302);
  });

  it('answers the token endpoint like an OAuth server: single-use codes bound to their verifier and redirect', async () => {
    const browser = new PageClient(h.app);
    const { callback } = await authorize(browser, 'demo-admin');
    const code = callback.searchParams.get('code')!;
    const token = (form: Record<string, string>) =>
      h.app.request('/api/v1/dev/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ client_id: 'local-web-client', ...form }).toString() });
    const wrongVerifier = await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://localhost/auth/callback', code_verifier: 'a'.repeat(43) });
    expect(wrongVerifier.status).toBe(400);
    expect(await wrongVerifier.json()).toEqual({ error: 'invalid_grant' });
    // The failed attempt spent the code: the right verifier is too late now.
    const verifier = browser.cookies.get('tm_signin')!.split('.')[1]!;
    expect((await token({ grant_type: 'authorization_code', code, redirect_uri: 'http://localhost/auth/callback', code_verifier: verifier })).status).toBe(400);
    expect((await h.app.request('/api/v1/dev/oauth2/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'client_id=other&grant_type=authorization_code' })).status).toBe(401);
    expect(await (await token({ grant_type: 'password' })).json()).toEqual({ error: 'unsupported_grant_type' });
  });

  it('registers only the site’s own callback: no open redirect through sign-in or sign-out', async () => {
    const browser = new PageClient(h.app);
    const to = location(await browser.get('/login'));
    to.searchParams.set('redirect_uri', 'https://evil.example/auth/callback');
    expect((await browser.get(to.pathname + to.search)).status).toBe(400);
    expect((await browser.get('/api/v1/dev/logout?client_id=local-web-client&logout_uri=https%3A%2F%2Fevil.example%2F')).status).toBe(400);
    for (const next of ['//evil.example/x', 'https://evil.example/', '/\\evil.example']) {
      const fresh = new PageClient(h.app);
      const { callback } = await authorize(fresh, 'demo-admin', next);
      const done = await fresh.get(callback.pathname + callback.search);
      expect(done.headers.get('location')).toBe('/me');
    }
  });

  it('renews an expired session with the refresh token, and signing out revokes it', async () => {
    const browser = new PageClient(h.app);
    const { callback } = await authorize(browser, 'demo-nxist');
    await browser.get(callback.pathname + callback.search);
    // As when the access-token cookie has expired: only the refresh token is left.
    browser.cookies.delete('tm_session');
    const renewed = await browser.get('/me');
    expect(renewed.status).toBe(200);
    expect(await renewed.text()).toContain('宁夏理工学院');
    expect(browser.cookies.has('tm_session')).toBe(true);

    const page = await (await browser.get('/me')).text();
    const csrf = /name="_csrf" value="([a-f0-9]{64})"/.exec(page)![1]!;
    const refresh = browser.cookies.get('tm_refresh')!;
    const out = await browser.post('/logout', { _csrf: csrf });
    expect(out.status).toBe(303);
    const logout = location(out);
    expect(logout.pathname).toBe('/api/v1/dev/logout');
    expect(logout.searchParams.get('logout_uri')).toBe('http://localhost/');
    expect(location(await browser.get(logout.pathname + logout.search)).toString()).toBe('http://localhost/');
    expect(browser.cookies.has('tm_session')).toBe(false);
    expect(browser.cookies.has('tm_refresh')).toBe(false);
    // A copy of the refresh cookie taken before sign-out no longer signs anyone in.
    const copy = new PageClient(h.app);
    copy.cookies.set('tm_refresh', refresh);
    const after = await copy.get('/me');
    expect(after.status).toBe(302);
    expect(after.headers.get('location')).toBe('/login?next=%2Fme');
  });
});
