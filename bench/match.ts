/**
 * npm run bench:match — matching quality on the Chinese relevance set in test/fixtures/relevance/,
 * through the production matching service (shared/services/matching.ts: matchNeed, matchAchievement),
 * as a robustness matrix: every listing's keyword box filled in three ways (as given; the industry word
 * only; phrases cut from the title at punctuation), need → achievement on the original needs and on the
 * plant-style needs, and achievement → need. Embedded engine always; Meilisearch too when MEILI_URL is set.
 *
 * Targets (issue 11), need → achievement on the original set: precision@5 ≥ 0.80 with the keywords as
 * given and ≥ 0.75 in every other style; nDCG@10 ≥ 0.85.
 */
import { createEmbeddedIndex } from '../shared/search/embedded-index';
import { createMeilisearchIndex } from '../shared/search/meilisearch-index';
import type { SearchIndex } from '../shared/search/search-index';
import { writeResult } from './lib';
import { achievementToNeed, KEYWORD_STYLES, loadIndex, loadRelevanceSet, mean, needToAchievement, reachablePrecisionAt5, type KeywordStyle } from './relevance-set';

const TARGETS = { precisionAt5Given: 0.8, precisionAt5OtherStyles: 0.75, ndcgAt10: 0.85 };

async function main() {
  const set = loadRelevanceSet();
  const engines: [string, () => SearchIndex][] = [['embedded', createEmbeddedIndex]];
  if (process.env.MEILI_URL) {
    const url = process.env.MEILI_URL;
    const apiKey = process.env.MEILI_API_KEY;
    engines.push(['meilisearch', () => createMeilisearchIndex({ url, ...(apiKey ? { apiKey } : {}), indexPrefix: `bench-${Date.now()}` })]);
  } else {
    console.log('[bench:match] MEILI_URL not set: Meilisearch not measured.');
  }
  const subsets = [...new Set(set.needs.map((n) => n.subset))];
  const ceilings = Object.fromEntries(subsets.map((s) => [s, reachablePrecisionAt5(set, s)]));
  console.log(
    `[bench:match] ${set.needs.length} needs (${subsets.map((s) => `${set.needs.filter((n) => n.subset === s).length} ${s}`).join(', ')}), ${set.achievements.length} achievements`,
  );
  for (const s of subsets) {
    console.log(`[bench:match] best possible precision@5, ${s} needs: ${ceilings[s]!.judged} by the judgments, ${ceilings[s]!.underConstraints} once the hard constraints (industry, TRL, budget) apply`);
  }

  const results: Record<string, unknown> = {};
  const checks: { what: string; value: number; target: number; pass: boolean }[] = [];
  for (const [engine, make] of engines) {
    const table: Record<string, Record<string, number | string>> = {};
    const perStyle: Record<string, unknown> = {};
    const started = performance.now();
    for (const style of KEYWORD_STYLES as readonly KeywordStyle[]) {
      const index = make();
      const loaded = await loadIndex(index, set, style);
      const forward = await needToAchievement(index, set, loaded);
      const reverse = await achievementToNeed(index, set, loaded);
      const rows: Record<string, ReturnType<typeof mean>> = {
        ...Object.fromEntries(subsets.map((s) => [`need→achievement (${s})`, mean(forward.filter((r) => r.subset === s))])),
        'need→achievement (all)': mean(forward),
        'achievement→need': mean(reverse),
      };
      for (const [direction, m] of Object.entries(rows)) {
        table[`${style} · ${direction}`] = { queries: m.queries, 'P@5': m.precisionAt5, 'R@10': m.recallAt10, 'nDCG@10': m.ndcgAt10, MRR: m.mrr };
      }
      perStyle[style] = { ...rows, perQuery: { needToAchievement: forward, achievementToNeed: reverse } };
      const original = rows['need→achievement (original)'];
      if (original) {
        const target = style === 'given' ? TARGETS.precisionAt5Given : TARGETS.precisionAt5OtherStyles;
        checks.push({ what: `${engine} ${style}: P@5 (original)`, value: original.precisionAt5, target, pass: original.precisionAt5 >= target });
        checks.push({ what: `${engine} ${style}: nDCG@10 (original)`, value: original.ndcgAt10, target: TARGETS.ndcgAt10, pass: original.ndcgAt10 >= TARGETS.ndcgAt10 });
      }
    }
    console.log(`[bench:match] ${engine}`);
    console.table(table);
    results[engine] = { seconds: Math.round((performance.now() - started) / 100) / 10, styles: perStyle };
  }
  console.table(Object.fromEntries(checks.map((c) => [c.what, { value: c.value, target: c.target, pass: c.pass }])));
  const file = writeResult('match', {
    needs: set.needs.length,
    achievements: set.achievements.length,
    ceilings,
    targets: TARGETS,
    checks,
    engines: results,
  });
  console.log(`[bench:match] written ${file}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
