/**
 * Research achievements (科技成果): what universities and institutes offer. The public summary is for
 * everyone; the confidential detail and the contact are for the owner until it accepts an interest.
 */
import * as z from 'zod';
import { DomainError } from './errors';
import {
  contactSchema,
  industrySchema,
  keywordsSchema,
  modesSchema,
  systemFieldsSchema,
  text,
} from './listing-common';
import { fenSchema, positiveFenSchema } from './money';
import { defineLifecycle } from './state-machine';

/** Technology readiness level 1–9 and the stages people in the field use for it. */
export const trlSchema = z.number().int().min(1).max(9).describe('Technology readiness level (TRL) 1–9');
export type MaturityStage = 'laboratory' | 'small_pilot' | 'pilot' | 'industrialised';
export const MATURITY_STAGE_LABELS_ZH: Record<MaturityStage, string> = {
  laboratory: '实验室',
  small_pilot: '小试',
  pilot: '中试',
  industrialised: '产业化',
};
export function maturityStage(trl: number): MaturityStage {
  if (trl <= 4) return 'laboratory';
  if (trl === 5) return 'small_pilot';
  if (trl <= 7) return 'pilot';
  return 'industrialised';
}

export const IP_KINDS = ['invention_patent', 'utility_model', 'software_copyright'] as const;
export const IP_KIND_LABELS_ZH = { invention_patent: '发明专利', utility_model: '实用新型', software_copyright: '软件著作权' } as const;
export const ipRightSchema = z
  .object({
    kind: z.enum(IP_KINDS),
    number: z.string().trim().regex(/^[0-9A-Za-z.\-/ ]{6,40}$/, { message: 'not a patent or registration number' }),
    legalStatus: z.enum(['pending', 'granted', 'lapsed']),
  })
  .strict();

/** 一口价 fixed, 区间 range, or 面议 negotiable. Amounts in fen. */
export const priceSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('fixed'), amountFen: positiveFenSchema }).strict(),
    z.object({ kind: z.literal('range'), minFen: fenSchema, maxFen: positiveFenSchema }).strict(),
    z.object({ kind: z.literal('negotiable') }).strict(),
  ])
  .refine((p) => p.kind !== 'range' || p.minFen < p.maxFen, {
    message: 'minFen must be below maxFen',
    path: ['maxFen'],
    params: { zh: '最低价须低于最高价' },
  });
export type Price = z.infer<typeof priceSchema>;

/** The lowest amount the seller asks, for the "price ceiling" filter; negotiable has none. */
export function priceFloorFen(price: Price): number | undefined {
  if (price.kind === 'fixed') return price.amountFen;
  if (price.kind === 'range') return price.minFen;
  return undefined;
}

const teamSchema = z
  .object({ leader: text(1, 50), members: z.array(text(1, 50)).max(30).default([]) })
  .strict();

const achievementFields = {
  title: text(4, 100),
  summary: text(20, 2000).describe('Public summary, visible to everyone'),
  confidentialDetail: text(0, 20000).default('').describe('Confidential detail: only the owner (and an accepted counterpart) sees it'),
  industry: industrySchema,
  keywords: keywordsSchema,
  trl: trlSchema,
  ip: z.array(ipRightSchema).max(20).default([]),
  transferModes: modesSchema,
  price: priceSchema,
  team: teamSchema,
  contact: contactSchema,
};

export const createAchievementBody = z.object(achievementFields).strict();
export type CreateAchievementInput = z.infer<typeof createAchievementBody>;

export const updateAchievementBody = z
  .object({
    title: achievementFields.title.optional(),
    summary: achievementFields.summary.optional(),
    confidentialDetail: text(0, 20000).optional(),
    industry: industrySchema.optional(),
    keywords: keywordsSchema.optional(),
    trl: trlSchema.optional(),
    ip: z.array(ipRightSchema).max(20).optional(),
    transferModes: modesSchema.optional(),
    price: priceSchema.optional(),
    team: teamSchema.optional(),
    contact: contactSchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: 'nothing to change', params: { zh: '没有需要修改的字段' } });
export type UpdateAchievementInput = z.infer<typeof updateAchievementBody>;

export const ACHIEVEMENT_STATUSES = ['draft', 'published', 'in_negotiation', 'transferred', 'archived'] as const;
export const achievementStatusSchema = z.enum(ACHIEVEMENT_STATUSES);
export type AchievementStatus = z.infer<typeof achievementStatusSchema>;
export const ACHIEVEMENT_STATUS_LABELS_ZH: Record<AchievementStatus, string> = {
  draft: '草稿',
  published: '已发布',
  in_negotiation: '洽谈中',
  transferred: '已转化',
  archived: '已归档',
};
/** Statuses anyone may see; drafts and archived listings belong to their owner. */
export const PUBLIC_ACHIEVEMENT_STATUSES = ['published', 'in_negotiation', 'transferred'] as const satisfies readonly AchievementStatus[];

/** draft → published → in negotiation → transferred / archived; talks that fail return to published. */
export const achievementLifecycle = defineLifecycle<AchievementStatus, 'publish' | 'startNegotiation' | 'resumeListing' | 'markTransferred' | 'archive'>({
  publish: { from: ['draft'], to: 'published' },
  startNegotiation: { from: ['published'], to: 'in_negotiation' },
  resumeListing: { from: ['in_negotiation'], to: 'published' },
  markTransferred: { from: ['in_negotiation'], to: 'transferred' },
  archive: { from: ['draft', 'published', 'in_negotiation', 'transferred'], to: 'archived' },
});
const EDITABLE: readonly AchievementStatus[] = ['draft', 'published'];

export const achievementSchema = createAchievementBody.extend(systemFieldsSchema.shape).extend({
  status: achievementStatusSchema,
  maturityStage: z.enum(['laboratory', 'small_pilot', 'pilot', 'industrialised']),
});
export type Achievement = z.infer<typeof achievementSchema>;

export const achievementPublicSchema = achievementSchema.omit({ confidentialDetail: true, contact: true }).strip();
export type AchievementPublic = z.infer<typeof achievementPublicSchema>;

export function publicAchievement(a: Achievement): AchievementPublic {
  const { confidentialDetail: _detail, contact: _contact, ...rest } = a;
  return rest;
}

export function newAchievement(
  input: CreateAchievementInput,
  ids: { id: string; ownerOrgId: string; ownerOrgName: string; ownerDistrict?: string },
  now: Date,
): Achievement {
  const at = now.toISOString();
  return {
    ...input,
    ...ids,
    status: 'draft',
    maturityStage: maturityStage(input.trl),
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
}

export function updateAchievement(a: Achievement, patch: UpdateAchievementInput, now: Date): Achievement {
  if (!EDITABLE.includes(a.status)) throw new DomainError('not_editable');
  const next = { ...a, ...stripUndefined(patch) };
  return { ...next, maturityStage: maturityStage(next.trl), version: a.version + 1, updatedAt: now.toISOString() };
}

export function transitionAchievement(
  a: Achievement,
  action: keyof typeof achievementLifecycle.transitions,
  now: Date,
): Achievement {
  const status = achievementLifecycle.next(a.status, action);
  const at = now.toISOString();
  return {
    ...a,
    status,
    version: a.version + 1,
    updatedAt: at,
    ...(action === 'publish' ? { publishedAt: at } : {}),
  };
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
