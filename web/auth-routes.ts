/**
 * Signing in and out of the pages: /login sends the browser to the authorization server (Cognito's
 * hosted UI, or the local issuer's demo picker) with PKCE; /auth/callback takes the code back, exchanges
 * it server-side and starts the cookie session; /logout ends it here and at the authorization server.
 */
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { ApiEnv } from '../shared/http/context';
import { principalFromToken } from '../shared/http/caller';
import type { PageContext } from './layout';
import { signInFailedPage } from './pages/sign-in';
import { endSession, postedForm, REFRESH_COOKIE, secure, siteOrigin, startSession } from './session';
import { authorizeUrl, CALLBACK_PATH, decodeAttempt, encodeAttempt, exchangeCode, logoutUrl, newAttempt, revokeToken, safeNext, sameState } from './sign-in';

const ATTEMPT_COOKIE = 'tm_signin';
/** Long enough to type a password and pass MFA; short enough that a stale tab cannot replay. */
const ATTEMPT_SECONDS = 600;

function hostedUiOf(c: Context<ApiEnv>) {
  return c.var.deps.web?.hostedUi ?? null;
}

export function authRoutes(ctxOf: (c: Context<ApiEnv>) => PageContext) {
  return new Hono<ApiEnv>()
    .get('/login', (c) => {
      const ctx = ctxOf(c);
      const next = safeNext(c.req.query('next'));
      if (c.var.principal) return c.redirect(next, 302);
      const hostedUi = hostedUiOf(c);
      if (!hostedUi) return c.html(signInFailedPage(ctx, 'unavailable'), 503);
      const attempt = newAttempt(next);
      setCookie(c, ATTEMPT_COOKIE, encodeAttempt(attempt), { path: CALLBACK_PATH, httpOnly: true, sameSite: 'Lax', secure: secure(c), maxAge: ATTEMPT_SECONDS });
      c.header('cache-control', 'no-store');
      return c.redirect(authorizeUrl(hostedUi, siteOrigin(c), attempt, ctx.lang), 302);
    })
    .get(CALLBACK_PATH, async (c) => {
      const ctx = ctxOf(c);
      const attempt = decodeAttempt(getCookie(c, ATTEMPT_COOKIE));
      // One use only: whatever happens next, this attempt is spent.
      deleteCookie(c, ATTEMPT_COOKIE, { path: CALLBACK_PATH });
      c.header('cache-control', 'no-store');
      const hostedUi = hostedUiOf(c);
      if (!hostedUi) return c.html(signInFailedPage(ctx, 'unavailable'), 503);
      if (c.req.query('error')) return c.html(signInFailedPage(ctx, 'denied'), 400);
      const code = c.req.query('code');
      if (!attempt || !code || !sameState(attempt.state, c.req.query('state'))) return c.html(signInFailedPage(ctx, 'expired'), 400);
      let tokens;
      try {
        tokens = await exchangeCode(hostedUi, siteOrigin(c), code, attempt.verifier);
        // Verified like every bearer token before it becomes a session.
        await principalFromToken(c.var.deps, tokens.accessToken);
      } catch (error) {
        console.error(JSON.stringify({ level: 'WARN', message: 'sign-in code exchange failed', error: String(error) }));
        return c.html(signInFailedPage(ctx, 'expired'), 400);
      }
      startSession(c, tokens);
      return c.redirect(attempt.next, 303);
    })
    .post('/logout', async (c) => {
      await postedForm(c);
      const hostedUi = hostedUiOf(c);
      const refresh = getCookie(c, REFRESH_COOKIE);
      if (hostedUi && refresh) await revokeToken(hostedUi, siteOrigin(c), refresh);
      endSession(c);
      // Also end the authorization server's own session, or the next /login would sign straight back in.
      return c.redirect(hostedUi ? logoutUrl(hostedUi, siteOrigin(c)) : '/', 303);
    });
}
