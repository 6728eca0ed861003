/**
 * Domain values as people read them, in both languages. The Chinese labels come from shared/domain (the
 * API and exports use them too); the English ones are presentation only and live here, typed against the
 * domain's value lists so a new status or mode cannot ship without its English label. Industries and
 * districts are stored by their Chinese names (they are what people search and filter by): only their
 * display changes with the language, never the value a form sends.
 */
import { ACHIEVEMENT_STATUS_LABELS_ZH, IP_KIND_LABELS_ZH, MATURITY_STAGE_LABELS_ZH, type AchievementStatus, type MaturityStage } from '../shared/domain/achievement';
import type { Claim, Contract, Payment } from '../shared/domain/contract';
import type { District } from '../shared/domain/districts';
import { INDUSTRY_EN } from '../shared/domain/industries';
import { DECLINE_REASON_LABELS } from '../shared/domain/interest';
import { TRANSFER_MODE_LABELS_ZH, type TransferMode } from '../shared/domain/listing-common';
import { NEED_STATUS_LABELS_ZH, type NeedStatus } from '../shared/domain/need';
import { ORG_TYPE_LABELS_ZH, type OrgType } from '../shared/domain/organisation';
import { CONTRACT_KIND_LABELS_ZH, type ContractKind } from '../shared/domain/reward-policy';
import type { Lang } from './i18n';

type Table<K extends string> = { zh: Record<K, string>; en: Record<K, string> };

const needStatus: Table<NeedStatus> = {
  zh: NEED_STATUS_LABELS_ZH,
  en: { draft: 'Draft', published: 'Open', in_negotiation: 'In negotiation', fulfilled: 'Solved', closed: 'Closed' },
};

const achievementStatus: Table<AchievementStatus> = {
  zh: ACHIEVEMENT_STATUS_LABELS_ZH,
  en: { draft: 'Draft', published: 'Published', in_negotiation: 'In negotiation', transferred: 'Transferred', archived: 'Archived' },
};

const maturityStage: Table<MaturityStage> = {
  zh: MATURITY_STAGE_LABELS_ZH,
  en: { laboratory: 'laboratory', small_pilot: 'small pilot', pilot: 'pilot', industrialised: 'industrialised' },
};

const ipKind: Table<keyof typeof IP_KIND_LABELS_ZH> = {
  zh: IP_KIND_LABELS_ZH,
  en: { invention_patent: 'Invention patent', utility_model: 'Utility model', software_copyright: 'Software copyright' },
};

const transferMode: Table<TransferMode> = {
  zh: TRANSFER_MODE_LABELS_ZH,
  en: { assignment: 'Assignment', licence: 'Licence', equity: 'Equity stake', joint_development: 'Joint development', service: 'Technical service' },
};

const contractKind: Table<ContractKind> = {
  zh: CONTRACT_KIND_LABELS_ZH,
  en: { development: 'Technology development', transfer: 'Technology transfer', licence: 'Technology licence', consulting: 'Technical consulting', service: 'Technical service' },
};

const contractStatus: Table<Contract['status']> = {
  zh: { draft: '待提交', submitted: '待认定登记', registered: '已登记', rejected: '不予登记', performing: '履行中', completed: '已完成', terminated: '已终止' },
  en: { draft: 'Draft: not yet submitted', submitted: 'Awaiting registration', registered: 'Registered', rejected: 'Registration refused', performing: 'Being performed', completed: 'Completed', terminated: 'Terminated' },
};

const paymentStatus: Table<Payment['status']> = {
  zh: { recorded: '待核验', verified: '已核验', rejected: '已驳回' },
  en: { recorded: 'Awaiting verification', verified: 'Verified', rejected: 'Rejected' },
};

const claimStatus: Table<Claim['status']> = {
  zh: { pending: '待审批', approved: '已批准', rejected: '已驳回', paid: '已兑付' },
  en: { pending: 'Awaiting approval', approved: 'Approved', rejected: 'Rejected', paid: 'Paid out' },
};

const orgType: Table<OrgType> = {
  zh: ORG_TYPE_LABELS_ZH,
  en: { university: 'University', institute: 'Research institute', enterprise: 'Enterprise', transfer_center: 'Technology transfer center', government: 'Government' },
};

/** The workspace role a signed-in person acts in (the Cognito group). */
type Role = 'university' | 'enterprise' | 'transfer_center' | 'admin';
const role: Table<Role> = {
  zh: { university: '高校/院所', enterprise: '企业', transfer_center: '技术转移中心', admin: '市科技局' },
  en: { university: 'University / institute', enterprise: 'Enterprise', transfer_center: 'Technology transfer center', admin: 'City science & technology bureau' },
};

const declineReason: Table<keyof typeof DECLINE_REASON_LABELS> = {
  zh: Object.fromEntries(Object.entries(DECLINE_REASON_LABELS).map(([k, v]) => [k, v.zh])) as Record<keyof typeof DECLINE_REASON_LABELS, string>,
  en: Object.fromEntries(Object.entries(DECLINE_REASON_LABELS).map(([k, v]) => [k, v.en.charAt(0).toUpperCase() + v.en.slice(1)])) as Record<keyof typeof DECLINE_REASON_LABELS, string>,
};

/**
 * Coded reasons the bureau gives when it refuses a contract, payment or claim. The Chinese text is also
 * what the refusal stores (`【code】label`), so the code can be read back and shown in English.
 */
export const REFUSAL_CODES = ['evidence_insufficient', 'not_eligible', 'amount_incorrect', 'duplicate', 'other'] as const;
type RefusalCode = (typeof REFUSAL_CODES)[number];
const refusalReason: Table<RefusalCode> = {
  zh: { evidence_insufficient: '证明材料不足', not_eligible: '不符合政策条件', amount_incorrect: '金额有误', duplicate: '重复申报', other: '其他原因' },
  en: { evidence_insufficient: 'Insufficient evidence', not_eligible: 'Not eligible under the policy', amount_incorrect: 'Incorrect amount', duplicate: 'Duplicate submission', other: 'Other reason' },
};

const trlBand: Table<'lab' | 'pilot' | 'industrial'> = {
  zh: { lab: '实验室 TRL 1–4', pilot: '小试/中试 TRL 5–7', industrial: '产业化 TRL 8–9' },
  en: { lab: 'Laboratory TRL 1–4', pilot: 'Pilot TRL 5–7', industrial: 'Industrial TRL 8–9' },
};

const districtEn: Record<District, string> = {
  大武口区: 'Dawukou District', 惠农区: 'Huinong District', 平罗县: 'Pingluo County', 石嘴山高新区: 'Shizuishan High-tech Zone',
  石嘴山经济技术开发区: 'Shizuishan Economic & Technological Development Zone', 市外: 'Outside the city',
};

/** Chinese names are the values themselves; only English needs a table. */
const byName = <K extends string>(en: Record<K, string>): Table<K> => ({ zh: Object.fromEntries(Object.keys(en).map((k) => [k, k])) as Record<K, string>, en });

const TABLES = {
  needStatus, achievementStatus, maturityStage, ipKind, transferMode, contractKind, contractStatus, paymentStatus, claimStatus, orgType, role, declineReason, refusalReason, trlBand,
  industry: byName(INDUSTRY_EN),
  district: byName(districtEn),
} as const;

export type LabelKind = keyof typeof TABLES;

/** The label of a domain value; an unknown value is shown as it is rather than hidden. */
export function label(lang: Lang, kind: LabelKind, value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  const table = TABLES[kind][lang] as Record<string, string>;
  return Object.hasOwn(table, value) ? table[value]! : value;
}

/** A refusal stored as `【code】中文` shown in the reader's language; free text is shown as written. */
export function refusalText(lang: Lang, stored: string): string {
  const coded = /^【(\w+)】/.exec(stored);
  return coded && Object.hasOwn(refusalReason.zh, coded[1]!) ? label(lang, 'refusalReason', coded[1]) : stored;
}
