/** Saved searches and the notification inbox. */
import { Hono } from 'hono';
import * as z from 'zod';
import { createSavedSearchBody, notificationSchema, savedSearchSchema } from '../../../shared/domain/alerts';
import { createSavedSearch, listSavedSearches, notifications, removeSavedSearch } from '../../../shared/services/alerts';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody, parseQuery } from '../validation';
import { checkId } from './params';
import { pageQuery } from '../../../shared/http/queries';

const inboxQuery = z.object(pageQuery).strict();

const app = new Hono<ApiEnv>()
  .post('/saved-searches', async (c) => {
    const body = await parseBody(c, createSavedSearchBody);
    const saved = await createSavedSearch(c.var.deps.db, c.var.principal, body, c.var.deps.now());
    c.header('Location', `/api/v1/saved-searches/${saved.id}`);
    return c.json(saved, 201);
  })
  .get('/saved-searches', async (c) => c.json({ items: await listSavedSearches(c.var.deps.db, c.var.principal) }))
  .delete('/saved-searches/:id', async (c) => {
    await removeSavedSearch(c.var.deps.db, c.var.principal, checkId(c.req.param('id')));
    return c.body(null, 204);
  })
  .get('/notifications', async (c) => {
    const q = parseQuery(c, inboxQuery);
    return c.json(await notifications(c.var.deps.db, c.var.principal, { limit: q.limit ?? 20, ...(q.cursor ? { cursor: q.cursor } : {}) }));
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const tag = '订阅与通知 Alerts';
const docs: RouteDoc[] = [
  { method: 'post', path: '/saved-searches', tag, access: 'signed-in', body: createSavedSearchBody, summary: 'Save a search: you are notified when a newly published listing satisfies it', responses: { 201: { description: 'Saved', schema: savedSearchSchema }, 400: problem, 401: problem } },
  { method: 'get', path: '/saved-searches', tag, access: 'signed-in', summary: 'Your saved searches', responses: { 200: { description: 'List', schema: z.object({ items: z.array(savedSearchSchema) }) }, 401: problem } },
  { method: 'delete', path: '/saved-searches/:id', tag, access: 'owner', summary: 'Delete one of your saved searches', responses: { 204: { description: 'Deleted' }, 401: problem, 404: problem } },
  { method: 'get', path: '/notifications', tag, access: 'signed-in', query: inboxQuery, summary: 'Your notifications, newest first: saved-search hits for you, and matches for your organisation’s listings', responses: { 200: { description: 'One page', schema: z.object({ items: z.array(notificationSchema), nextCursor: z.string().nullable() }) }, 401: problem } },
];

export const alerts = { app, docs };
