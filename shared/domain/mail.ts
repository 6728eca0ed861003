/**
 * E-mail notifications: which kinds of mail a person can turn off (in-app notifications always stay),
 * how match alerts arrive (at once or in a daily digest), the language of the mail, and the events
 * that produce mail. An event is identified by what happened to which record (e.g. interest int_1
 * accepted), so however often the stream delivers that change, it is one event.
 */
import * as z from 'zod';

export const MAIL_KINDS = ['interests', 'matches', 'messages', 'contracts', 'payments', 'claims', 'organisation'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];
export const mailKindSchema = z.enum(MAIL_KINDS);

export const MAIL_KIND_LABELS: Record<MailKind, { zh: string; en: string }> = {
  interests: { zh: '意向与揭榜方案（收到、接受、婉拒、撤回）', en: 'Interests and proposals (received, accepted, declined, withdrawn)' },
  matches: { zh: '匹配提醒（订阅搜索与相似条目）', en: 'Match alerts (saved searches and matching listings)' },
  messages: { zh: '洽谈消息', en: 'Messages in your deal threads' },
  contracts: { zh: '合同认定登记', en: 'Contract registration' },
  payments: { zh: '到账核验', en: 'Payment verification' },
  claims: { zh: '奖励申领与扶持项目申请', en: 'Reward claims and program applications' },
  organisation: { zh: '机构认证', en: 'Organisation verification' },
};

export const MAIL_LANGUAGES = ['both', 'zh', 'en'] as const;
export type MailLanguage = (typeof MAIL_LANGUAGES)[number];

export const mailPreferencesBody = z
  .object({
    /** Kinds set to false are not e-mailed; the in-app list still shows them. */
    email: z.object(Object.fromEntries(MAIL_KINDS.map((k) => [k, z.boolean()])) as Record<MailKind, z.ZodBoolean>).strict(),
    matchDelivery: z.enum(['instant', 'daily']).describe('Match alerts one by one, or one digest each morning (08:00 Beijing time)'),
    language: z.enum(MAIL_LANGUAGES).describe('both: Chinese first with the English text below'),
  })
  .strict();
export type MailPreferences = z.infer<typeof mailPreferencesBody>;

export const DEFAULT_MAIL_PREFERENCES: MailPreferences = {
  email: Object.fromEntries(MAIL_KINDS.map((k) => [k, true])) as Record<MailKind, boolean>,
  matchDelivery: 'instant',
  language: 'both',
};

/** A person as mail sees them: who, where to write, whether they are the bureau's. */
export interface MailPerson {
  sub: string;
  email: string | null;
  name: string;
  orgId: string | null;
  isAdmin: boolean;
}

export const MAIL_EVENT_TYPES = [
  'interest_received', 'interest_accepted', 'interest_declined', 'interest_withdrawn',
  'match_alert', 'message_received',
  'contract_submitted', 'contract_registered', 'contract_rejected',
  'payment_recorded', 'payment_verified', 'payment_rejected',
  'claim_submitted', 'claim_approved', 'claim_rejected', 'claim_paid',
  'organisation_verified', 'organisation_refused',
  'application_submitted', 'application_approved', 'application_rejected', 'application_paid',
] as const;
export type MailEventType = (typeof MAIL_EVENT_TYPES)[number];

export const KIND_OF_EVENT: Record<MailEventType, MailKind> = {
  interest_received: 'interests', interest_accepted: 'interests', interest_declined: 'interests', interest_withdrawn: 'interests',
  match_alert: 'matches', message_received: 'messages',
  contract_submitted: 'contracts', contract_registered: 'contracts', contract_rejected: 'contracts',
  payment_recorded: 'payments', payment_verified: 'payments', payment_rejected: 'payments',
  claim_submitted: 'claims', claim_approved: 'claims', claim_rejected: 'claims', claim_paid: 'claims',
  organisation_verified: 'organisation', organisation_refused: 'organisation',
  application_submitted: 'claims', application_approved: 'claims', application_rejected: 'claims', application_paid: 'claims',
};

/** Who an event is for: members of organisations, the bureau's admins, one person, or a contract's broker. */
export type Audience =
  | { orgs: string[] }
  | { admins: true }
  | { person: string }
  /** Resolved from the contract when the record (a payment) does not name the organisation itself. */
  | { contract: string; who: 'broker' };

export interface MailEvent {
  /** Stable: `<record>#<what happened>`, the same for every delivery of the same change. */
  id: string;
  type: MailEventType;
  audience: Audience;
  /** The page that shows what the mail is about (path on the site). */
  path: string;
  /** What the template may say: only fields the audience may already see. */
  facts: Record<string, string | number>;
}

/** New-message mail: at most one per thread and person in this window. */
export const MESSAGE_MAIL_INTERVAL_MS = 15 * 60 * 1000;
