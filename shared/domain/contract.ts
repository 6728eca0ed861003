/**
 * Technology contracts (技术合同) brokered by transfer centers, the payments actually made under them
 * (履行 / 到账), the reward balance and the claims against it. Amounts are integer fen.
 */
import * as z from 'zod';
import { DomainError } from './errors';
import { dateSchema, text } from './listing-common';
import { positiveFenSchema } from './money';
import { CONTRACT_KINDS } from './reward-policy';
import { defineLifecycle } from './state-machine';

export const createContractBody = z
  .object({
    title: text(4, 200),
    kind: z.enum(CONTRACT_KINDS),
    sellerOrgId: z.string().max(40).describe('The university or institute that sells the technology'),
    buyerOrgId: z.string().max(40).describe('The enterprise that buys it'),
    amountFen: positiveFenSchema.describe('Contract amount in fen'),
    signedOn: dateSchema,
    achievementId: z.string().max(40).optional(),
    needId: z.string().max(40).optional(),
    interestId: z.string().max(40).optional(),
  })
  .strict()
  .refine((c) => c.sellerOrgId !== c.buyerOrgId, { message: 'seller and buyer must differ', path: ['buyerOrgId'], params: { zh: '买卖双方不能是同一机构' } });

export const registerContractBody = z
  .object({ decision: z.enum(['registered', 'rejected']), reason: text(2, 500).optional() })
  .strict()
  .refine((b) => b.decision === 'registered' || b.reason !== undefined, { message: 'a rejection needs a reason', path: ['reason'], params: { zh: '不予登记须说明理由' } });

/** draft: the broker prepares it and attaches the signed contract; submitted: in the bureau's registration queue. */
export const CONTRACT_STATUSES = ['draft', 'submitted', 'registered', 'rejected', 'performing', 'completed', 'terminated'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const contractLifecycle = defineLifecycle<ContractStatus, 'submit' | 'register' | 'reject' | 'startPerforming' | 'complete' | 'terminate'>({
  submit: { from: ['draft'], to: 'submitted' },
  register: { from: ['submitted'], to: 'registered' },
  reject: { from: ['submitted'], to: 'rejected' },
  startPerforming: { from: ['registered'], to: 'performing' },
  complete: { from: ['performing'], to: 'completed' },
  terminate: { from: ['registered', 'performing'], to: 'terminated' },
});

export const contractSchema = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(CONTRACT_KINDS),
  sellerOrgId: z.string(),
  sellerOrgName: z.string(),
  sellerType: z.string(),
  buyerOrgId: z.string(),
  buyerOrgName: z.string(),
  buyerType: z.string(),
  brokerOrgId: z.string(),
  brokerOrgName: z.string(),
  brokerType: z.string(),
  amountFen: z.number().int(),
  signedOn: z.string(),
  achievementId: z.string().optional(),
  needId: z.string().optional(),
  interestId: z.string().optional(),
  /** Industry and district for the statistics (from the linked listing, else the seller). */
  industry: z.string().optional(),
  district: z.string().optional(),
  status: z.enum(CONTRACT_STATUSES),
  registrationNumber: z.string().optional(),
  registeredAt: z.string().optional(),
  registeredBy: z.string().optional(),
  rejectionReason: z.string().optional(),
  submittedAt: z.string().optional(),
  /** The files the contract was registered with (id and SHA-256): later uploads can add supplements, never replace these. */
  registeredFiles: z.array(z.object({ id: z.string(), kind: z.string(), fileName: z.string(), sha256: z.string() })).optional(),
  /** Recorded (not yet rejected) payments: the ceiling check for new payments. */
  recordedFen: z.number().int(),
  /** Verified payments: the performed amount. */
  verifiedFen: z.number().int(),
  /** Admins who verified any of its payments (they may not decide its claims). */
  verifiers: z.array(z.string()).optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;

export const recordPaymentBody = z
  .object({
    amountFen: positiveFenSchema,
    paidOn: dateSchema.describe('Date the seller received the money'),
    evidenceRef: text(4, 200).describe('Invoice or bank receipt reference; must carry the contract’s registration number'),
  })
  .strict();

export const verifyPaymentBody = z
  .object({ decision: z.enum(['verified', 'rejected']), reason: text(2, 500).optional() })
  .strict()
  .refine((b) => b.decision === 'verified' || b.reason !== undefined, { message: 'a rejection needs a reason', path: ['reason'], params: { zh: '驳回须说明理由' } });

export const paymentSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  amountFen: z.number().int(),
  paidOn: z.string(),
  evidenceRef: z.string(),
  status: z.enum(['recorded', 'verified', 'rejected']),
  recordedBy: z.string(),
  verifiedBy: z.string().optional(),
  verifiedAt: z.string().optional(),
  rejectionReason: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Payment = z.infer<typeof paymentSchema>;

/** Local rule: the evidence must carry the registration number, so one receipt cannot serve two contracts. */
export function checkEvidence(contract: Contract, evidenceRef: string): void {
  if (!contract.registrationNumber || !evidenceRef.replace(/\s/g, '').includes(contract.registrationNumber)) {
    throw new DomainError('validation_failed', [
      { path: 'evidenceRef', code: 'evidence_without_registration_number', message: `The evidence must carry the contract's registration number ${contract.registrationNumber ?? ''}.`, messageZh: `凭证须包含合同认定登记号 ${contract.registrationNumber ?? ''}。` },
    ]);
  }
}

/** Money is received after signing and not in the future (the payment date picks the policy). */
export function checkPaidOn(contract: Contract, paidOn: string, today: string): void {
  if (paidOn < contract.signedOn || paidOn > today) {
    throw new DomainError('validation_failed', [
      { path: 'paidOn', code: 'out_of_range', message: `The payment date must be between the signing date ${contract.signedOn} and today.`, messageZh: `到账日期须在签订日期 ${contract.signedOn} 与今天之间。` },
    ]);
  }
}

export function checkPaymentFits(contract: Contract, amountFen: number): void {
  if (contract.status !== 'registered' && contract.status !== 'performing') throw new DomainError('contract_not_registered');
  if (contract.recordedFen + amountFen > contract.amountFen) {
    throw new DomainError('validation_failed', [
      { path: 'amountFen', code: 'over_contract_amount', message: 'Payments would exceed the contract amount.', messageZh: '累计到账金额将超过合同金额。' },
    ]);
  }
}

export const rewardBalanceSchema = z.object({
  contractId: z.string(),
  performedFen: z.number().int().describe('Verified payments'),
  accruedFen: z.number().int().describe('Reward earned so far under the policies'),
  pendingFen: z.number().int().describe('Claimed and awaiting approval'),
  approvedFen: z.number().int(),
  paidFen: z.number().int(),
  claimableFen: z.number().int().describe('accrued − pending − approved'),
  version: z.number().int(),
});
export type RewardBalance = z.infer<typeof rewardBalanceSchema>;

export function claimable(b: Pick<RewardBalance, 'accruedFen' | 'pendingFen' | 'approvedFen'>): number {
  return Math.max(0, b.accruedFen - b.pendingFen - b.approvedFen);
}

export const createClaimBody = z.object({ amountFen: positiveFenSchema, note: text(0, 500).optional() }).strict();
export const decideClaimBody = z.object({ reason: text(2, 500).optional() }).strict();

export const closeContractBody = z
  .object({ outcome: z.enum(['completed', 'terminated']), reason: text(2, 500).optional() })
  .strict()
  .refine((b) => b.outcome === 'completed' || b.reason !== undefined, { message: 'a termination needs a reason', path: ['reason'], params: { zh: '终止合同须说明理由' } });

export const claimSchema = z.object({
  id: z.string(),
  contractId: z.string(),
  brokerOrgId: z.string(),
  amountFen: z.number().int(),
  note: z.string().optional(),
  status: z.enum(['pending', 'approved', 'rejected', 'paid']),
  paidAt: z.string().optional(),
  submittedBy: z.string(),
  decidedBy: z.string().optional(),
  decidedAt: z.string().optional(),
  reason: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Claim = z.infer<typeof claimSchema>;
