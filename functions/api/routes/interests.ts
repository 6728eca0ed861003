/** 意向 and 揭榜: send, decide, read. */
import { Hono } from 'hono';
import * as z from 'zod';
import { declineBody, interestBody, interestSchema, proposalBody } from '../../../shared/domain/interest';
import { contactSchema } from '../../../shared/domain/listing-common';
import { decide, expressInterest, listInterests, readInterest, submitProposal } from '../../../shared/services/interests';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody, parseOptionalBody, parseQuery } from '../validation';
import { checkId, emptyBody } from './params';
import { pageQuery } from '../../../shared/http/queries';

const interestView = interestSchema
  .omit({ contact: true, senderSub: true })
  .extend({
    contact: contactSchema.optional().describe('The sender’s contact: for the sender, and for the owner once accepted'),
    disclosure: z.object({ confidentialDetail: z.string(), contact: contactSchema }).optional().describe('For the sender once accepted'),
  });
const listQuery = z.object({ box: z.enum(['received', 'sent']), listingId: z.string().max(40).optional(), ...pageQuery }).strict();

async function optionalEmptyBody(c: Parameters<typeof parseBody>[0]) {
  await parseOptionalBody(c, emptyBody);
}

const app = new Hono<ApiEnv>()
  .post('/achievements/:id/interests', async (c) => {
    const body = await parseBody(c, interestBody);
    const { db, now } = c.var.deps;
    const interest = await expressInterest(db, c.var.principal, checkId(c.req.param('id')), body, now());
    c.header('Location', `/api/v1/interests/${interest.id}`);
    return c.json(interest, 201);
  })
  .post('/needs/:id/proposals', async (c) => {
    const body = await parseBody(c, proposalBody);
    const { db, now } = c.var.deps;
    const proposal = await submitProposal(db, c.var.principal, checkId(c.req.param('id')), body, now());
    c.header('Location', `/api/v1/interests/${proposal.id}`);
    return c.json(proposal, 201);
  })
  .get('/interests', async (c) => {
    const q = parseQuery(c, listQuery);
    return c.json(await listInterests(c.var.deps.db, c.var.principal, { box: q.box, limit: q.limit ?? 20, ...(q.listingId ? { listingId: q.listingId } : {}), ...(q.cursor ? { cursor: q.cursor } : {}) }));
  })
  .get('/interests/:id', async (c) => c.json(await readInterest(c.var.deps.db, c.var.principal, checkId(c.req.param('id')))))
  .post('/interests/:id/accept', async (c) => {
    await optionalEmptyBody(c);
    const { db, now } = c.var.deps;
    return c.json(await decide(db, c.var.principal, checkId(c.req.param('id')), { action: 'accept' }, now()));
  })
  .post('/interests/:id/decline', async (c) => {
    const body = await parseBody(c, declineBody);
    const { db, now } = c.var.deps;
    return c.json(await decide(db, c.var.principal, checkId(c.req.param('id')), { action: 'decline', reason: body.reason, note: body.note }, now()));
  })
  .post('/interests/:id/withdraw', async (c) => {
    await optionalEmptyBody(c);
    const { db, now } = c.var.deps;
    return c.json(await decide(db, c.var.principal, checkId(c.req.param('id')), { action: 'withdraw' }, now()));
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const tag = '意向与揭榜 Interests & proposals';
const docs: RouteDoc[] = [
  { method: 'post', path: '/achievements/:id/interests', tag, access: 'enterprise', body: interestBody, summary: 'Express interest in an achievement (member of a verified enterprise)', responses: { 201: { description: 'Sent', schema: interestView }, ...errors } },
  { method: 'post', path: '/needs/:id/proposals', tag, access: 'university', body: proposalBody, summary: 'Submit a 揭榜 proposal for a need or challenge (member of a verified university or institute; before the deadline)', responses: { 201: { description: 'Sent', schema: interestView }, ...errors } },
  { method: 'get', path: '/interests', tag, access: 'signed-in', query: listQuery, summary: 'Your organisation’s received (on its listings) or sent interests and proposals', responses: { 200: { description: 'One page', schema: z.object({ items: z.array(interestView), nextCursor: z.string().nullable() }) }, ...errors } },
  { method: 'get', path: '/interests/:id', tag, access: 'owner', summary: 'One interest: for the listing owner, the sender and admins; includes the disclosure once accepted', responses: { 200: { description: 'Interest', schema: interestView }, ...errors } },
  { method: 'post', path: '/interests/:id/accept', tag, access: 'owner', summary: 'Accept (listing owner): contacts and confidential detail are disclosed; the listing enters negotiation', responses: { 200: { description: 'Accepted', schema: interestView }, ...errors } },
  { method: 'post', path: '/interests/:id/decline', tag, access: 'owner', body: declineBody, summary: 'Decline with a coded reason (listing owner)', responses: { 200: { description: 'Declined', schema: interestView }, ...errors } },
  { method: 'post', path: '/interests/:id/withdraw', tag, access: 'owner', summary: 'Withdraw a pending interest (sender)', responses: { 200: { description: 'Withdrawn', schema: interestView }, ...errors } },
];

export const interests = { app, docs };
