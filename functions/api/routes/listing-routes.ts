/**
 * Routes for one listing kind (achievements or needs): the two resources have the same lifecycle shape,
 * so their HTTP surface is built once from the kind's schemas and actions.
 */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import {
  createListing,
  listListings,
  readListing,
  transitionListing,
  updateListing,
  type ListingView,
  type achievementSpec,
  type needSpec,
} from '../../../shared/services/listings';
import { DomainError } from '../../../shared/domain/errors';
import { searchHall, type HallQuery } from '../../../shared/services/search';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { etag, expectedVersion, parseBody, parseOptionalBody, parseQuery } from '../validation';
import { checkId, emptyBody } from './params';

type Spec = typeof achievementSpec | typeof needSpec;

export interface ListingRouteConfig<S extends Spec> {
  spec: S;
  /** e.g. /achievements */
  base: string;
  tag: string;
  nounEn: string;
  createBody: z.ZodType;
  updateBody: z.ZodType;
  fullSchema: z.ZodType;
  publicSchema: z.ZodType;
  listQuery: z.ZodType;
  /** Lifecycle actions exposed as POST {base}/:id/{action}. */
  actions: { action: S['adminActions'][number] | 'publish'; summary: string }[];
}

const problems = {
  400: { description: 'Invalid request (validation_failed, malformed_json, invalid_cursor)', schema: problemSchema, contentType: 'application/problem+json' },
  401: { description: 'Missing or invalid access token', schema: problemSchema, contentType: 'application/problem+json' },
  403: { description: 'Not allowed for this caller', schema: problemSchema, contentType: 'application/problem+json' },
  404: { description: 'Not found (or not visible to this caller)', schema: problemSchema, contentType: 'application/problem+json' },
  409: { description: 'Version conflict or transition not allowed', schema: problemSchema, contentType: 'application/problem+json' },
};


export function listingRoutes<S extends Spec>(config: ListingRouteConfig<S>) {
  const { spec, base } = config;
  const viewSchema = z.union([config.fullSchema, config.publicSchema]);
  // Every listing leaves through its schema: fields come out in a stable order, and a public view is
  // stripped to the public fields even if a projection upstream ever forgot one.
  const shape = (view: ListingView<any>) => (view.full ? config.fullSchema : config.publicSchema).parse(view.record);
  const respond = (c: Context, view: ListingView<any>, status: 200 | 201 = 200) => {
    c.header('ETag', etag((view.record as { version: number }).version));
    return c.json(shape(view) as object, status);
  };
  const app = new Hono<ApiEnv>()
    .post(base, async (c) => {
      const input = await parseBody(c, config.createBody);
      const { db, now } = c.var.deps;
      const record = await createListing(db, spec as any, c.var.principal, input, now());
      c.header('Location', `/api/v1${base}/${record.id}`);
      return respond(c, { full: true, record }, 201);
    })
    .get(base, async (c) => {
      const query = parseQuery(c, config.listQuery) as Record<string, unknown> & { limit?: number; ownerOrgId?: string };
      const limit = query.limit ?? 20;
      if (query.ownerOrgId === undefined) {
        // The public hall: answered by the search index (public fields of public listings only).
        const page = await searchHall(c.var.deps.search, spec.kind === 'achievement' ? 'achievements' : 'needs', spec.publicStatuses, { ...query, limit } as HallQuery);
        return c.json(page);
      }
      // One organisation's listings, read from the table: its members see drafts too.
      const { q, sort, trlBand, district, ...tableQuery } = query;
      if (q !== undefined || sort !== undefined || trlBand !== undefined || district !== undefined) {
        throw new DomainError('validation_failed', [
          { path: 'query.ownerOrgId', code: 'not_combinable', message: 'ownerOrgId lists an organisation’s listings; it cannot be combined with q, sort, trlBand or district.', messageZh: 'ownerOrgId 用于列出某机构的条目，不能与 q、sort、trlBand、district 同时使用。' },
        ]);
      }
      const page = await listListings(c.var.deps.db, spec as any, c.var.principal, { ...(tableQuery as object), limit } as never);
      return c.json({ items: page.items.map(shape), nextCursor: page.nextCursor, total: null, facets: {} });
    })
    .get(`${base}/:id`, async (c) => {
      const id = checkId(c.req.param('id'));
      return respond(c, await readListing(c.var.deps.db, spec as any, c.var.principal, id));
    })
    .patch(`${base}/:id`, async (c) => {
      const id = checkId(c.req.param('id'));
      const patch = await parseBody(c, config.updateBody);
      const { db, now } = c.var.deps;
      const record = await updateListing(db, spec as any, c.var.principal, id, patch, expectedVersion(c), now());
      return respond(c, { full: true, record });
    });

  for (const { action } of config.actions) {
    app.post(`${base}/:id/${action}`, async (c) => {
      const id = checkId(c.req.param('id') ?? '');
      await parseOptionalBody(c, emptyBody);
      const { db, now } = c.var.deps;
      const record = await transitionListing(db, spec as any, c.var.principal, id, action as never, expectedVersion(c), now());
      return respond(c, { full: true, record });
    });
  }

  const docs: RouteDoc[] = [
    {
      method: 'post', path: base, tag: config.tag, access: spec.creatorRole === 'university' ? 'university' : 'enterprise',
      summary: `Create a ${config.nounEn} (draft)`, body: config.createBody,
      responses: { 201: { description: 'Created; ETag carries the version', schema: config.fullSchema }, ...problems },
    },
    {
      method: 'get', path: base, tag: config.tag, access: 'anyone', query: config.listQuery,
      summary: `Search ${config.nounEn}s (Chinese full text, filters, facets, sort, highlights); with ownerOrgId, one organisation’s own list`,
      description: 'Without ownerOrgId the hall is answered by the search index: public fields of public listings only, `total` and facet counts, `highlights` (HTML-escaped, matches in <mark>) and `score` when q is given. With ownerOrgId the list comes from the table, newest first; its members (and admins) also see drafts and confidential fields.',
      responses: {
        200: {
          description: 'One page',
          schema: z.object({
            items: z.array(viewSchema),
            nextCursor: z.string().nullable(),
            total: z.number().int().nullable(),
            facets: z.record(z.string(), z.record(z.string(), z.number().int())),
          }),
        },
        ...problems,
      },
    },
    {
      method: 'get', path: `${base}/:id`, tag: config.tag, access: 'anyone',
      summary: `Read a ${config.nounEn}: public fields, or everything for its owner and admins`,
      responses: { 200: { description: 'The listing; ETag carries the version', schema: viewSchema }, ...problems },
    },
    {
      method: 'patch', path: `${base}/:id`, tag: config.tag, access: 'owner', body: config.updateBody, ifMatch: 'required',
      summary: `Edit a ${config.nounEn} (owner; If-Match with the version read)`,
      responses: { 200: { description: 'Updated', schema: config.fullSchema }, ...problems, 428: { description: 'If-Match missing', schema: problemSchema, contentType: 'application/problem+json' } },
    },
    ...config.actions.map(({ action, summary }): RouteDoc => ({
      method: 'post', path: `${base}/:id/${action}`, tag: config.tag, access: 'owner', ifMatch: 'optional', summary,
      responses: { 200: { description: 'New status', schema: config.fullSchema }, ...problems },
    })),
  ];
  return { app, docs };
}
