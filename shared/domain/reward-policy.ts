/**
 * Versioned reward policies and the one place the brokerage reward rule is computed (clause 6 of the
 * city's plan: 10% of the amount actually performed, at most 200,000 CNY per contract). A policy has a
 * validity window and eligibility; the policy in force on a payment's date governs that payment.
 */
import * as z from 'zod';
import { DomainError } from './errors';
import { dateSchema, text } from './listing-common';
import { positiveFenSchema, shareOf } from './money';
import { ORG_TYPES } from './organisation';

export const CONTRACT_KINDS = ['development', 'transfer', 'licence', 'consulting', 'service'] as const;
export const CONTRACT_KIND_LABELS_ZH: Record<(typeof CONTRACT_KINDS)[number], string> = {
  development: '技术开发',
  transfer: '技术转让',
  licence: '技术许可',
  consulting: '技术咨询',
  service: '技术服务',
};
export type ContractKind = (typeof CONTRACT_KINDS)[number];

export const createPolicyBody = z
  .object({
    name: text(4, 200),
    source: text(0, 500).optional().describe('The document the policy comes from'),
    rateBp: z.number().int().min(1).max(10_000).describe('Reward rate in basis points of the performed amount: 1000 = 10%'),
    capFenPerContract: positiveFenSchema.describe('Most a single contract can earn over all its payments, in fen'),
    validFrom: dateSchema,
    validTo: dateSchema,
    eligibleSellerTypes: z.array(z.enum(ORG_TYPES)).min(1),
    eligibleBuyerTypes: z.array(z.enum(ORG_TYPES)).min(1),
    eligibleBrokerTypes: z.array(z.enum(ORG_TYPES)).min(1),
    contractKinds: z.array(z.enum(CONTRACT_KINDS)).min(1),
    demo: z.boolean().default(false).describe('A demonstration policy, not the bureau’s'),
  })
  .strict()
  .refine((p) => p.validFrom <= p.validTo, { message: 'validTo must not be before validFrom', path: ['validTo'], params: { zh: '截止日期不得早于生效日期' } });

export const policySchema = createPolicyBody.extend({ id: z.string(), createdAt: z.iso.datetime(), createdBy: z.string() });
export type RewardPolicy = z.infer<typeof policySchema>;

/** The policy in force on `date` (YYYY-MM-DD), or null. Windows never overlap (checked on creation). */
export function policyOn(policies: readonly RewardPolicy[], date: string): RewardPolicy | null {
  return policies.find((p) => p.validFrom <= date && date <= p.validTo) ?? null;
}

export function overlapping(policies: readonly RewardPolicy[], candidate: { validFrom: string; validTo: string }): RewardPolicy | null {
  return policies.find((p) => p.validFrom <= candidate.validTo && candidate.validFrom <= p.validTo) ?? null;
}

export interface ContractParties {
  kind: ContractKind;
  sellerType: string;
  buyerType: string;
  brokerType: string;
}

export function eligible(policy: RewardPolicy, parties: ContractParties): boolean {
  return (
    policy.contractKinds.includes(parties.kind) &&
    (policy.eligibleSellerTypes as readonly string[]).includes(parties.sellerType) &&
    (policy.eligibleBuyerTypes as readonly string[]).includes(parties.buyerType) &&
    (policy.eligibleBrokerTypes as readonly string[]).includes(parties.brokerType)
  );
}

export interface VerifiedPayment {
  id: string;
  amountFen: number;
  paidOn: string;
}

export interface AccrualStep {
  paymentId: string;
  policyId: string | null;
  /** What this payment adds to the contract's accrued reward, fen (0 when no eligible policy or at the cap). */
  accruedFen: number;
  /** The contract's accrued reward after this payment. */
  totalFen: number;
}

/**
 * The reward accrued by a contract's verified payments, in the order they were verified. For each
 * policy, the reward is ⌊paid under that policy × rate⌋ (rounded down to the fen on the running sum, so
 * splitting a payment never loses a fen), and the contract's total never exceeds the cap of the policy
 * governing the payment that reaches it. Totals only grow.
 */
export function accrue(payments: readonly VerifiedPayment[], policies: readonly RewardPolicy[], parties: ContractParties): AccrualStep[] {
  const paidUnder = new Map<string, number>();
  const rewardUnder = new Map<string, number>();
  let total = 0;
  const steps: AccrualStep[] = [];
  for (const payment of payments) {
    if (!Number.isSafeInteger(payment.amountFen) || payment.amountFen <= 0) throw new DomainError('validation_failed');
    const policy = policyOn(policies, payment.paidOn);
    if (!policy || !eligible(policy, parties)) {
      steps.push({ paymentId: payment.id, policyId: policy?.id ?? null, accruedFen: 0, totalFen: total });
      continue;
    }
    const paid = (paidUnder.get(policy.id) ?? 0) + payment.amountFen;
    paidUnder.set(policy.id, paid);
    const reward = shareOf(paid, policy.rateBp);
    const increment = reward - (rewardUnder.get(policy.id) ?? 0);
    rewardUnder.set(policy.id, reward);
    const next = Math.max(total, Math.min(total + increment, policy.capFenPerContract));
    steps.push({ paymentId: payment.id, policyId: policy.id, accruedFen: next - total, totalFen: next });
    total = next;
  }
  return steps;
}

/** The bureau's policy from the plan, and a demonstration successor so the local demo earns today. */
export const SEED_POLICIES: Omit<RewardPolicy, 'createdAt' | 'createdBy'>[] = [
  {
    id: 'pol_00000000000000000000000006',
    name: '技术转移中心促成技术合同奖励（科技强市行动实施方案第 6 条）',
    source: '关于开展科技强市行动 助力产业转型升级示范市建设实施方案，第二部分第 6 条；执行期限至 2025 年 12 月 31 日',
    rateBp: 1000,
    capFenPerContract: 20_000_000,
    validFrom: '2023-01-01',
    validTo: '2025-12-31',
    eligibleSellerTypes: ['university', 'institute'],
    eligibleBuyerTypes: ['enterprise'],
    eligibleBrokerTypes: ['transfer_center'],
    contractKinds: ['development', 'transfer', 'licence', 'consulting', 'service'],
    demo: false,
  },
  {
    id: 'pol_00000000000000000000002026',
    name: '【演示】技术转移奖励后续政策（仅供本地演示，非正式文件）',
    source: '演示数据：假设市科技局延续第 6 条规则，便于本地演示 2026 年起的奖励',
    rateBp: 1000,
    capFenPerContract: 20_000_000,
    validFrom: '2026-01-01',
    validTo: '2027-12-31',
    eligibleSellerTypes: ['university', 'institute'],
    eligibleBuyerTypes: ['enterprise'],
    eligibleBrokerTypes: ['transfer_center'],
    contractKinds: ['development', 'transfer', 'licence', 'consulting', 'service'],
    demo: true,
  },
];
