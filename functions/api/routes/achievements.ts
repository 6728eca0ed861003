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
import { achievementListQuery } from '../../../shared/http/queries';

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
