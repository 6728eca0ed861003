/**
 * The local issuer as an OAuth 2.0 authorization server with the three endpoints of Cognito's hosted UI
 * that the pages use: /oauth2/authorize (here: choose a demo account), /oauth2/token (authorization code
 * with PKCE S256, and refresh token), /oauth2/revoke and /logout. The pages' sign-in code is therefore the same locally
 * and in AWS. Codes and refresh tokens live in memory: a restart signs people out, which is fine locally.
 * Mounted only with `deps.dev`, like the rest of the local issuer's routes.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import { CALLBACK_PATH, codeChallenge, sameState } from '../../../shared/auth/pkce';
import { issuesFromZod } from '../../../shared/http/field-issues';
import type { ApiEnv, DevAccounts } from '../../../shared/http/context';

const CODE_SECONDS = 300;
const REFRESH_SECONDS = 30 * 86_400;
export const LOCAL_ACCESS_TOKEN_SECONDS = 8 * 3600;

interface Grant {
  accountId: string;
  redirectUri: string;
  challenge: string;
  expiresAt: number;
}
interface Store {
  codes: Map<string, Grant>;
  refresh: Map<string, { accountId: string; expiresAt: number }>;
}
const stores = new WeakMap<DevAccounts, Store>();

function storeOf(dev: DevAccounts): Store {
  let store = stores.get(dev);
  if (!store) stores.set(dev, (store = { codes: new Map(), refresh: new Map() }));
  return store;
}

function devOf(c: Context<ApiEnv>): DevAccounts {
  const dev = c.var.deps.dev;
  if (!dev) throw new DomainError('route_not_found');
  return dev;
}

const siteOrigin = (c: Context<ApiEnv>) => c.var.deps.web?.origin ?? new URL(c.req.url).origin;

/** Only the site's own callback is a registered redirect, as in the user pool's app client. */
function authorizeRequest(c: Context<ApiEnv>, clientId: string) {
  return z
    .object({
      response_type: z.literal('code'),
      client_id: z.literal(clientId),
      redirect_uri: z.string().refine((u) => u === new URL(CALLBACK_PATH, siteOrigin(c)).toString(), 'not a registered callback URL'),
      scope: z.string().max(200).optional(),
      state: z.string().min(8).max(200),
      code_challenge: z.string().regex(/^[\w-]{43,128}$/),
      code_challenge_method: z.literal('S256'),
      lang: z.string().max(10).optional(),
    })
    .strict();
}

function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new DomainError('validation_failed', issuesFromZod(parsed.error));
  return parsed.data;
}

async function formOf(c: Context<ApiEnv>): Promise<Record<string, string>> {
  const body = await c.req.parseBody();
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
}

function oauthError(c: Context<ApiEnv>, error: string, status: 400 | 401 = 400) {
  c.header('cache-control', 'no-store');
  return c.json({ error }, status);
}

async function tokensFor(dev: DevAccounts, accountId: string) {
  const account = dev.accounts.find((a) => a.id === accountId);
  if (!account) return null;
  const access = await dev.issuer.sign({ sub: account.id, username: account.displayName, groups: account.groups, orgId: account.orgId, expiresInSeconds: LOCAL_ACCESS_TOKEN_SECONDS });
  return { access_token: access, token_type: 'Bearer', expires_in: LOCAL_ACCESS_TOKEN_SECONDS };
}

export const devOAuth = new Hono<ApiEnv>()
  .get('/dev/oauth2/authorize', (c) => {
    const dev = devOf(c);
    const request = parseOrThrow(authorizeRequest(c, dev.issuer.clientId), c.req.query());
    const lang = request.lang === 'en' ? 'en' : 'zh';
    return c.html(dev.signInPage({ lang, path: c.req.path, request: request as Record<string, string> }, dev.accounts));
  })
  .post('/dev/oauth2/authorize', async (c) => {
    const dev = devOf(c);
    const { account, ...fields } = await formOf(c);
    const request = parseOrThrow(authorizeRequest(c, dev.issuer.clientId), fields);
    if (!dev.accounts.some((a) => a.id === account)) {
      throw new DomainError('validation_failed', [{ path: 'account', code: 'unknown_account', message: 'No such demo account', messageZh: '没有这个演示账号' }]);
    }
    const code = randomBytes(32).toString('base64url');
    storeOf(dev).codes.set(code, { accountId: account!, redirectUri: request.redirect_uri, challenge: request.code_challenge, expiresAt: Date.now() + CODE_SECONDS * 1000 });
    const target = new URL(request.redirect_uri);
    target.search = new URLSearchParams({ code, state: request.state }).toString();
    return c.redirect(target.toString(), 302);
  })
  .post('/dev/oauth2/token', async (c) => {
    const dev = devOf(c);
    const form = await formOf(c);
    if (form.client_id !== dev.issuer.clientId) return oauthError(c, 'invalid_client', 401);
    const store = storeOf(dev);
    if (form.grant_type === 'authorization_code') {
      const grant = form.code ? store.codes.get(form.code) : undefined;
      // A code is good once, before it expires, for the redirect and verifier it was issued to.
      if (form.code) store.codes.delete(form.code);
      if (!grant || grant.expiresAt < Date.now() || grant.redirectUri !== form.redirect_uri || !form.code_verifier || !sameState(grant.challenge, codeChallenge(form.code_verifier))) {
        return oauthError(c, 'invalid_grant');
      }
      const tokens = await tokensFor(dev, grant.accountId);
      if (!tokens) return oauthError(c, 'invalid_grant');
      const refresh = randomBytes(32).toString('base64url');
      store.refresh.set(refresh, { accountId: grant.accountId, expiresAt: Date.now() + REFRESH_SECONDS * 1000 });
      c.header('cache-control', 'no-store');
      return c.json({ ...tokens, refresh_token: refresh });
    }
    if (form.grant_type === 'refresh_token') {
      const held = form.refresh_token ? store.refresh.get(form.refresh_token) : undefined;
      if (!held || held.expiresAt < Date.now()) return oauthError(c, 'invalid_grant');
      const tokens = await tokensFor(dev, held.accountId);
      if (!tokens) return oauthError(c, 'invalid_grant');
      c.header('cache-control', 'no-store');
      return c.json(tokens);
    }
    return oauthError(c, 'unsupported_grant_type');
  })
  .post('/dev/oauth2/revoke', async (c) => {
    const dev = devOf(c);
    const form = await formOf(c);
    if (form.client_id !== dev.issuer.clientId) return oauthError(c, 'invalid_client', 401);
    if (form.token) storeOf(dev).refresh.delete(form.token);
    return c.body(null, 200);
  })
  .get('/dev/logout', (c) => {
    const dev = devOf(c);
    const { logout_uri: to } = parseOrThrow(
      z.object({ client_id: z.literal(dev.issuer.clientId), logout_uri: z.string().refine((u) => u === new URL('/', siteOrigin(c)).toString(), 'not a registered sign-out URL') }).strict(),
      c.req.query(),
    );
    return c.redirect(to, 302);
  });
