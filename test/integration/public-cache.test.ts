/**
 * What a shared cache (CloudFront) may keep: anonymous halls, detail pages, the dashboard and the home
 * page, as pages and as JSON, say `public, s-maxage, stale-while-revalidate`, carry an ETag and answer a
 * matching If-None-Match with 304. Nothing a signed-in person receives is cacheable, on any route.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PRIVATE_CACHE_CONTROL, PUBLIC_CACHE_CONTROL } from '../../functions/api/middleware/public-cache';
import { achievementInput } from '../fixtures';
import { startHarness, type Harness } from './harness';
import { PageClient, signInPages } from './page-client';

let h: Harness;
let achievementId: string;
let needId: string;

beforeAll(async () => {
  h = await startHarness();
  const hall = (await (await h.call('GET', '/api/v1/achievements?limit=1')).json()) as { items: { id: string }[] };
  achievementId = hall.items[0]!.id;
  const needs = (await (await h.call('GET', '/api/v1/needs?limit=1')).json()) as { items: { id: string }[] };
  needId = needs.items[0]!.id;
});

const PUBLIC = () => ['/', '/achievements', '/needs?q=%E5%85%89%E4%BC%8F', `/achievements/${achievementId}`, `/needs/${needId}`, '/stats', '/api/v1/achievements?q=光伏', '/api/v1/needs', `/api/v1/achievements/${achievementId}`, `/api/v1/needs/${needId}`, '/api/v1/stats'];

describe('anonymous public reads', () => {
  it('are cacheable by a shared cache, carry an ETag, and set no cookie', async () => {
    for (const path of PUBLIC()) {
      const res = await h.call('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(PUBLIC_CACHE_CONTROL);
      expect(res.headers.get('etag'), path).toMatch(/^"[^"]+"$/);
      expect(res.headers.getSetCookie(), path).toEqual([]);
      expect((await res.text()).length, path).toBeGreaterThan(0);
    }
  });

  it('answer a matching If-None-Match with 304 and no body, and a stale one with the page', async () => {
    for (const path of PUBLIC()) {
      const first = await h.call('GET', path);
      const etag = first.headers.get('etag')!;
      const again = await h.call('GET', path, { headers: { 'if-none-match': etag } });
      expect(again.status, path).toBe(304);
      expect(await again.text(), path).toBe('');
      expect(again.headers.get('etag'), path).toBe(etag);
      expect(again.headers.get('cache-control'), path).toBe(PUBLIC_CACHE_CONTROL);
      const listed = await h.call('GET', path, { headers: { 'if-none-match': `"stale", W/${etag}` } });
      expect(listed.status, path).toBe(304);
      const stale = await h.call('GET', path, { headers: { 'if-none-match': '"not-this-one"' } });
      expect(stale.status, path).toBe(200);
      expect((await stale.text()).length, path).toBeGreaterThan(0);
    }
  });

  it('a listing’s ETag stays its version (PATCH’s If-Match relies on it); a hall’s changes when the hall does', async () => {
    const detail = await h.call('GET', `/api/v1/achievements/${achievementId}`);
    const { version } = (await detail.json()) as { version: number };
    expect(detail.headers.get('etag')).toBe(`"${version}"`);

    const before = (await h.call('GET', '/api/v1/achievements?sort=newest')).headers.get('etag');
    const token = await h.token('demo-nxist');
    const created = (await (await h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title: '缓存测试用新成果' }) })).json()) as { id: string };
    expect((await h.call('POST', `/api/v1/achievements/${created.id}/publish`, { token })).status).toBe(200);
    await h.drain();
    const after = await h.call('GET', '/api/v1/achievements?sort=newest', { headers: { 'if-none-match': before! } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before);
  });

  it('a response that sets a cookie (the language switch) is not cached, nor are other routes or failures', async () => {
    const switched = await h.call('GET', '/achievements?lang=en');
    expect(switched.headers.getSetCookie().some((c) => c.startsWith('lang='))).toBe(true);
    expect(switched.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
    const english = await h.call('GET', '/achievements', { headers: { cookie: 'lang=en' } });
    expect(english.headers.get('cache-control')).toBe(PUBLIC_CACHE_CONTROL);
    expect(english.headers.get('etag')).not.toBe((await h.call('GET', '/achievements')).headers.get('etag'));
    for (const path of ['/login', '/api/v1/health', '/api/v1/achievements/ach_doesnotexist000', '/achievements/ach_doesnotexist000', '/api/v1/policies']) {
      expect((await h.call('GET', path)).headers.get('cache-control') ?? '', path).not.toContain('public');
    }
  });
});

describe('signed-in responses', () => {
  it('are never cacheable: API calls with a token, on public and private routes alike', async () => {
    const token = await h.token('demo-ent-cast');
    for (const path of [...PUBLIC().filter((p) => p.startsWith('/api/')), '/api/v1/notifications', '/api/v1/interests?box=sent']) {
      const res = await h.call('GET', path, { token });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(PRIVATE_CACHE_CONTROL);
      const conditional = await h.call('GET', path, { token, headers: { 'if-none-match': res.headers.get('etag') ?? '"x"' } });
      expect(conditional.status, path).toBe(200);
    }
  });

  it('are never cacheable: pages with a session, the public ones included', async () => {
    const client = new PageClient(h.app);
    await signInPages(client, 'demo-nxist');
    for (const path of [...PUBLIC().filter((p) => !p.startsWith('/api/')), '/me']) {
      const res = await client.get(path);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('cache-control'), path).toBe(PRIVATE_CACHE_CONTROL);
    }
    // A session cookie that no longer verifies still counts: the page may be about to renew it.
    const expired = await h.call('GET', '/achievements', { headers: { cookie: 'tm_session=not-a-token' } });
    expect(expired.headers.get('cache-control')).toBe(PRIVATE_CACHE_CONTROL);
  });
});
