/**
 * Pieces that achievements and needs share: text limits, keywords, contact, cooperation modes, dates.
 */
import * as z from 'zod';
import { INDUSTRIES } from './industries';

// Control characters other than tab/newline have no place in listing text and break exports and search.
const NO_CONTROL = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;

export function text(min: number, max: number) {
  return z.string().trim().min(min).max(max).regex(NO_CONTROL, { message: 'must not contain control characters' });
}

export const industrySchema = z.enum(INDUSTRIES).describe('Industry from the city taxonomy (六新/六特/六优 and named fields)');

export const keywordsSchema = z
  .array(text(1, 20))
  .min(1)
  .max(10)
  .refine((list) => new Set(list).size === list.length, { message: 'keywords must be unique' })
  .describe('Up to 10 search keywords, each at most 20 characters');

/** 转让 assignment, 许可 licence, 作价入股 equity, 合作开发 joint development, 技术服务 service. */
export const TRANSFER_MODES = ['assignment', 'licence', 'equity', 'joint_development', 'service'] as const;
export const TRANSFER_MODE_LABELS_ZH: Record<(typeof TRANSFER_MODES)[number], string> = {
  assignment: '转让',
  licence: '许可',
  equity: '作价入股',
  joint_development: '合作开发',
  service: '技术服务',
};
export const transferModeSchema = z.enum(TRANSFER_MODES);
export type TransferMode = z.infer<typeof transferModeSchema>;

export const modesSchema = z
  .array(transferModeSchema)
  .min(1)
  .max(TRANSFER_MODES.length)
  .refine((list) => new Set(list).size === list.length, { message: 'modes must be unique' });

export const contactSchema = z
  .object({
    name: text(1, 50),
    phone: z
      .string()
      .trim()
      .refine((v) => /^\+?[0-9][0-9\- ]{5,19}$/.test(v), { message: 'must be a phone number', params: { zh: '请填写有效的电话号码，如 0952-1234567' } }),
    email: z.email().max(254),
  })
  .strict()
  .describe('Contact person: confidential, shown only to the owner (and, later, to an accepted counterpart)');
export type Contact = z.infer<typeof contactSchema>;

/** A calendar date in Asia/Shanghai, YYYY-MM-DD. */
export const dateSchema = z.iso.date();

/** Today's date in Asia/Shanghai (the city's calendar), as YYYY-MM-DD. */
export function shanghaiDate(now: Date): string {
  // Built from parts, not from a locale's format, so an ICU update cannot change the string we compare.
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const idSchema = z.string().regex(/^[a-z]+_[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'not a valid id' });

/** Fields every stored listing carries, set by the system and never by a request body. */
export const systemFieldsSchema = z.object({
  id: z.string(),
  ownerOrgId: z.string(),
  ownerOrgName: z.string(),
  /** The owner's district when the listing was created, for the district facet. */
  ownerDistrict: z.string().optional(),
  version: z.number().int().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  publishedAt: z.iso.datetime().optional(),
});
