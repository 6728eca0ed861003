/**
 * The plan's incentive programs on one engine. A program has versioned rules (a validity window each);
 * a rule names its base (verified payments, verified R&D input, or a fixed grant), its rate in basis
 * points, its cap per beneficiary object (a contract, a maturation project, an institution) and who may
 * apply. The brokerage reward (clause 6) is the `brokerage` program: its accrual over payments stays in
 * reward-policy.ts (`accrue`), and both compute shares with `shareOf` (money.ts). Money is integer fen.
 */
import * as z from 'zod';
import { dateSchema, text } from './listing-common';
import { positiveFenSchema, shareOf } from './money';

import type { OrgType } from './organisation';
import type { RewardPolicy } from './reward-policy';

export const PROGRAMS = ['brokerage', 'maturation_guidance', 'maturation_reward', 'startup_grant'] as const;
export type ProgramCode = (typeof PROGRAMS)[number];
/** The programs applied for through applications (the brokerage reward is claimed against its ledger). */
export const APPLIED_PROGRAMS = ['maturation_guidance', 'maturation_reward', 'startup_grant'] as const;
export type AppliedProgram = (typeof APPLIED_PROGRAMS)[number];

export const PROGRAM_LABELS: Record<ProgramCode, { zh: string; en: string }> = {
  brokerage: { zh: '技术转移中心促成技术合同奖励', en: 'Brokerage reward for transfer centers' },
  maturation_guidance: { zh: '中试熟化项目引导支持', en: 'Pilot-scale maturation guidance support' },
  maturation_reward: { zh: '中试熟化成果转化团队奖励', en: 'Maturation team reward on successful transfer' },
  startup_grant: { zh: '高校科技资源转移转化机构启动费用', en: 'Start-up grant for university transfer institutions' },
};

export const PROGRAM_BASES = ['verified_payments', 'verified_rd_input', 'fixed_grant'] as const;
export type ProgramBase = (typeof PROGRAM_BASES)[number];

export interface ProgramRule {
  id: string;
  program: ProgramCode;
  version: number;
  name: string;
  source: string;
  base: ProgramBase;
  /** Share of the base in basis points (3000 = 30%); 0 for a fixed grant. */
  rateBp: number;
  /** Most one beneficiary object (contract, project, institution) can receive under this rule, in fen. */
  capFen: number;
  /** The grant of a fixed-grant rule, in fen. */
  fixedFen?: number;
  beneficiary: 'contract' | 'project' | 'institution';
  eligibleApplicantTypes: readonly OrgType[];
  validFrom: string;
  validTo: string;
  /** Readings of the plan this rule makes where the text is not explicit (shown on the program page). */
  assumptions: readonly string[];
  demo: boolean;
}

/** What the rule grants one beneficiary object on `baseFen` in all: the share (or the fixed grant), never above the cap. */
export function entitlement(rule: Pick<ProgramRule, 'base' | 'rateBp' | 'capFen' | 'fixedFen'>, baseFen: number): number {
  const full = rule.base === 'fixed_grant' ? (rule.fixedFen ?? 0) : shareOf(baseFen, rule.rateBp);
  return Math.min(full, rule.capFen);
}

/** What may still be applied for: the entitlement less what is already reserved (pending or approved). */
export function dueNow(rule: Pick<ProgramRule, 'base' | 'rateBp' | 'capFen' | 'fixedFen'>, baseFen: number, reservedFen: number): number {
  return Math.max(0, entitlement(rule, baseFen) - reservedFen);
}

/** The rule of `program` in force on `date` (YYYY-MM-DD), or null. A program's windows never overlap. */
export function ruleOn(rules: readonly ProgramRule[], program: ProgramCode, date: string): ProgramRule | null {
  return rules.find((r) => r.program === program && r.validFrom <= date && date <= r.validTo) ?? null;
}

/** The brokerage reward policy seen as a rule of the brokerage program (for the catalogue and the dashboard). */
export function brokerageRule(policy: RewardPolicy, version: number): ProgramRule {
  return {
    id: policy.id, program: 'brokerage', version, name: policy.name, source: policy.source ?? '', base: 'verified_payments', rateBp: policy.rateBp,
    capFen: policy.capFenPerContract, beneficiary: 'contract', eligibleApplicantTypes: policy.eligibleBrokerTypes, validFrom: policy.validFrom, validTo: policy.validTo,
    assumptions: [], demo: policy.demo,
  };
}

const CLAUSE_7 = '关于开展科技强市行动 助力产业转型升级示范市建设实施方案，第二部分第 7 条；执行期限至 2025 年 12 月 31 日';
const CLAUSE_6 = '关于开展科技强市行动 助力产业转型升级示范市建设实施方案，第二部分第 6 条；执行期限至 2025 年 12 月 31 日';
const DEMO = '演示数据：假设市科技局延续该条规则至 2027 年底，便于本地演示（非正式文件）';
const GUIDANCE_ASSUMPTIONS = [
  '“按其研发投入和资金到位等情况给予 30%”：以市科技局核验的研发投入（附资金到位凭证）为基数 / base: R&D input the bureau verified, each with evidence the funds were in place',
  '上限 100 万元按每个中试熟化项目累计计算 / the ¥1,000,000 cap is per project over all its applications',
];
const REWARD_ASSUMPTIONS = [
  '“给予创新成果研发团队 30%”：以成果转化合同经核验的实际到账金额为基数 / base: the verified payments of the transfer contract that proves success',
  '“成功转化”：该项目关联成果的技术合同已认定登记且有经核验的到账 / “successfully transferred”: a registered contract for the project’s achievement with a verified payment',
  '上限 50 万元按每个项目计算 / the ¥500,000 cap is per project',
];
const GRANT_ASSUMPTIONS = ['“与市政府签订协议并落地”：申请时提交协议名称、编号与签订日期，由市科技局核实 / the signed agreement (title, number, date) is checked by the bureau', '每个机构一次 / once per institution'];

const guidance = { program: 'maturation_guidance', base: 'verified_rd_input', rateBp: 3000, capFen: 100_000_000, beneficiary: 'project', eligibleApplicantTypes: ['university', 'institute', 'enterprise'], assumptions: GUIDANCE_ASSUMPTIONS } as const;
const reward = { program: 'maturation_reward', base: 'verified_payments', rateBp: 3000, capFen: 50_000_000, beneficiary: 'project', eligibleApplicantTypes: ['university', 'institute', 'enterprise'], assumptions: REWARD_ASSUMPTIONS } as const;
const grant = { program: 'startup_grant', base: 'fixed_grant', rateBp: 0, capFen: 20_000_000, fixedFen: 20_000_000, beneficiary: 'institution', eligibleApplicantTypes: ['university', 'transfer_center'], assumptions: GRANT_ASSUMPTIONS } as const;

/** The plan's rules (to 2025-12-31) and demonstration successors so the local demo can apply today. */
export const PROGRAM_RULES: readonly ProgramRule[] = [
  { ...guidance, id: 'rule_maturation_guidance_v1', version: 1, name: '中试熟化项目引导支持（第 7 条）', source: CLAUSE_7, validFrom: '2023-01-01', validTo: '2025-12-31', demo: false },
  { ...guidance, id: 'rule_maturation_guidance_v2', version: 2, name: '【演示】中试熟化项目引导支持（延续）', source: DEMO, validFrom: '2026-01-01', validTo: '2027-12-31', demo: true },
  { ...reward, id: 'rule_maturation_reward_v1', version: 1, name: '中试熟化成果转化团队奖励（第 7 条）', source: CLAUSE_7, validFrom: '2023-01-01', validTo: '2025-12-31', demo: false },
  { ...reward, id: 'rule_maturation_reward_v2', version: 2, name: '【演示】中试熟化成果转化团队奖励（延续）', source: DEMO, validFrom: '2026-01-01', validTo: '2027-12-31', demo: true },
  { ...grant, id: 'rule_startup_grant_v1', version: 1, name: '高校科技资源转移转化机构一次性启动费用（第 6 条）', source: CLAUSE_6, validFrom: '2023-01-01', validTo: '2025-12-31', demo: false },
  { ...grant, id: 'rule_startup_grant_v2', version: 2, name: '【演示】转移转化机构启动费用（延续）', source: DEMO, validFrom: '2026-01-01', validTo: '2027-12-31', demo: true },
];

// ——— Maturation projects and their R&D input ———

export const RD_CATEGORIES = ['equipment', 'materials', 'labour', 'testing', 'other'] as const;
export const RD_CATEGORY_LABELS: Record<(typeof RD_CATEGORIES)[number], { zh: string; en: string }> = {
  equipment: { zh: '设备购置与改造', en: 'equipment' },
  materials: { zh: '材料与试剂', en: 'materials' },
  labour: { zh: '人员劳务', en: 'labour' },
  testing: { zh: '测试化验加工', en: 'testing' },
  other: { zh: '其他', en: 'other' },
};

export const createProjectBody = z
  .object({
    title: text(4, 200),
    achievementId: z.string().regex(/^ach_[0-9A-Z]{26}$/),
    summary: text(10, 2000),
    budgetFen: positiveFenSchema.describe('Planned R&D input of the pilot-scale project, fen'),
    startOn: dateSchema,
  })
  .strict();

export const rdInputBody = z
  .object({
    amountFen: positiveFenSchema,
    spentOn: dateSchema,
    category: z.enum(RD_CATEGORIES),
    evidenceRef: text(4, 200).describe('The bank slip or invoice number showing the funds were in place'),
  })
  .strict();

export const linkTransferBody = z.object({ contractId: z.string().regex(/^con_[0-9A-Z]{26}$/) }).strict();

export interface MaturationProject {
  id: string;
  ownerOrgId: string;
  achievementId: string;
  title: string;
  summary: string;
  budgetFen: number;
  startOn: string;
  recordedInputFen: number;
  verifiedInputFen: number;
  /** Pending and approved guidance applications together: never above the guidance entitlement. */
  guidanceReservedFen: number;
  rewardReservedFen: number;
  transferContractId?: string;
  /** Admins who verified any of its R&D input: they may not decide its applications. */
  inputVerifiers?: string[];
  createdBy: string;
  createdAt: string;
  version: number;
}

export type RdInputStatus = 'recorded' | 'verified' | 'rejected';
export interface RdInput {
  id: string;
  projectId: string;
  amountFen: number;
  spentOn: string;
  category: (typeof RD_CATEGORIES)[number];
  evidenceRef: string;
  status: RdInputStatus;
  recordedBy: string;
  createdAt: string;
  verifiedBy?: string;
  decidedAt?: string;
  reason?: string;
  version: number;
}

// ——— Applications ———

export const APPLICATION_STATUSES = ['submitted', 'under_review', 'approved', 'rejected', 'paid'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];
export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'submitted' },
  under_review: { zh: '审核中', en: 'under review' },
  approved: { zh: '已批准', en: 'approved' },
  rejected: { zh: '已驳回', en: 'rejected' },
  paid: { zh: '已拨付', en: 'paid' },
};

export const agreementSchema = z
  .object({
    title: text(4, 200).describe('The agreement with the city government'),
    number: text(2, 100),
    signedOn: dateSchema,
  })
  .strict();

export const applyBody = z.discriminatedUnion('program', [
  z.object({ program: z.literal('maturation_guidance'), projectId: z.string().regex(/^prj_[0-9A-Z]{26}$/), note: text(0, 500).optional() }).strict(),
  z.object({ program: z.literal('maturation_reward'), projectId: z.string().regex(/^prj_[0-9A-Z]{26}$/), note: text(0, 500).optional() }).strict(),
  z.object({ program: z.literal('startup_grant'), agreement: agreementSchema, note: text(0, 500).optional() }).strict(),
]);
export type ApplyBody = z.infer<typeof applyBody>;

export const reviewBody = z.object({ note: text(2, 500) }).strict();
export const decideApplicationBody = z.object({ reason: text(2, 500).optional() }).strict();
export const rejectApplicationBody = z.object({ reason: text(2, 500) }).strict();

export interface ProgramApplication {
  id: string;
  program: AppliedProgram;
  ruleId: string;
  applicantOrgId: string;
  applicantOrgName: string;
  /** The beneficiary object: a project id, or the applying institution's own id for the start-up grant. */
  subjectId: string;
  /** The base figure the amount was computed on (verified input, verified payments, or 0 for a grant). */
  basisFen: number;
  amountFen: number;
  agreement?: z.infer<typeof agreementSchema>;
  note?: string;
  status: ApplicationStatus;
  submittedBy: string;
  createdAt: string;
  reviewedBy?: string;
  reviewedAt?: string;
  reviewNote?: string;
  decidedBy?: string;
  decidedAt?: string;
  reason?: string;
  paidBy?: string;
  paidAt?: string;
  version: number;
}

const NEXT: Record<ApplicationStatus, readonly ApplicationStatus[]> = {
  submitted: ['under_review', 'rejected'],
  under_review: ['approved', 'rejected'],
  approved: ['paid'],
  rejected: [],
  paid: [],
};
export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  return NEXT[from].includes(to);
}

/** Whether the application still holds part of its subject's reservation (released on rejection). */
export const reserves = (s: ApplicationStatus) => s !== 'rejected';
