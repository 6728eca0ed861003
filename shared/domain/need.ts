/**
 * Technical needs (技术需求) posted by enterprises, and challenges (揭榜挂帅) that carry a bounty.
 * A published challenge is a public promise: its bounty, deadline and acceptance criteria can be raised,
 * extended or added to, never lowered, shortened or withdrawn, and it cannot be closed before its deadline.
 */
import * as z from 'zod';
import { stripUndefined } from './achievement';
import { DomainError, fieldIssue, type FieldIssue } from './errors';
import {
  contactSchema,
  dateSchema,
  industrySchema,
  keywordsSchema,
  modesSchema,
  shanghaiDate,
  systemFieldsSchema,
  text,
} from './listing-common';
import { fenSchema, positiveFenSchema } from './money';
import { defineLifecycle } from './state-machine';

export const budgetSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('range'), minFen: fenSchema, maxFen: positiveFenSchema }).strict(),
    z.object({ kind: z.literal('negotiable') }).strict(),
  ])
  .refine((b) => b.kind !== 'range' || b.minFen < b.maxFen, {
    message: 'minFen must be below maxFen',
    path: ['maxFen'],
    params: { zh: '预算下限须低于上限' },
  });
export type Budget = z.infer<typeof budgetSchema>;

export const challengeSchema = z
  .object({ bountyFen: positiveFenSchema.describe('榜额: the bounty in fen, paid to whoever solves the challenge') })
  .strict();

const criteriaSchema = z
  .array(text(4, 300))
  .min(1)
  .max(15)
  .describe('Measurable acceptance criteria (验收指标)');

const needFields = {
  title: text(4, 100),
  problem: text(20, 3000).describe('The problem in the enterprise’s own words, public'),
  acceptanceCriteria: criteriaSchema,
  confidentialDetail: text(0, 20000).default(''),
  industry: industrySchema,
  keywords: keywordsSchema,
  budget: budgetSchema,
  deadline: dateSchema.describe('Last day to respond, YYYY-MM-DD in Asia/Shanghai'),
  cooperationModes: modesSchema,
  minTrl: z.number().int().min(1).max(9).nullable().default(null).describe('Lowest technology readiness (TRL) the enterprise can take on; null when any'),
  challenge: challengeSchema.nullable().default(null).describe('Present for a 揭榜挂帅 challenge'),
  contact: contactSchema,
};

export const createNeedBody = z.object(needFields).strict();
export type CreateNeedInput = z.infer<typeof createNeedBody>;

export const updateNeedBody = z
  .object({
    title: needFields.title.optional(),
    problem: needFields.problem.optional(),
    acceptanceCriteria: criteriaSchema.optional(),
    confidentialDetail: text(0, 20000).optional(),
    industry: industrySchema.optional(),
    keywords: keywordsSchema.optional(),
    budget: budgetSchema.optional(),
    deadline: dateSchema.optional(),
    cooperationModes: modesSchema.optional(),
    minTrl: z.number().int().min(1).max(9).nullable().optional(),
    challenge: challengeSchema.nullable().optional(),
    contact: contactSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', params: { zh: '没有需要修改的字段' } });
export type UpdateNeedInput = z.infer<typeof updateNeedBody>;

export const NEED_STATUSES = ['draft', 'published', 'in_negotiation', 'fulfilled', 'closed'] as const;
export const needStatusSchema = z.enum(NEED_STATUSES);
export type NeedStatus = z.infer<typeof needStatusSchema>;
export const NEED_STATUS_LABELS_ZH: Record<NeedStatus, string> = {
  draft: '草稿',
  published: '征集中',
  in_negotiation: '洽谈中',
  fulfilled: '已解决',
  closed: '已关闭',
};
export const PUBLIC_NEED_STATUSES = ['published', 'in_negotiation', 'fulfilled'] as const satisfies readonly NeedStatus[];

export const needLifecycle = defineLifecycle<NeedStatus, 'publish' | 'startNegotiation' | 'resumeListing' | 'fulfil' | 'close'>({
  publish: { from: ['draft'], to: 'published' },
  startNegotiation: { from: ['published'], to: 'in_negotiation' },
  resumeListing: { from: ['in_negotiation'], to: 'published' },
  fulfil: { from: ['in_negotiation'], to: 'fulfilled' },
  close: { from: ['draft', 'published'], to: 'closed' },
});
const EDITABLE: readonly NeedStatus[] = ['draft', 'published'];

export const needSchema = createNeedBody.extend(systemFieldsSchema.shape).extend({ status: needStatusSchema });
export type Need = z.infer<typeof needSchema>;

export const needPublicSchema = needSchema.omit({ confidentialDetail: true, contact: true }).strip();
export type NeedPublic = z.infer<typeof needPublicSchema>;

export function publicNeed(n: Need): NeedPublic {
  const { confidentialDetail: _detail, contact: _contact, ...rest } = n;
  return rest;
}

export function isChallenge(n: Pick<Need, 'challenge'>): boolean {
  return n.challenge !== null;
}

function deadlineIssues(deadline: string, now: Date): FieldIssue[] {
  return deadline < shanghaiDate(now)
    ? [fieldIssue('deadline', 'deadline_in_past', 'The deadline must be today or later.', '截止日期不得早于今天。')]
    : [];
}

export function newNeed(input: CreateNeedInput, ids: { id: string; ownerOrgId: string; ownerOrgName: string; ownerDistrict?: string }, now: Date): Need {
  const issues = deadlineIssues(input.deadline, now);
  if (issues.length) throw new DomainError('validation_failed', issues);
  const at = now.toISOString();
  return { ...input, ...ids, status: 'draft', version: 1, createdAt: at, updatedAt: at };
}

/**
 * What a change would take away from a published challenge's public promise. Raising the bounty,
 * extending the deadline and adding criteria are fine; every existing criterion must stay word for word.
 */
export function challengePromiseBreaches(before: Need, after: Need): FieldIssue[] {
  if (before.status === 'draft' || before.challenge === null) return [];
  const breaches: FieldIssue[] = [];
  if (after.challenge === null) {
    breaches.push(fieldIssue('challenge', 'challenge_withdrawn', 'A published challenge cannot stop being a challenge.', '已发布的揭榜挂帅不得撤销。'));
  } else if (after.challenge.bountyFen < before.challenge.bountyFen) {
    breaches.push(fieldIssue('challenge.bountyFen', 'bounty_lowered', 'The bounty cannot be lowered.', '榜额不得降低。'));
  }
  if (after.deadline < before.deadline) {
    breaches.push(fieldIssue('deadline', 'deadline_shortened', 'The deadline cannot be moved earlier.', '截止日期不得提前。'));
  }
  const kept = new Set(after.acceptanceCriteria);
  before.acceptanceCriteria.forEach((criterion, i) => {
    if (!kept.has(criterion)) {
      breaches.push(fieldIssue(`acceptanceCriteria.${i}`, 'criterion_withdrawn', 'An acceptance criterion cannot be changed or withdrawn.', '验收指标不得修改或撤回。'));
    }
  });
  return breaches;
}

export function updateNeed(n: Need, patch: UpdateNeedInput, now: Date): Need {
  if (!EDITABLE.includes(n.status)) throw new DomainError('not_editable');
  const next: Need = { ...n, ...stripUndefined(patch), version: n.version + 1, updatedAt: now.toISOString() };
  const breaches = challengePromiseBreaches(n, next);
  if (breaches.length) throw new DomainError('challenge_terms_locked', breaches);
  if (patch.deadline !== undefined) {
    const issues = deadlineIssues(patch.deadline, now);
    if (issues.length) throw new DomainError('validation_failed', issues);
  }
  return next;
}

export function transitionNeed(n: Need, action: keyof typeof needLifecycle.transitions, now: Date): Need {
  const status = needLifecycle.next(n.status, action);
  if (action === 'publish' && n.deadline < shanghaiDate(now)) throw new DomainError('deadline_passed');
  if (action === 'close' && n.status === 'published' && isChallenge(n) && shanghaiDate(now) <= n.deadline) {
    throw new DomainError('challenge_withdrawal_forbidden');
  }
  const at = now.toISOString();
  return { ...n, status, version: n.version + 1, updatedAt: at, ...(action === 'publish' ? { publishedAt: at } : {}) };
}
