/** Health, the OpenAPI document (generated from the same zod schemas) and the docs UI. */
import { beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});

describe('health', () => {
  it('reports the table and search engine in use', async () => {
    const res = await h.call('GET', '/api/v1/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', mode: 'local', table: { name: h.db.tableName, reachable: true }, search: { engine: 'embedded' } });
  });
});

describe('OpenAPI 3.1', () => {
  it('describes every mounted route, and nothing that is not mounted', async () => {
    const doc = (await (await h.call('GET', '/api/v1/openapi.json')).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} /api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`));
    const mounted = h.app.routes
      .filter((r) => r.path.startsWith('/api/v1/') && r.method !== 'ALL' && r.path !== '/api/v1/openapi.json')
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(mounted)].sort()).toEqual([...new Set(documented)].sort());
  });

  it('request schemas come from the zod schemas: strict bodies, fen as integers, industries as enums', async () => {
    const doc = (await (await h.call('GET', '/api/v1/openapi.json')).json()) as any;
    const create = doc.paths['/achievements'].post.requestBody.content['application/json'].schema;
    expect(create.additionalProperties).toBe(false);
    expect(create.required).toEqual(expect.arrayContaining(['title', 'summary', 'industry', 'trl', 'price', 'contact']));
    expect(create.properties.industry.enum).toContain('精制双氰胺');
    const fixedPrice = create.properties.price.oneOf ?? create.properties.price.anyOf;
    expect(JSON.stringify(fixedPrice)).toContain('"type":"integer"');
    expect(doc.paths['/achievements/{id}'].patch.parameters).toContainEqual(expect.objectContaining({ name: 'If-Match', in: 'header', required: true }));
    expect(doc.paths['/achievements'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['industry', 'trlMin', 'mode', 'priceMaxFen', 'status', 'cursor', 'limit']),
    );
  });

  it('serves a docs UI from this server, without a CDN', async () => {
    const page = await h.app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/docs/assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    const bundle = await h.app.request('/docs/assets/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
    expect((await bundle.text()).length).toBeGreaterThan(100_000);
    // Outside /api a person gets the friendly 404 page, never a file from disk.
    const traversal = await h.app.request('/docs/assets/..%2Fpackage.json');
    expect(traversal.status).toBe(404);
    expect(await traversal.text()).toContain('页面不存在');
    for (const inherited of ['constructor', '__proto__', 'toString']) {
      expect((await h.app.request(`/docs/assets/${inherited}`)).status).toBe(404);
    }
  });
});
