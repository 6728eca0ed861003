/**
 * Saved searches (订阅) and the notifications they and matching produce. A notification exists at most
 * once per (listing, recipient): the alert handler may see a publication many times.
 */
import * as z from 'zod';
import { industrySchema, text, transferModeSchema } from './listing-common';
import { fenSchema } from './money';
import { districtSchema } from './organisation';

export const savedSearchQuerySchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    industry: industrySchema.optional(),
    trlMin: z.number().int().min(1).max(9).optional(),
    mode: transferModeSchema.optional(),
    district: districtSchema.optional(),
    priceMaxFen: fenSchema.optional(),
    budgetMinFen: fenSchema.optional(),
    challenge: z.boolean().optional(),
  })
  .strict()
  .refine((q) => Object.keys(q).length > 0, { message: 'say what to watch for', params: { zh: '请至少设置一个条件' } });

export const createSavedSearchBody = z
  .object({
    name: text(2, 60),
    kind: z.enum(['achievement', 'need']).describe('Which hall to watch'),
    query: savedSearchQuerySchema,
  })
  .strict();

export const savedSearchSchema = createSavedSearchBody.extend({
  id: z.string(),
  ownerSub: z.string(),
  ownerOrgId: z.string().nullable(),
  createdAt: z.iso.datetime(),
});
export type SavedSearch = z.infer<typeof savedSearchSchema>;

export const notificationSchema = z.object({
  id: z.string(),
  type: z.enum(['saved_search_match', 'counterpart_match']),
  listingKind: z.enum(['achievement', 'need']),
  listingId: z.string(),
  listingTitle: z.string(),
  /** For counterpart matches: which of the recipient's listings it matches, and how well. */
  matchedListingId: z.string().optional(),
  score: z.number().min(0).max(1).optional(),
  reasonZh: z.string(),
  reasonEn: z.string(),
  savedSearchId: z.string().optional(),
  createdAt: z.iso.datetime(),
});
export type Notification = z.infer<typeof notificationSchema>;

/** Matches scoring at least this notify the counterpart's owner. */
export const ALERT_THRESHOLD = 0.45;
