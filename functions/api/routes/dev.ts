/**
 * The local token issuer's routes: demo accounts, tokens for them, the JWKS and a demo-login page.
 * Mounted only when the local runner (or a test) passes `deps.dev`; the Lambda handler never does.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { DomainError } from '../../../shared/domain/errors';
import { escapeHtml } from '../../../shared/text/escape-html';
import { page } from '../../../shared/http/standalone-page';
import type { ApiEnv, DevAccounts } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { issuesFromZod } from '../../../shared/http/field-issues';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody } from '../validation';
import { devOAuth } from './dev-oauth';

const tokenBody = z.object({ account: z.string().min(1).max(100) }).strict();
const accountSchema = z.object({
  id: z.string(),
  displayName: z.string(),
  groups: z.array(z.string()),
  orgId: z.string().nullable(),
  orgName: z.string().nullable(),
});
const tokenSchema = z.object({ accessToken: z.string(), tokenType: z.literal('Bearer'), expiresIn: z.number().int() });
const TOKEN_SECONDS = 8 * 3600;

function devOrThrow(dev: DevAccounts | undefined): DevAccounts {
  if (!dev) throw new DomainError('route_not_found');
  return dev;
}

async function issueToken(dev: DevAccounts, accountId: string) {
  const account = dev.accounts.find((a) => a.id === accountId);
  if (!account) {
    throw new DomainError('validation_failed', [{ path: 'account', code: 'unknown_account', message: 'No such demo account', messageZh: '没有这个演示账号' }]);
  }
  const accessToken = await dev.issuer.sign({
    sub: account.id,
    username: account.id,
    groups: account.groups,
    orgId: account.orgId,
    expiresInSeconds: TOKEN_SECONDS,
  });
  return { account, token: { accessToken, tokenType: 'Bearer' as const, expiresIn: TOKEN_SECONDS } };
}

const ROLE_ZH: Record<string, string> = { university: '高校/院所', enterprise: '企业', transfer_center: '技术转移中心', admin: '市科技局管理员' };

function loginPage(dev: DevAccounts, issued?: { name: string; token: string }): string {
  const rows = dev.accounts
    .map(
      (a) => `<tr><td>${escapeHtml(a.displayName)}<div class="muted"><code>${escapeHtml(a.id)}</code></div></td>
<td>${escapeHtml(a.groups.map((g) => ROLE_ZH[g] ?? g).join('、') || '（新用户，未加入机构）')}</td>
<td>${escapeHtml(a.orgName ?? '—')}</td>
<td><form method="post" action="/api/v1/dev/login"><input type="hidden" name="account" value="${escapeHtml(a.id)}"><button type="submit" aria-label="以 ${escapeHtml(a.displayName)} 登录">登录 Sign in</button></form></td></tr>`,
    )
    .join('\n');
  const tokenBlock = issued
    ? `<section aria-live="polite"><h2>已登录：${escapeHtml(issued.name)} · Signed in</h2>
<p class="muted">访问令牌（8 小时有效）。调用 API 时放在 <code>Authorization: Bearer …</code> 中。 Access token, valid for 8 hours.</p>
<label for="token">Access token</label><textarea id="token" readonly>${escapeHtml(issued.token)}</textarea></section>`
    : '';
  return page(
    '演示登录 · Demo sign-in',
    `<h1>演示登录 <span class="muted">Demo sign-in (local only)</span></h1>
<p>本地运行时的演示账号。每个账号的令牌与 AWS Cognito 访问令牌结构相同，由本地签发方签名，并经同一 JWKS 校验。
<span class="muted">Seeded demo accounts; tokens are Cognito-shaped and verified through the same JWKS code path.</span></p>
${tokenBlock}
<table><thead><tr><th scope="col">账号 Account</th><th scope="col">角色 Role</th><th scope="col">机构 Organisation</th><th scope="col"><span class="muted">操作</span></th></tr></thead>
<tbody>${rows}</tbody></table>
<p class="muted">API 文档 <a href="/docs">/docs</a> · <a href="/api/v1/openapi.json">openapi.json</a></p>`,
  );
}

const app = new Hono<ApiEnv>()
  .get('/dev/accounts', (c) => c.json({ items: devOrThrow(c.var.deps.dev).accounts }))
  .post('/dev/token', async (c) => {
    const dev = devOrThrow(c.var.deps.dev);
    const { account } = await parseBody(c, tokenBody);
    return c.json((await issueToken(dev, account)).token);
  })
  .get('/dev/jwks.json', (c) => c.json(devOrThrow(c.var.deps.dev).issuer.jwks))
  .get('/dev/login', (c) => c.html(loginPage(devOrThrow(c.var.deps.dev))))
  .post('/dev/login', async (c) => {
    const dev = devOrThrow(c.var.deps.dev);
    const form = Object.fromEntries(Object.entries(await c.req.parseBody()).map(([k, v]) => [k, typeof v === 'string' ? v : '']));
    const parsed = tokenBody.safeParse(form);
    if (!parsed.success) throw new DomainError('validation_failed', issuesFromZod(parsed.error));
    const { account, token } = await issueToken(dev, parsed.data.account);
    return c.html(loginPage(dev, { name: account.displayName, token: token.accessToken }));
  })
  .route('/', devOAuth);

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const docs: RouteDoc[] = [
  { method: 'get', path: '/dev/accounts', tag: '本地 Local runner', access: 'local-only', summary: 'The seeded demo accounts with role and organisation', responses: { 200: { description: 'Accounts', schema: z.object({ items: z.array(accountSchema) }) } } },
  { method: 'post', path: '/dev/token', tag: '本地 Local runner', access: 'local-only', body: tokenBody, summary: 'An access token for a demo account', responses: { 200: { description: 'Token', schema: tokenSchema }, 400: problem } },
  { method: 'get', path: '/dev/jwks.json', tag: '本地 Local runner', access: 'local-only', summary: 'The local issuer’s JWKS', responses: { 200: { description: 'JWKS' } } },
  { method: 'get', path: '/dev/login', tag: '本地 Local runner', access: 'local-only', summary: 'Demo-login page', responses: { 200: { description: 'HTML', contentType: 'text/html' } } },
  { method: 'get', path: '/dev/oauth2/authorize', tag: '本地 Local runner', access: 'local-only', summary: 'Hosted-UI stand-in: authorization request (code + PKCE S256) → demo account picker', responses: { 200: { description: 'HTML', contentType: 'text/html' }, 400: problem } },
  { method: 'post', path: '/dev/oauth2/authorize', tag: '本地 Local runner', access: 'local-only', summary: 'Hosted-UI stand-in: the chosen account → redirect to the callback with a code', responses: { 302: { description: 'Redirect to redirect_uri?code&state' }, 400: problem } },
  { method: 'post', path: '/dev/oauth2/token', tag: '本地 Local runner', access: 'local-only', summary: 'Token endpoint (authorization_code with code_verifier, refresh_token), as Cognito’s /oauth2/token', responses: { 200: { description: 'Tokens (access_token, refresh_token, expires_in)' }, 400: { description: 'OAuth error (invalid_grant, unsupported_grant_type)' }, 401: { description: 'invalid_client' } } },
  { method: 'post', path: '/dev/oauth2/revoke', tag: '本地 Local runner', access: 'local-only', summary: 'Revokes a refresh token, as Cognito’s /oauth2/revoke', responses: { 200: { description: 'Revoked' }, 401: { description: 'invalid_client' } } },
  { method: 'get', path: '/dev/logout', tag: '本地 Local runner', access: 'local-only', summary: 'Hosted-UI stand-in: sign-out redirect to logout_uri', responses: { 302: { description: 'Redirect to logout_uri' }, 400: problem } },
  { method: 'post', path: '/dev/login', tag: '本地 Local runner', access: 'local-only', summary: 'Demo-login form post (application/x-www-form-urlencoded: account)', responses: { 200: { description: 'HTML with the token', contentType: 'text/html' }, 400: problem } },
];

export const dev = { app, docs };
