/**
 * Interest (意向) and 揭榜 proposals (揭榜方案): an enterprise's interest in an achievement, or a
 * university's proposal for a need or challenge. The listing owner accepts or declines; a decline carries
 * a coded reason so the other side learns why. Contacts and the confidential detail are disclosed to the
 * other side only once accepted.
 */
import * as z from 'zod';
import { DomainError } from './errors';
import { contactSchema, text } from './listing-common';
import { positiveFenSchema } from './money';
import { defineLifecycle } from './state-machine';

export const DECLINE_REASONS = ['too_early', 'benefit_unclear', 'price', 'scope', 'capacity', 'already_agreed', 'other'] as const;
export const DECLINE_REASON_LABELS: Record<(typeof DECLINE_REASONS)[number], { zh: string; en: string }> = {
  too_early: { zh: '技术成熟度不足，为时尚早', en: 'too early: not mature enough' },
  benefit_unclear: { zh: '预期效益不明确', en: 'benefit unclear' },
  price: { zh: '价格或预算不匹配', en: 'price or budget does not fit' },
  scope: { zh: '方案与需求范围不符', en: 'outside the scope' },
  capacity: { zh: '对方实施能力不足', en: 'insufficient capacity to deliver' },
  already_agreed: { zh: '已与其他方达成合作', en: 'already agreed with another party' },
  other: { zh: '其他原因', en: 'other reason' },
};

export const interestBody = z
  .object({
    message: text(10, 2000).describe('Why you are interested and what you would like to discuss'),
    contact: contactSchema.describe('Your contact, disclosed to the owner only if they accept'),
  })
  .strict();

export const proposalBody = z
  .object({
    message: text(10, 2000),
    plan: text(20, 10000).describe('揭榜方案: how you would meet each acceptance criterion'),
    quoteFen: positiveFenSchema.optional().describe('Your price for the work, in fen'),
    timelineMonths: z.number().int().min(1).max(120).optional(),
    contact: contactSchema,
  })
  .strict();

export const declineBody = z
  .object({
    reason: z.enum(DECLINE_REASONS).describe('Coded reason from a fixed list'),
    note: text(0, 1000).optional(),
  })
  .strict()
  .refine((b) => b.reason !== 'other' || (b.note !== undefined && b.note.length >= 2), {
    message: 'say why when the reason is other',
    path: ['note'],
    params: { zh: '选择“其他原因”时请说明' },
  });

export const INTEREST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export const interestLifecycle = defineLifecycle<InterestStatus, 'accept' | 'decline' | 'withdraw'>({
  accept: { from: ['pending'], to: 'accepted' },
  decline: { from: ['pending'], to: 'declined' },
  withdraw: { from: ['pending'], to: 'withdrawn' },
});

export const interestSchema = z.object({
  id: z.string(),
  kind: z.enum(['interest', 'proposal']),
  listingKind: z.enum(['achievement', 'need']),
  listingId: z.string(),
  listingTitle: z.string(),
  listingOwnerOrgId: z.string(),
  senderOrgId: z.string(),
  senderOrgName: z.string(),
  senderSub: z.string(),
  message: z.string(),
  plan: z.string().optional(),
  quoteFen: z.number().int().optional(),
  timelineMonths: z.number().int().optional(),
  contact: contactSchema,
  status: z.enum(INTEREST_STATUSES),
  decline: z.object({ reason: z.enum(DECLINE_REASONS), note: z.string().optional(), labelZh: z.string(), labelEn: z.string() }).optional(),
  decidedAt: z.iso.datetime().optional(),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Interest = z.infer<typeof interestSchema>;

export function newInterest(
  input: z.infer<typeof interestBody> | z.infer<typeof proposalBody>,
  fields: Pick<Interest, 'id' | 'kind' | 'listingKind' | 'listingId' | 'listingTitle' | 'listingOwnerOrgId' | 'senderOrgId' | 'senderOrgName' | 'senderSub'>,
  now: Date,
): Interest {
  if (fields.senderOrgId === fields.listingOwnerOrgId) {
    throw new DomainError('forbidden', [{ path: '', code: 'own_listing', message: 'You cannot express interest in your own listing.', messageZh: '不能对本机构发布的条目提交意向。' }]);
  }
  const at = now.toISOString();
  return { ...input, ...fields, status: 'pending', version: 1, createdAt: at, updatedAt: at };
}

export function decideInterest(
  interest: Interest,
  decision: { action: 'accept' } | { action: 'decline'; reason: (typeof DECLINE_REASONS)[number]; note?: string | undefined } | { action: 'withdraw' },
  now: Date,
): Interest {
  const status = interestLifecycle.next(interest.status, decision.action);
  const at = now.toISOString();
  return {
    ...interest,
    status,
    decidedAt: at,
    updatedAt: at,
    version: interest.version + 1,
    ...(decision.action === 'decline'
      ? { decline: { reason: decision.reason, ...(decision.note ? { note: decision.note } : {}), labelZh: DECLINE_REASON_LABELS[decision.reason].zh, labelEn: DECLINE_REASON_LABELS[decision.reason].en } }
      : {}),
  };
}
