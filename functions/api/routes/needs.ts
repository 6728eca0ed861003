import * as z from 'zod';
import { districtSchema } from '../../../shared/domain/organisation';
import { industrySchema, transferModeSchema } from '../../../shared/domain/listing-common';
import { createNeedBody, needPublicSchema, needSchema, needStatusSchema, updateNeedBody } from '../../../shared/domain/need';
import { needSpec } from '../../../shared/services/listings';
import { listingRoutes } from './listing-routes';
import { boolQuery, fenQuery, pageQuery } from './params';

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

export const needs = listingRoutes({
  spec: needSpec,
  base: '/needs',
  tag: '技术需求 Needs & challenges',
  nounEn: 'technical need',
  createBody: createNeedBody,
  updateBody: updateNeedBody,
  fullSchema: needSchema,
  publicSchema: needPublicSchema,
  listQuery: needListQuery,
  actions: [
    { action: 'publish', summary: 'Publish a draft (owner; organisation must be verified; deadline not passed)' },
    { action: 'close', summary: 'Close (owner or admin; a published challenge only after its deadline)' },
  ],
});
