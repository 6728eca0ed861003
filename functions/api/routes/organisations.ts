import { Hono } from 'hono';
import * as z from 'zod';
import {
  createOrgBody,
  organisationPublicSchema,
  organisationSchema,
  verificationStatusSchema,
  verifyOrgBody,
} from '../../../shared/domain/organisation';
import { listOrganisations, readOrganisation, registerOrganisation, verifyOrganisation } from '../../../shared/services/organisations';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { etag, expectedVersion, parseBody, parseQuery } from '../validation';
import { checkId } from './params';
import { pageQuery } from '../../../shared/http/queries';

const orgListQuery = z
  .object({ verification: verificationStatusSchema.optional().describe('Default verified; pending and rejected are the bureau’s queues'), ...pageQuery })
  .strict();

const app = new Hono<ApiEnv>()
  .post('/orgs', async (c) => {
    const input = await parseBody(c, createOrgBody);
    const org = await registerOrganisation(c.var.deps.db, c.var.principal, input, c.var.deps.now());
    c.header('Location', `/api/v1/orgs/${org.id}`);
    c.header('ETag', etag(org.version));
    return c.json(org, 201);
  })
  .get('/orgs', async (c) => {
    const q = parseQuery(c, orgListQuery);
    const page = await listOrganisations(c.var.deps.db, c.var.principal, {
      verification: q.verification ?? 'verified',
      limit: q.limit ?? 20,
      ...(q.cursor ? { cursor: q.cursor } : {}),
    });
    return c.json(page);
  })
  .get('/orgs/:id', async (c) => {
    const org = await readOrganisation(c.var.deps.db, c.var.principal, checkId(c.req.param('id')));
    c.header('ETag', etag(org.version));
    return c.json(org);
  })
  .post('/orgs/:id/verify', async (c) => {
    const decision = await parseBody(c, verifyOrgBody);
    const { db, now } = c.var.deps;
    const org = await verifyOrganisation(db, c.var.principal, checkId(c.req.param('id')), decision, expectedVersion(c), now());
    c.header('ETag', etag(org.version));
    return c.json(org);
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const docs: RouteDoc[] = [
  {
    method: 'post', path: '/orgs', tag: '机构 Organisations', access: 'signed-in', body: createOrgBody,
    summary: 'Register your organisation; you become its first member and it awaits the bureau’s verification',
    responses: { 201: { description: 'Registered (verification pending)', schema: organisationSchema }, 400: problem, 401: problem, 403: problem, 409: problem },
  },
  {
    method: 'get', path: '/orgs', tag: '机构 Organisations', access: 'anyone', query: orgListQuery,
    summary: 'The register of verified organisations; admins also see the pending and rejected queues',
    responses: { 200: { description: 'One page', schema: z.object({ items: z.array(z.union([organisationSchema, organisationPublicSchema])), nextCursor: z.string().nullable() }) }, 400: problem, 403: problem },
  },
  {
    method: 'get', path: '/orgs/:id', tag: '机构 Organisations', access: 'anyone',
    summary: 'An organisation’s profile; the contact person only for its members and admins',
    responses: { 200: { description: 'Profile', schema: z.union([organisationSchema, organisationPublicSchema]) }, 404: problem },
  },
  {
    method: 'post', path: '/orgs/:id/verify', tag: '机构 Organisations', access: 'admin', body: verifyOrgBody, ifMatch: 'optional',
    summary: 'Verify or reject an organisation (bureau only)',
    responses: { 200: { description: 'Decided', schema: organisationSchema }, 400: problem, 401: problem, 403: problem, 404: problem, 409: problem },
  },
];

export const organisations = { app, docs };
