/**
 * The figures the bureau steers by, from the verified record: monthly turnover and its cumulative
 * progress against the straight-line trajectory to the plan's 2025 targets; the funnel from listings to
 * rewards; turnover by broker and by university; and money approved and paid per program. The page
 * draws them (web/charts.ts) and the export writes the same figures (shared/services/export.ts).
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import { db as call } from '../db/errors';
import { keys } from '../db/keys';
import { PUBLIC_ACHIEVEMENT_STATUSES } from '../domain/achievement';
import type { Contract } from '../domain/contract';
import { shanghaiDate } from '../domain/listing-common';
import { CITY_TARGETS } from './stats';
import { programFigures } from './programs';

/** The plan's first month: the trajectory runs from nothing here to the targets at the deadline. */
export const PLAN_START_MONTH = '2023-01';
const COUNTED = ['registered', 'performing', 'completed'] as const;
const RECORDED = ['submitted', 'rejected', ...COUNTED, 'terminated'] as const;
const PUBLIC_NEED_STATUSES = ['published', 'in_negotiation', 'fulfilled'] as const;

/** Number of items in one partition of an index, without reading them (filter on status optional). */
async function count(db: Db, index: 'gsi1' | 'gsi2', partition: string, status?: string): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const out = await call(() =>
      db.doc.send(
        new QueryCommand({
          TableName: db.tableName, IndexName: index, Select: 'COUNT', KeyConditionExpression: `${index}pk = :p`,
          ExpressionAttributeValues: { ':p': partition, ...(status ? { ':s': status } : {}) },
          ...(status ? { FilterExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'status' } } : {}),
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      ),
    );
    total += out.Count ?? 0;
    start = out.LastEvaluatedKey;
  } while (start);
  return total;
}

/** 'YYYY-MM' months from `from` to `to` inclusive. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  const [ty, tm] = to.split('-').map(Number) as [number, number];
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    if (++m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

/** The straight line from 0 at the plan's first month to `target` at the deadline's month, flat after. */
export function trajectory(months: string[], target: number, start = PLAN_START_MONTH, end = CITY_TARGETS.deadline.slice(0, 7)): number[] {
  const span = monthsBetween(start, end).length;
  return months.map((m) => {
    if (m < start) return 0;
    const elapsed = monthsBetween(start, m).length;
    // Integer arithmetic on fen: ⌊target × elapsed / span⌋, the target itself from the deadline on.
    return elapsed >= span ? target : Math.floor((target * elapsed) / span);
  });
}

export interface MonthPoint {
  month: string;
  turnoverFen: number;
  cumulativeFen: number;
  targetFen: number;
  transformed: number;
  cumulativeTransformed: number;
  targetTransformed: number;
}

export interface Ranked {
  orgId: string;
  name: string;
  contracts: number;
  turnoverFen: number;
  verifiedPaidFen: number;
}

function rank(contracts: Contract[], idOf: (c: Contract) => string, nameOf: (c: Contract) => string): Ranked[] {
  const by = new Map<string, Ranked>();
  for (const c of contracts) {
    const id = idOf(c);
    const r = by.get(id) ?? { orgId: id, name: nameOf(c), contracts: 0, turnoverFen: 0, verifiedPaidFen: 0 };
    r.contracts++;
    r.turnoverFen += c.amountFen;
    r.verifiedPaidFen += c.verifiedFen;
    by.set(id, r);
  }
  return [...by.values()].sort((a, b) => b.turnoverFen - a.turnoverFen || (a.name < b.name ? -1 : 1));
}

export async function dashboard(db: Db, now: Date) {
  const [recorded, verifiedPayments, claims, verifiedOrgs, listingCounts] = await Promise.all([
    Promise.all(RECORDED.map((s) => repo.contractsWithStatus(db, s))).then((l) => l.flat()),
    repo.paymentsWithStatus(db, 'verified'),
    Promise.all(['approved', 'paid'].map((s) => repo.claimsWithStatus(db, s))).then((l) => l.flat()),
    repo.queryAll<{ id: string }>(db, { index: 'gsi1', partition: keys.organisationsByVerification('verified') }),
    Promise.all([
      ...PUBLIC_ACHIEVEMENT_STATUSES.map((s) => count(db, 'gsi1', keys.listingsByStatus('achievement', s))),
      ...PUBLIC_NEED_STATUSES.map((s) => count(db, 'gsi1', keys.listingsByStatus('need', s))),
    ]),
  ]);
  const counted = recorded.filter((c) => (COUNTED as readonly string[]).includes(c.status));
  const byId = new Map(counted.map((c) => [c.id, c]));
  // Interests live under the organisation that received them: one count per verified organisation.
  const [interests, accepted] = await Promise.all([
    Promise.all(verifiedOrgs.map((o) => count(db, 'gsi1', keys.interestsReceived(o.id)))).then((n) => n.reduce((s, x) => s + x, 0)),
    Promise.all(verifiedOrgs.map((o) => count(db, 'gsi1', keys.interestsReceived(o.id), 'accepted'))).then((n) => n.reduce((s, x) => s + x, 0)),
  ]);

  // An achievement is transformed in the month of the first verified payment on a counted contract for it.
  const firstPaid = new Map<string, string>();
  for (const p of verifiedPayments) {
    const achievement = byId.get(p.contractId)?.achievementId;
    if (!achievement) continue;
    const month = p.paidOn.slice(0, 7);
    if (!firstPaid.has(achievement) || month < firstPaid.get(achievement)!) firstPaid.set(achievement, month);
  }
  const thisMonth = shanghaiDate(now).slice(0, 7);
  const earliest = [...counted.map((c) => c.signedOn.slice(0, 7)), ...firstPaid.values()].reduce((a, b) => (b < a ? b : a), PLAN_START_MONTH);
  const months = monthsBetween(earliest, thisMonth);
  const turnoverTarget = trajectory(months, CITY_TARGETS.turnoverFen);
  const transformedTarget = trajectory(months, CITY_TARGETS.transformedAchievements);
  let cumulative = 0;
  let cumulativeTransformed = 0;
  const monthly: MonthPoint[] = months.map((month, i) => {
    const turnoverFen = counted.filter((c) => c.signedOn.startsWith(month)).reduce((s, c) => s + c.amountFen, 0);
    const transformed = [...firstPaid.values()].filter((m) => m === month).length;
    cumulative += turnoverFen;
    cumulativeTransformed += transformed;
    return { month, turnoverFen, cumulativeFen: cumulative, targetFen: turnoverTarget[i]!, transformed, cumulativeTransformed, targetTransformed: transformedTarget[i]! };
  });

  const rewarded = new Set(claims.map((c) => c.contractId));
  const funnel = [
    { stage: 'listings', count: listingCounts.reduce((s, x) => s + x, 0) },
    { stage: 'interests', count: interests },
    { stage: 'accepted', count: accepted },
    { stage: 'contracts', count: recorded.length },
    { stage: 'registered', count: counted.length },
    { stage: 'verified', count: counted.filter((c) => c.verifiedFen > 0).length },
    { stage: 'rewarded', count: counted.filter((c) => rewarded.has(c.id)).length },
  ] as const;

  return {
    months: monthly,
    funnel,
    byBroker: rank(counted, (c) => c.brokerOrgId, (c) => c.brokerOrgName),
    bySeller: rank(counted, (c) => c.sellerOrgId, (c) => c.sellerOrgName),
    programs: await programFigures(db, now),
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
export const FUNNEL_LABELS: Record<Dashboard['funnel'][number]['stage'], { zh: string; en: string }> = {
  listings: { zh: '公开的成果与需求', en: 'Public listings' },
  interests: { zh: '合作意向与揭榜方案', en: 'Interests and proposals' },
  accepted: { zh: '已接受', en: 'Accepted' },
  contracts: { zh: '登记的技术合同', en: 'Contracts recorded' },
  registered: { zh: '已认定登记', en: 'Registered' },
  verified: { zh: '有核验到账', en: 'With verified payments' },
  rewarded: { zh: '已批准奖励', en: 'Reward approved' },
};
