/** Ranked counterparts for a listing, each with a readable explanation (owner and admins only). */
import { Hono } from 'hono';
import * as z from 'zod';
import { matchesForAchievement, matchesForNeed } from '../../../shared/services/matching';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseQuery } from '../validation';
import { checkId } from './params';
import { pageQuery } from '../../../shared/http/queries';

const matchQuery = z.object({ limit: pageQuery.limit }).strict();

const fitSchema = z.object({ value: z.number().min(0).max(1), zh: z.string(), en: z.string() });
const matchListSchema = z.object({
  items: z.array(
    z.object({
      listing: z.record(z.string(), z.unknown()).describe('The counterpart’s public fields'),
      score: z.number().min(0).max(1),
      explanation: z.object({
        sharedKeywords: z.array(z.string()).describe('Words both sides use; "a≈b" where they meet through a synonym'),
        industry: fitSchema,
        maturity: fitSchema,
        price: fitSchema,
        summaryZh: z.string(),
        summaryEn: z.string(),
      }),
    }),
  ),
  queryWords: z.array(z.object({ word: z.string(), weight: z.number() })).max(10),
});

const app = new Hono<ApiEnv>()
  .get('/needs/:id/matches', async (c) => {
    const { limit } = parseQuery(c, matchQuery);
    const { db, search } = c.var.deps;
    return c.json(await matchesForNeed(db, search, c.var.principal, checkId(c.req.param('id')), limit ?? 10));
  })
  .get('/achievements/:id/matches', async (c) => {
    const { limit } = parseQuery(c, matchQuery);
    const { db, search, now } = c.var.deps;
    return c.json(await matchesForAchievement(db, search, c.var.principal, checkId(c.req.param('id')), limit ?? 10, now()));
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const docs: RouteDoc[] = [
  {
    method: 'get', path: '/needs/:id/matches', tag: '匹配 Matching', access: 'owner', query: matchQuery,
    summary: 'Achievements that could solve this need, ranked 0–1, each explained (shared keywords, industry, maturity, price fit)',
    responses: { 200: { description: 'Matches', schema: matchListSchema }, 401: problem, 403: problem, 404: problem },
  },
  {
    method: 'get', path: '/achievements/:id/matches', tag: '匹配 Matching', access: 'owner', query: matchQuery,
    summary: 'Open needs and challenges this achievement could answer (deadline not passed), ranked and explained',
    responses: { 200: { description: 'Matches', schema: matchListSchema }, 401: problem, 403: problem, 404: problem },
  },
];

export const matches = { app, docs };
