/**
 * Query-string schemas both front doors read: paging, whole numbers and booleans from a query, and the
 * two halls' filters (the API's list routes and the hall pages parse the same query the same way).
 */
import * as z from 'zod';
import { industrySchema, transferModeSchema } from '../domain/listing-common';
import { achievementStatusSchema } from '../domain/achievement';
import { needStatusSchema } from '../domain/need';
import { fenSchema } from '../domain/money';
import { districtSchema } from '../domain/organisation';

const intFromQuery = (schema: z.ZodNumber) => z.string().regex(/^\d{1,15}$/, { message: 'must be a whole number' }).transform(Number).pipe(schema);

export const pageQuery = {
  limit: intFromQuery(z.number().int().min(1).max(100)).optional().describe('Page size, 1–100 (default 20)'),
  cursor: z.string().max(1024).optional().describe('Opaque cursor from the previous page’s nextCursor'),
};

export const fenQuery = () => intFromQuery(fenSchema);
export const trlQuery = () => intFromQuery(z.number().int().min(1).max(9));
export const boolQuery = () => z.enum(['true', 'false']).transform((v) => v === 'true');


export const achievementListQuery = z
  .object({
    q: z.string().trim().max(100).optional().describe('Free text in Chinese or English'),
    trlBand: z.enum(['lab', 'pilot', 'industrial']).optional().describe('Maturity band: lab TRL 1–4, pilot 5–7, industrial 8–9'),
    district: districtSchema.optional(),
    sort: z.enum(['relevance', 'newest', 'price_asc', 'price_desc']).optional().describe('Default: relevance with q, newest without'),
    industry: industrySchema.optional(),
    trlMin: trlQuery().optional().describe('Minimum TRL'),
    mode: transferModeSchema.optional().describe('Offered transfer mode'),
    priceMaxFen: fenQuery().optional().describe('Price ceiling in fen: the asking price (or the low end of its range) is at most this; 面议 listings are left out'),
    status: achievementStatusSchema.optional().describe('Default published; draft and archived only with your own ownerOrgId'),
    ownerOrgId: z.string().max(40).optional().describe('Only this organisation’s achievements'),
    ...pageQuery,
  })
  .strict();

export const needListQuery = z
  .object({
    q: z.string().trim().max(100).optional().describe('Free text in Chinese or English'),
    district: districtSchema.optional(),
    sort: z.enum(['relevance', 'newest', 'budget_asc', 'budget_desc']).optional().describe('Default: relevance with q, newest without'),
    industry: industrySchema.optional(),
    mode: transferModeSchema.optional().describe('Wanted cooperation mode'),
    challenge: boolQuery().optional().describe('true: only 揭榜挂帅 challenges; false: only ordinary needs'),
    budgetMinFen: fenQuery().optional().describe('Budget reaches at least this many fen (面议 left out)'),
    status: needStatusSchema.optional().describe('Default published; draft and closed only with your own ownerOrgId'),
    ownerOrgId: z.string().max(40).optional(),
    ...pageQuery,
  })
  .strict();
