/**
 * The city's KPIs, computed from the verified record: registered contracts (turnover), verified payments
 * (performed), transformed achievements (an achievement linked to a registered contract with at least one
 * verified payment), and approved rewards — against the targets of the plan (clauses 1 and 7).
 */
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import type { Contract } from '../domain/contract';

export const CITY_TARGETS = {
  /** 到 2025 年，共形成转化科技成果 300 项 */
  transformedAchievements: 300,
  /** 技术合同成交额累计达到 8 亿元 */
  turnoverFen: 80_000_000_000,
  /** 技术合同成交额占 GDP 比重达到 0.7% 以上 */
  turnoverShareOfGdp: 0.007,
  deadline: '2025-12-31',
} as const;

const COUNTED = ['registered', 'performing', 'completed'] as const;

interface Bucket {
  key: string;
  contracts: number;
  turnoverFen: number;
  verifiedPaidFen: number;
  transformedAchievements: number;
  contractIds?: string[];
}

function bucketise(contracts: Contract[], keyOf: (c: Contract) => string, withIds: boolean): Bucket[] {
  const buckets = new Map<string, Bucket & { achievements: Set<string> }>();
  for (const c of contracts) {
    const key = keyOf(c);
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { key, contracts: 0, turnoverFen: 0, verifiedPaidFen: 0, transformedAchievements: 0, achievements: new Set(), ...(withIds ? { contractIds: [] } : {}) }));
    b.contracts++;
    b.turnoverFen += c.amountFen;
    b.verifiedPaidFen += c.verifiedFen;
    if (c.achievementId && c.verifiedFen > 0) b.achievements.add(c.achievementId);
    b.contractIds?.push(c.id);
  }
  return [...buckets.values()]
    .map(({ achievements, ...b }) => ({ ...b, transformedAchievements: achievements.size }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}

export async function cityStats(db: Db, principal: Principal | null, options: { gdpFen?: number } = {}) {
  const contracts = (await Promise.all(COUNTED.map((s) => repo.contractsWithStatus(db, s)))).flat();
  // A paid claim was approved first: both count as approved; paid ones also as paid.
  const [approvedOnly, paid] = await Promise.all([repo.claimsWithStatus(db, 'approved'), repo.claimsWithStatus(db, 'paid')]);
  const approved = [...approvedOnly, ...paid];
  const admin = principal?.isAdmin ?? false;
  const turnoverFen = contracts.reduce((s, c) => s + c.amountFen, 0);
  const verifiedPaidFen = contracts.reduce((s, c) => s + c.verifiedFen, 0);
  const transformed = new Set(contracts.filter((c) => c.achievementId && c.verifiedFen > 0).map((c) => c.achievementId!));
  const rewardsApprovedFen = approved.reduce((s, c) => s + c.amountFen, 0);
  return {
    targets: CITY_TARGETS,
    totals: {
      contracts: contracts.length,
      turnoverFen,
      verifiedPaidFen,
      transformedAchievements: transformed.size,
      rewardsApprovedFen,
      rewardsPaidFen: paid.reduce((s, c) => s + c.amountFen, 0),
    },
    progress: {
      transformedAchievements: Math.round((transformed.size / CITY_TARGETS.transformedAchievements) * 10_000) / 10_000,
      turnover: Math.round((turnoverFen / CITY_TARGETS.turnoverFen) * 10_000) / 10_000,
      // Needs the city's GDP (CITY_GDP_FEN); without it the share is not computed rather than guessed.
      turnoverShareOfGdp: options.gdpFen ? Math.round((turnoverFen / options.gdpFen) * 1_000_000) / 1_000_000 : null,
    },
    byYear: bucketise(contracts, (c) => c.signedOn.slice(0, 4), admin),
    byIndustry: bucketise(contracts, (c) => c.industry ?? '未分类', admin),
    byDistrict: bucketise(contracts, (c) => c.district ?? '未知', admin),
    ...(admin ? { contractIds: { turnover: contracts.map((c) => c.id), transformed: contracts.filter((c) => c.achievementId && c.verifiedFen > 0).map((c) => c.id) } } : {}),
  };
}
