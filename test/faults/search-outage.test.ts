/**
 * The search engine goes away: writes to the marketplace still succeed (the table is the truth), the
 * halls say the search is unavailable instead of failing obscurely, the indexer's records are retried,
 * and once the engine is back a reconcile leaves no drift between table and index.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedIndex } from '../../shared/search/embedded-index';
import { indexDrift, reindexFromTable } from '../../shared/search/reindex';
import type { SearchIndex } from '../../shared/search/search-index';
import { achievementInput } from '../fixtures';
import { problem, startHarness, type Harness } from '../integration/harness';

/** The real embedded engine behind a switch: down, every call fails as a refused connection would. */
class SwitchableEngine implements SearchIndex {
  readonly engine = 'embedded' as const;
  down = false;
  /** Fail only the next n calls, then recover by itself (a short outage). */
  failNext = 0;
  failedCalls = 0;
  constructor(private readonly real: SearchIndex) {}
  private check(): void {
    if (this.down || this.failNext > 0) {
      if (this.failNext > 0) this.failNext--;
      this.failedCalls++;
      throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:7700'), { code: 'ECONNREFUSED' });
    }
  }
  async applySettings() { this.check(); return this.real.applySettings(); }
  async upsert(...a: Parameters<SearchIndex['upsert']>) { this.check(); return this.real.upsert(...a); }
  async remove(...a: Parameters<SearchIndex['remove']>) { this.check(); return this.real.remove(...a); }
  async get(...a: Parameters<SearchIndex['get']>) { this.check(); return this.real.get(...a); }
  async search(...a: Parameters<SearchIndex['search']>) { this.check(); return this.real.search(...a); }
  async searchMany(...a: Parameters<SearchIndex['searchMany']>) { this.check(); return this.real.searchMany(...a); }
  async termStats(...a: Parameters<SearchIndex['termStats']>) { this.check(); return this.real.termStats(...a); }
  async allIds(...a: Parameters<SearchIndex['allIds']>) { this.check(); return this.real.allIds(...a); }
  async clear(...a: Parameters<SearchIndex['clear']>) { this.check(); return this.real.clear(...a); }
}

let h: Harness;
let engine: SwitchableEngine;
beforeAll(async () => {
  engine = new SwitchableEngine(createEmbeddedIndex());
  h = await startHarness({ search: engine });
}, 120_000);

async function publishAchievement(title: string, keyword: string): Promise<string> {
  const token = await h.token('demo-nxist');
  const created = await h.call('POST', '/api/v1/achievements', { token, body: achievementInput({ title, keywords: [keyword] }) });
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const published = await h.call('POST', `/api/v1/achievements/${id}/publish`, { token });
  expect(published.status).toBe(200);
  return id;
}

async function findable(q: string): Promise<string[]> {
  const res = await h.call('GET', `/api/v1/achievements?q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: { id: string }[] }).items.map((i) => i.id);
}

describe('search engine outage', () => {
  it('keeps accepting writes, answers searches 503, and a reconcile after recovery leaves zero drift', async () => {
    expect(await indexDrift(h.db, engine)).toEqual({ missing: [], extra: [], stale: [] });
    engine.down = true;
    const id = await publishAchievement('盐碱地枸杞滴灌水肥一体化技术', '水肥一体化');
    expect((await h.stored('achievement', id))?.status).toBe('published');

    const search = await problem(await h.call('GET', '/api/v1/achievements?q=水肥一体化'), 503);
    expect(search.code).toBe('search_unavailable');
    expect(search.titleZh).toMatch(/搜索/);
    const page = await h.call('GET', '/achievements?q=水肥一体化');
    expect(page.status).toBe(503);
    expect(await page.text()).toContain('搜索');

    // The stream delivered the publication; the indexer failed and the record was retried.
    await h.drain();
    const failedWhileDown = engine.failedCalls;
    expect(failedWhileDown).toBeGreaterThan(2);

    engine.down = false;
    const drift = await indexDrift(h.db, engine);
    expect(drift.missing).toContain(id);
    const repaired = await reindexFromTable(h.db, engine);
    expect(repaired.indexed).toBeGreaterThan(0);
    expect(await indexDrift(h.db, engine)).toEqual({ missing: [], extra: [], stale: [] });
    expect(await findable('水肥一体化')).toContain(id);
  });

  it('a short outage heals by the indexer’s own retries, with no reconcile', async () => {
    engine.failNext = 2;
    const id = await publishAchievement('煤矸石制备陶粒轻骨料技术', '陶粒');
    await h.drain();
    expect(engine.failNext).toBe(0);
    expect(await findable('陶粒')).toContain(id);
    expect(await indexDrift(h.db, engine)).toEqual({ missing: [], extra: [], stale: [] });
  });

  it('an archived listing that the index missed while down is removed by the reconcile', async () => {
    const id = await publishAchievement('工业硅冶炼余热回收发电技术', '余热回收');
    await h.drain();
    expect(await findable('余热回收')).toContain(id);
    engine.down = true;
    const archived = await h.call('POST', `/api/v1/achievements/${id}/archive`, { token: await h.token('demo-nxist') });
    expect(archived.status).toBe(200);
    await h.drain();
    engine.down = false;
    expect((await indexDrift(h.db, engine)).extra).toContain(id);
    expect((await reindexFromTable(h.db, engine)).removed).toBeGreaterThanOrEqual(1);
    expect(await indexDrift(h.db, engine)).toEqual({ missing: [], extra: [], stale: [] });
    expect(await findable('余热回收')).not.toContain(id);
  });

  it('a document indexed before it carried its terms reads as stale, and the reconcile writes them', async () => {
    const id = await publishAchievement('光伏组件积灰在线监测技术', '积灰');
    await h.drain();
    const held = (await engine.get('achievements', id))!;
    expect(held.terms?.doc.title.split('\n')).toEqual(expect.arrayContaining(['积灰']));
    const { terms: _terms, ...withoutTerms } = held;
    await engine.upsert('achievements', [withoutTerms]);
    expect((await indexDrift(h.db, engine)).stale).toEqual([id]);
    await reindexFromTable(h.db, engine);
    expect((await engine.get('achievements', id))!.terms).toEqual(held.terms);
    expect(await indexDrift(h.db, engine)).toEqual({ missing: [], extra: [], stale: [] });
  });

  it('a match asked while the engine is down is a 503 search_unavailable, whichever call failed first', async () => {
    const token = await h.token('demo-nxist');
    const id = await publishAchievement('煤化工废水零排放膜浓缩技术', '零排放');
    await h.drain();
    engine.down = true;
    try {
      const res = await h.call('GET', `/api/v1/achievements/${id}/matches`, { token });
      expect((await problem(res, 503)).code).toBe('search_unavailable');
    } finally {
      engine.down = false;
    }
  });
});
