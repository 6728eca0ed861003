/**
 * The relevance set in test/fixtures/relevance/ and how it is measured: needs and achievements loaded
 * into a real SearchIndex as the marketplace would publish them, the keyword box refilled in several
 * styles (as given; the industry word only; phrases cut from the title), and precision@5, recall@10 and
 * nDCG@10 in both directions through the production matching service (shared/services/matching.ts).
 *
 * Judgments are graded 3/2/1 per need (see SOURCES.md); relevant = any grade; nDCG gains are 2^g − 1.
 * The achievement → need direction reads the same judgments the other way round.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { newAchievement, priceFloorFen, transitionAchievement, type Achievement, type CreateAchievementInput } from '../shared/domain/achievement';
import { industryFit, maturityFit, priceFit } from '../shared/domain/matching';
import { newNeed, transitionNeed, type Need } from '../shared/domain/need';
import { achievementDocument, needDocument } from '../shared/search/documents';
import type { SearchIndex } from '../shared/search/search-index';
import { matchAchievement, matchNeed } from '../shared/services/matching';

const dir = join(process.cwd(), 'test', 'fixtures', 'relevance');

type FixtureAchievement = Pick<CreateAchievementInput, 'title' | 'summary' | 'industry' | 'keywords' | 'trl' | 'transferModes' | 'price'> & { id: string };
type FixtureNeed = Pick<Need, 'title' | 'problem' | 'acceptanceCriteria' | 'industry' | 'keywords' | 'minTrl' | 'budget'> & { id: string };

export interface RelevanceSet {
  achievements: FixtureAchievement[];
  needs: (FixtureNeed & { subset: 'original' | 'plant' })[];
  /** need id → achievement id → grade 1–3. */
  judgments: Record<string, Record<string, number>>;
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(dir, name), 'utf8')) as T;
}

export function loadRelevanceSet(): RelevanceSet {
  const original = readJson<FixtureNeed[]>('needs.json').map((n) => ({ ...n, subset: 'original' as const }));
  const plant = existsSync(join(dir, 'needs-plant.json')) ? readJson<FixtureNeed[]>('needs-plant.json').map((n) => ({ ...n, subset: 'plant' as const })) : [];
  return { achievements: readJson('achievements.json'), needs: [...original, ...plant], judgments: readJson('judgments.json') };
}

export const KEYWORD_STYLES = ['given', 'industry', 'title_phrases'] as const;
export type KeywordStyle = (typeof KEYWORD_STYLES)[number];

/** Phrases of a title cut at its punctuation, as an owner who pastes the title into the box would. */
export function titlePhrases(title: string): string[] {
  const phrases = title
    .split(/[\s，,、；;：:。.！!？?（）()【】\[\]《》“”"'‘’·—\-/]+/u)
    .map((p) => p.trim().slice(0, 20))
    .filter((p) => p.length > 0);
  return [...new Set(phrases)].slice(0, 10);
}

export function keywordsInStyle(listing: { title: string; industry: string; keywords: string[] }, style: KeywordStyle): string[] {
  if (style === 'industry') return [listing.industry];
  if (style === 'title_phrases') return titlePhrases(listing.title);
  return listing.keywords;
}

const AT = new Date('2026-11-01T00:00:00Z');
/** The day the benchmark matches on: every fixture need's deadline is after it. */
export const MATCH_DAY = new Date('2026-11-02T00:00:00Z');

export function achievementRecord(a: FixtureAchievement, i: number, style: KeywordStyle): Achievement {
  const record = newAchievement(
    { ...a, keywords: keywordsInStyle(a, style), confidentialDetail: '', ip: [], team: { leader: '—', members: [] }, contact: { name: '—', phone: '0952-0000000', email: 'bench@example.cn' } },
    { id: a.id, ownerOrgId: `org_bench_uni_${i % 8}`, ownerOrgName: '评测高校', ownerDistrict: '大武口区' },
    AT,
  );
  return transitionAchievement(record, 'publish', AT);
}

export function needRecord(n: FixtureNeed, i: number, style: KeywordStyle): Need {
  const record = newNeed(
    {
      title: n.title,
      problem: n.problem,
      acceptanceCriteria: n.acceptanceCriteria,
      industry: n.industry,
      keywords: keywordsInStyle(n, style),
      budget: n.budget,
      minTrl: n.minTrl ?? null,
      deadline: '2027-06-30',
      cooperationModes: ['joint_development'],
      confidentialDetail: '',
      challenge: null,
      contact: { name: '—', phone: '0952-0000000', email: 'bench@example.cn' },
    },
    { id: n.id, ownerOrgId: `org_bench_ent_${i % 8}`, ownerOrgName: '评测企业', ownerDistrict: '大武口区' },
    AT,
  );
  return transitionNeed(record, 'publish', AT);
}

/** Loads both sides, every listing's keywords in one style, as published listings. */
export async function loadIndex(index: SearchIndex, set: RelevanceSet, style: KeywordStyle) {
  await index.applySettings();
  await index.clear('achievements');
  await index.clear('needs');
  const achievements = set.achievements.map((a, i) => achievementRecord(a, i, style));
  const needs = set.needs.map((n, i) => needRecord(n, i, style));
  await index.upsert('achievements', achievements.map(achievementDocument));
  await index.upsert('needs', needs.map(needDocument));
  return { achievements, needs };
}

function dcg(gains: number[]): number {
  return gains.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0);
}

export interface QueryResult {
  id: string;
  precisionAt5: number;
  recallAt10: number;
  ndcgAt10: number;
  /** Reciprocal rank of the first relevant counterpart (0 when none in the top 10). */
  reciprocalRank: number;
  top5: string[];
}

export function measure(id: string, ranked: string[], graded: Record<string, number>): QueryResult {
  const relevant = new Set(Object.keys(graded).filter((k) => graded[k]! > 0));
  const ideal = Object.values(graded).sort((a, b) => b - a).slice(0, 10);
  const first = ranked.slice(0, 10).findIndex((r) => relevant.has(r));
  return {
    id,
    precisionAt5: ranked.slice(0, 5).filter((r) => relevant.has(r)).length / 5,
    recallAt10: relevant.size ? ranked.slice(0, 10).filter((r) => relevant.has(r)).length / relevant.size : 0,
    ndcgAt10: ideal.length ? dcg(ranked.slice(0, 10).map((r) => graded[r] ?? 0)) / dcg(ideal) : 0,
    reciprocalRank: first < 0 ? 0 : 1 / (first + 1),
    top5: ranked.slice(0, 5).map((r) => `${r}:${graded[r] ?? 0}`),
  };
}

export function mean(results: QueryResult[]) {
  const avg = (key: 'precisionAt5' | 'recallAt10' | 'ndcgAt10' | 'reciprocalRank') =>
    results.length ? Math.round((results.reduce((s, r) => s + r[key], 0) / results.length) * 1000) / 1000 : Number.NaN;
  return { queries: results.length, precisionAt5: avg('precisionAt5'), recallAt10: avg('recallAt10'), ndcgAt10: avg('ndcgAt10'), mrr: avg('reciprocalRank') };
}

/** Need → achievements for every need of the set, on an index loaded by loadIndex. */
export async function needToAchievement(index: SearchIndex, set: RelevanceSet, loaded: { needs: Need[] }) {
  const out: (QueryResult & { subset: string })[] = [];
  for (const [i, need] of loaded.needs.entries()) {
    const result = await matchNeed(index, need, 10);
    out.push({ ...measure(need.id, result.items.map((m) => String(m.listing.id)), set.judgments[need.id] ?? {}), subset: set.needs[i]!.subset });
  }
  return out;
}

/** The judgments read the other way: achievement → need → grade. */
export function reverseJudgments(set: RelevanceSet): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [needId, graded] of Object.entries(set.judgments)) {
    for (const [achievementId, grade] of Object.entries(graded)) (out[achievementId] ??= {})[needId] = grade;
  }
  return out;
}

/** Achievement → needs for every achievement some need was judged relevant to. */
export async function achievementToNeed(index: SearchIndex, set: RelevanceSet, loaded: { achievements: Achievement[] }) {
  const reverse = reverseJudgments(set);
  const out: QueryResult[] = [];
  for (const a of loaded.achievements) {
    const graded = reverse[a.id];
    if (!graded) continue;
    const result = await matchAchievement(index, a, 10, MATCH_DAY);
    out.push(measure(a.id, result.items.map((m) => String(m.listing.id)), graded));
  }
  return out;
}

/**
 * The best precision@5 any ranking could reach on a subset: by the judgments alone, and once the hard
 * constraints (industry compatibility, minimum TRL, asking price within the budget) have removed the
 * judged achievements the marketplace may not propose for that need.
 */
export function reachablePrecisionAt5(set: RelevanceSet, subset: string): { judged: number; underConstraints: number } {
  const needs = set.needs.filter((n) => n.subset === subset);
  const byId = new Map(set.achievements.map((a) => [a.id, a]));
  let judged = 0;
  let reachable = 0;
  for (const need of needs) {
    const relevant = Object.entries(set.judgments[need.id] ?? {}).filter(([, g]) => g > 0).map(([id]) => byId.get(id)!);
    const budgetMax = need.budget.kind === 'range' ? need.budget.maxFen : undefined;
    const allowed = relevant.filter(
      (a) =>
        industryFit(need.industry, a.industry).value > 0 &&
        maturityFit(a.trl, need.minTrl ?? null).value > 0 &&
        priceFit(priceFloorFen(a.price), budgetMax).value > 0,
    );
    judged += Math.min(5, relevant.length) / 5;
    reachable += Math.min(5, allowed.length) / 5;
  }
  const round = (x: number) => Math.round((x / Math.max(1, needs.length)) * 1000) / 1000;
  return { judged: round(judged), underConstraints: round(reachable) };
}
