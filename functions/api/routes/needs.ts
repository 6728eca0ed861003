import * as z from 'zod';
import { districtSchema } from '../../../shared/domain/organisation';
import { industrySchema, transferModeSchema } from '../../../shared/domain/listing-common';
import { createNeedBody, needPublicSchema, needSchema, needStatusSchema, updateNeedBody } from '../../../shared/domain/need';
import { needSpec } from '../../../shared/services/listings';
import { listingRoutes } from './listing-routes';
import { needListQuery } from '../../../shared/http/queries';

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
