/**
 * Organisations (机构): who publishes, who buys, who brokers, who governs. Verification is the bureau's
 * alone; an unverified organisation can prepare drafts but not publish.
 */
import * as z from 'zod';
import { creditCodeProblem } from './credit-code';
import { DISTRICTS } from './districts';
import { contactSchema, text } from './listing-common';

export const ORG_TYPES = ['university', 'institute', 'enterprise', 'transfer_center', 'government'] as const;
export const orgTypeSchema = z.enum(ORG_TYPES);
export type OrgType = z.infer<typeof orgTypeSchema>;
export const ORG_TYPE_LABELS_ZH: Record<OrgType, string> = {
  university: '高校',
  institute: '科研院所',
  enterprise: '企业',
  transfer_center: '技术转移中心',
  government: '政府部门',
};

const CREDIT_CODE_MESSAGES = {
  length: ['must be exactly 18 characters', '须为 18 位'],
  charset: ['may contain only digits and capital letters other than I, O, S, V, Z', '只能包含数字和除 I、O、S、V、Z 以外的大写字母'],
  division: ['characters 3–8 must be the administrative division code (digits)', '第 3–8 位须为行政区划码（数字）'],
  check_character: ['the check character (last) does not match GB 32100-2015', '校验码（最后一位）不符合 GB 32100-2015'],
} as const;

export const creditCodeSchema = z
  .string()
  .trim()
  .superRefine((code, ctx) => {
    const problem = creditCodeProblem(code);
    if (problem) {
      ctx.addIssue({ code: 'custom', message: CREDIT_CODE_MESSAGES[problem][0], params: { reason: `credit_code_${problem}`, zh: `统一社会信用代码${CREDIT_CODE_MESSAGES[problem][1]}` } });
    }
  })
  .describe('统一社会信用代码, 18 characters, check character per GB 32100-2015');

export const districtSchema = z.enum(DISTRICTS);

export const createOrgBody = z
  .object({
    name: text(2, 100),
    type: orgTypeSchema,
    creditCode: creditCodeSchema,
    district: districtSchema,
    address: text(0, 200).optional(),
    description: text(0, 2000).optional(),
    website: z.url({ protocol: /^https?$/ }).max(300).optional(),
    contact: contactSchema,
  })
  .strict();
export type CreateOrgInput = z.infer<typeof createOrgBody>;

export const VERIFICATION_STATUSES = ['pending', 'verified', 'rejected'] as const;
export const verificationStatusSchema = z.enum(VERIFICATION_STATUSES);
export type VerificationStatus = z.infer<typeof verificationStatusSchema>;

export const verifyOrgBody = z
  .object({
    decision: z.enum(['verified', 'rejected']),
    reason: text(2, 500).optional(),
  })
  .strict()
  .refine((b) => b.decision === 'verified' || b.reason !== undefined, {
    message: 'a rejection needs a reason',
    path: ['reason'],
  });

export const organisationSchema = createOrgBody.extend({
  id: z.string(),
  verification: z.object({
    status: verificationStatusSchema,
    decidedAt: z.iso.datetime().optional(),
    decidedBy: z.string().optional(),
    reason: z.string().optional(),
  }),
  createdBy: z.string(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Organisation = z.infer<typeof organisationSchema>;

/**
 * What anyone may see. The contact person, who registered the organisation and who at the bureau decided
 * (and why) stay with members and admins.
 */
export const organisationPublicSchema = organisationSchema
  .omit({ contact: true, createdBy: true, verification: true })
  .extend({ verification: z.object({ status: verificationStatusSchema, decidedAt: z.iso.datetime().optional() }) });
export type OrganisationPublic = z.infer<typeof organisationPublicSchema>;

export function publicOrganisation(org: Organisation): OrganisationPublic {
  const { contact: _contact, createdBy: _createdBy, verification, ...rest } = org;
  return { ...rest, verification: { status: verification.status, ...(verification.decidedAt ? { decidedAt: verification.decidedAt } : {}) } };
}

/** The role a member of an organisation of this type acts in. Government members are admins only by group. */
export function roleForOrgType(type: OrgType): 'university' | 'enterprise' | 'transfer_center' | null {
  switch (type) {
    case 'university':
    case 'institute':
      return 'university';
    case 'enterprise':
      return 'enterprise';
    case 'transfer_center':
      return 'transfer_center';
    case 'government':
      return null;
  }
}

export function newOrganisation(input: CreateOrgInput, id: string, createdBy: string, now: Date): Organisation {
  const at = now.toISOString();
  return { ...input, id, createdBy, verification: { status: 'pending' }, version: 1, createdAt: at, updatedAt: at };
}

export function decideVerification(
  org: Organisation,
  decision: z.infer<typeof verifyOrgBody>,
  adminSub: string,
  now: Date,
): Organisation {
  const at = now.toISOString();
  return {
    ...org,
    verification: { status: decision.decision, decidedAt: at, decidedBy: adminSub, ...(decision.reason ? { reason: decision.reason } : {}) },
    version: org.version + 1,
    updatedAt: at,
  };
}
