import * as z from 'zod';
import { districtSchema } from '../../../shared/domain/organisation';
import {
  achievementPublicSchema,
  achievementSchema,
  achievementStatusSchema,
  createAchievementBody,
  updateAchievementBody,
} from '../../../shared/domain/achievement';
import { industrySchema, transferModeSchema } from '../../../shared/domain/listing-common';
import { achievementSpec } from '../../../shared/services/listings';
import { listingRoutes } from './listing-routes';
import { fenQuery, pageQuery, trlQuery } from './params';

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

export const achievements = listingRoutes({
  spec: achievementSpec,
  base: '/achievements',
  tag: '科技成果 Achievements',
  nounEn: 'research achievement',
  createBody: createAchievementBody,
  updateBody: updateAchievementBody,
  fullSchema: achievementSchema,
  publicSchema: achievementPublicSchema,
  listQuery: achievementListQuery,
  actions: [
    { action: 'publish', summary: 'Publish a draft (owner; organisation must be verified)' },
    { action: 'archive', summary: 'Archive (owner, or an admin moderating)' },
  ],
});
