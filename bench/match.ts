/**
 * npm run bench:match — need → achievement matching quality on the Chinese relevance set in
 * test/fixtures/relevance/ (≥ 40 needs, ≥ 300 achievements, graded judgments 3/2/1). Prints precision@5,
 * recall@10 and nDCG@10 for the embedded engine, and for Meilisearch too when MEILI_URL is set.
 * Targets (issue 3): precision@5 ≥ 0.7, nDCG@10 ≥ 0.75.
 *
 * Relevant = any graded judgment (1–3); nDCG uses the grades as gains (2^g − 1). The matching code under
 * test is the production one (shared/services/matching.ts), only the listings come from the fixture.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newAchievement, transitionAchievement, type CreateAchievementInput } from '../shared/domain/achievement';
import type { Need } from '../shared/domain/need';
import { achievementDocument } from '../shared/search/documents';
import { createEmbeddedIndex } from '../shared/search/embedded-index';
import { createMeilisearchIndex } from '../shared/search/meilisearch-index';
import type { SearchIndex } from '../shared/search/search-index';
import { matchNeed } from '../shared/services/matching';
import { writeResult } from './lib';

const dir = join(process.cwd(), 'test', 'fixtures', 'relevance');
type FixtureAchievement = Pick<CreateAchievementInput, 'title' | 'summary' | 'industry' | 'keywords' | 'trl' | 'transferModes' | 'price'> & { id: string };
type FixtureNeed = Pick<Need, 'title' | 'problem' | 'acceptanceCriteria' | 'industry' | 'keywords' | 'minTrl' | 'budget'> & { id: string };
const achievements = JSON.parse(readFileSync(join(dir, 'achievements.json'), 'utf8')) as FixtureAchievement[];
const needs = JSON.parse(readFileSync(join(dir, 'needs.json'), 'utf8')) as FixtureNeed[];
const judgments = JSON.parse(readFileSync(join(dir, 'judgments.json'), 'utf8')) as Record<string, Record<string, number>>;

function documents() {
  const at = new Date('2026-11-01T00:00:00Z');
  return achievements.map((a, i) => {
    const record = newAchievement(
      { ...a, confidentialDetail: '', ip: [], team: { leader: '—', members: [] }, contact: { name: '—', phone: '0952-0000000', email: 'bench@example.cn' } },
      { id: a.id, ownerOrgId: `org_bench_${i % 8}`, ownerOrgName: '评测机构', ownerDistrict: '大武口区' },
      at,
    );
    return achievementDocument(transitionAchievement(record, 'publish', at));
  });
}

function dcg(gains: number[]): number {
  return gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

async function evaluate(index: SearchIndex) {
  await index.applySettings();
  await index.clear('achievements');
  await index.upsert('achievements', documents());
  const perNeed: { need: string; title: string; precisionAt5: number; recallAt10: number; ndcgAt10: number; top5: string[]; queryWords: string[] }[] = [];
  for (const need of needs) {
    const graded = judgments[need.id] ?? {};
    const relevant = Object.keys(graded).filter((id) => graded[id]! > 0);
    const result = await matchNeed(index, { ...need, ownerOrgId: 'org_bench_need' }, 10);
    const ranked = result.items.map((m) => String(m.listing.id));
    const gains = ranked.map((id) => graded[id] ?? 0);
    const ideal = Object.values(graded).sort((a, b) => b - a).slice(0, 10);
    perNeed.push({
      need: need.id,
      title: need.title,
      precisionAt5: ranked.slice(0, 5).filter((id) => relevant.includes(id)).length / 5,
      recallAt10: relevant.length ? ranked.slice(0, 10).filter((id) => relevant.includes(id)).length / relevant.length : 0,
      ndcgAt10: ideal.length ? dcg(gains.slice(0, 10)) / dcg(ideal) : 0,
      top5: ranked.slice(0, 5).map((id) => `${id}:${graded[id] ?? 0}`),
      queryWords: result.queryWords.map((w) => w.word),
    });
  }
  const mean = (key: 'precisionAt5' | 'recallAt10' | 'ndcgAt10') => Math.round((perNeed.reduce((s, n) => s + n[key], 0) / perNeed.length) * 1000) / 1000;
  return { precisionAt5: mean('precisionAt5'), recallAt10: mean('recallAt10'), ndcgAt10: mean('ndcgAt10'), perNeed };
}

async function main() {
  const engines: [string, SearchIndex][] = [['embedded', createEmbeddedIndex()]];
  if (process.env.MEILI_URL) {
    engines.push(['meilisearch', createMeilisearchIndex({ url: process.env.MEILI_URL, ...(process.env.MEILI_API_KEY ? { apiKey: process.env.MEILI_API_KEY } : {}), indexPrefix: `bench-${Date.now()}` })]);
  } else {
    console.log('[bench:match] MEILI_URL not set: Meilisearch not measured.');
  }
  const results: Record<string, unknown> = {};
  const table: Record<string, Record<string, unknown>> = {};
  // The best precision@5 any ranking could reach, given how many relevant achievements each need has.
  const ceiling = Math.round((needs.reduce((s, n) => s + Math.min(5, Object.values(judgments[n.id] ?? {}).filter((g) => g > 0).length) / 5, 0) / needs.length) * 1000) / 1000;
  for (const [name, index] of engines) {
    const started = performance.now();
    const r = await evaluate(index);
    results[name] = { ...r, seconds: Math.round((performance.now() - started) / 100) / 10 };
    table[name] = { 'precision@5': r.precisionAt5, 'recall@10': r.recallAt10, 'nDCG@10': r.ndcgAt10, 'P@5 pass (≥0.7)': r.precisionAt5 >= 0.7, 'nDCG pass (≥0.75)': r.ndcgAt10 >= 0.75 };
  }
  console.log(`[bench:match] ${needs.length} needs, ${achievements.length} achievements; best possible precision@5 on this set: ${ceiling}`);
  console.table(table);
  console.log(`[bench:match] written ${writeResult('match', { needs: needs.length, achievements: achievements.length, precisionAt5Ceiling: ceiling, targets: { precisionAt5: 0.7, ndcgAt10: 0.75 }, engines: results })}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
