/**
 * Tokens: only RS256 access tokens from the configured issuer and client, signed by a key in its JWKS,
 * and not expired. Everything else is 401 problem+json, even on public routes.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { readFileSync } from 'node:fs';
import { SignJWT, UnsecuredJWT, generateKeyPair, importJWK, type JWK } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { achievementInput } from '../fixtures';
import { problem, startHarness, type Harness } from '../integration/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

async function forged(options: { claims?: Record<string, unknown>; issuer?: string; expiresIn?: string; kid?: string; alg?: 'RS256' | 'HS256' } = {}) {
  const claims = { token_use: 'access', client_id: h.issuer.clientId, 'cognito:groups': ['university'], 'custom:orgId': h.orgIdOf('demo-nxist'), ...options.claims };
  const jwt = new SignJWT(claims).setSubject('demo-nxist').setIssuer(options.issuer ?? h.issuer.issuer).setIssuedAt().setExpirationTime(options.expiresIn ?? '1h');
  if (options.alg === 'HS256') return jwt.setProtectedHeader({ alg: 'HS256', kid: h.issuer.jwks.keys[0]!.kid! }).sign(new TextEncoder().encode('a-shared-secret-that-is-long-enough'));
  const { privateKey } = await generateKeyPair('RS256');
  return jwt.setProtectedHeader({ alg: 'RS256', kid: options.kid ?? h.issuer.jwks.keys[0]!.kid! }).sign(privateKey);
}

describe('token verification', () => {
  it('a genuine token works', async () => {
    const res = await h.call('POST', '/api/v1/achievements', { token: await h.token('demo-nxist'), body: achievementInput() });
    expect(res.status).toBe(201);
  });

  it('refuses a token signed by another key, alg none, HS256, expired, wrong issuer, wrong client, id tokens', async () => {
    const genuineKid = h.issuer.jwks.keys[0]!.kid!;
    const expired = await h.issuer.sign({ sub: 'demo-nxist', groups: ['university'], orgId: h.orgIdOf('demo-nxist'), expiresInSeconds: -60 });
    const none = new UnsecuredJWT({ token_use: 'access', client_id: h.issuer.clientId, 'cognito:groups': ['admin'] }).setSubject('x').setIssuer(h.issuer.issuer).setExpirationTime('1h').encode();
    const cases: [string, string][] = [
      ['wrong key, right kid', await forged({ kid: genuineKid })],
      ['alg none', none],
      ['HS256 with a guessed secret', await forged({ alg: 'HS256' })],
      ['expired', expired],
      ['wrong issuer', await forged({ issuer: 'https://cognito-idp.example/evil' })],
      ['wrong client', await forged({ claims: { client_id: 'another-client' } })],
      ['an id token', await forged({ claims: { token_use: 'id' } })],
      ['garbage', 'not-a-token'],
    ];
    // Drafts are not public: count what is stored, not what the hall shows.
    const stored = async () => (await h.db.doc.send(new ScanCommand({ TableName: h.db.tableName, Select: 'COUNT', ConsistentRead: true, FilterExpression: 'begins_with(pk, :a)', ExpressionAttributeValues: { ':a': 'ACHIEVEMENT#' } }))).Count;
    const count = await stored();
    for (const [name, token] of cases) {
      for (const [method, path, body] of [['POST', '/api/v1/achievements', achievementInput()], ['GET', '/api/v1/achievements', undefined]] as const) {
        const res = await h.call(method, path, { token, ...(body ? { body } : {}) });
        const p = await problem(res, 401);
        expect(p.code, name).toMatch(/^(invalid_token|unauthenticated)$/);
        expect(res.headers.get('www-authenticate')).toBe('Bearer');
      }
    }
    expect(await stored()).toBe(count);
  });

  it('a token signed with the real key but without an expiry is refused', async () => {
    const jwk = JSON.parse(readFileSync(h.issuerKeyFile, 'utf8')) as JWK;
    const realKey = await importJWK(jwk, 'RS256');
    const claims = { token_use: 'access', client_id: h.issuer.clientId, 'cognito:groups': ['university'], 'custom:orgId': h.orgIdOf('demo-nxist') };
    const sign = (withExpiry: boolean) => {
      const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: jwk.kid! }).setSubject('demo-nxist').setIssuer(h.issuer.issuer).setIssuedAt();
      return (withExpiry ? jwt.setExpirationTime('1h') : jwt).sign(realKey);
    };
    // The same token with an expiry works: only the missing claim is refused.
    expect((await h.call('POST', '/api/v1/achievements', { token: await sign(true), body: achievementInput() })).status).toBe(201);
    expect((await h.call('POST', '/api/v1/achievements', { token: await sign(false), body: achievementInput() })).status).toBe(401);
  });

  it('re-signing a token with changed claims breaks it (the admin group cannot be added)', async () => {
    const token = await h.token('demo-ent-pv');
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    claims['cognito:groups'] = ['admin'];
    const tampered = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    const res = await h.call('POST', `/api/v1/orgs/${h.orgIdOf('demo-ent-lithium')}/verify`, { token: tampered, body: { decision: 'verified' } });
    expect(res.status).toBe(401);
    expect(await h.stored('organisation', h.orgIdOf('demo-ent-lithium'))).toMatchObject({ verification: { status: 'pending' } });
  });

  it('the JWKS published by the local issuer has no private parts', async () => {
    const res = await h.call('GET', '/api/v1/dev/jwks.json');
    const jwks = (await res.json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(Object.keys(jwks.keys[0]!).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});

describe('local token issuer routes', () => {
  it('lists the demo accounts for every role and issues a token that works', async () => {
    const accounts = ((await (await h.call('GET', '/api/v1/dev/accounts')).json()) as { items: { id: string; groups: string[]; orgId: string | null; orgName: string | null }[] }).items;
    for (const role of ['university', 'enterprise', 'transfer_center', 'admin']) {
      expect(accounts.filter((a) => a.groups.includes(role)).length, role).toBeGreaterThanOrEqual(2);
    }
    const res = await h.call('POST', '/api/v1/dev/token', { body: { account: 'demo-ent-pv' } });
    const { accessToken } = (await res.json()) as { accessToken: string };
    const created = await h.call('POST', '/api/v1/needs', { token: accessToken, body: (await import('../fixtures')).needInput() });
    expect(created.status).toBe(201);
    expect(((await created.json()) as { ownerOrgName: string }).ownerOrgName).toBe('石嘴山星海光伏材料有限公司');
    expect((await problem(await h.call('POST', '/api/v1/dev/token', { body: { account: 'nobody' } }), 400)).errors![0]!.path).toBe('account');
    expect((await problem(await h.call('POST', '/api/v1/dev/token', { body: { account: 'demo-admin', groups: ['admin'] } }), 400)).code).toBe('validation_failed');
  });

  it('serves a demo-login page that signs in without client JavaScript', async () => {
    const page = await h.call('GET', '/api/v1/dev/login');
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    expect(html).toContain('演示登录');
    expect(html).toContain('宁夏理工学院');
    const signedIn = await h.call('POST', '/api/v1/dev/login', { rawBody: 'account=demo-admin', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const text = await signedIn.text();
    expect(text).toContain('已登录');
    const token = /<textarea id="token" readonly>([^<]+)<\/textarea>/.exec(text)![1]!;
    expect((await h.call('GET', '/api/v1/orgs?verification=pending', { token })).status).toBe(200);
  });
});
