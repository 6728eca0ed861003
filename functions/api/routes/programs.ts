/** The plan's incentive programs: the catalogue, maturation projects and their R&D input, applications. */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import { APPLICATION_STATUSES, applyBody, createProjectBody, decideApplicationBody, linkTransferBody, rdInputBody, rejectApplicationBody, reviewBody } from '../../../shared/domain/programs';
import { verifyPaymentBody } from '../../../shared/domain/contract';
import type { Actor } from '../../../shared/services/contracts';
import {
  applicationsFor, applicationView, createProject, decideApplication, decideRdInput, linkTransferContract, markApplicationPaid, programFigures, programRules, projectsOf,
  projectView, recordRdInput, reviewApplication, submitApplication,
} from '../../../shared/services/programs';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody, parseOptionalBody, parseQuery } from '../validation';
import { checkId } from './params';

function actor(c: Context<ApiEnv>): Actor {
  return { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() };
}

const statusQuery = z.object({ status: z.enum(APPLICATION_STATUSES).optional() }).strict();
const noQuery = z.object({}).strict();
const empty = z.object({}).strict();

const app = new Hono<ApiEnv>()
  .get('/programs', async (c) => {
    parseQuery(c, noQuery);
    return c.json({ rules: await programRules(c.var.deps.db), figures: await programFigures(c.var.deps.db, c.var.deps.now()) });
  })
  .post('/projects', async (c) => {
    const project = await createProject(c.var.deps.db, actor(c), await parseBody(c, createProjectBody));
    c.header('Location', `/api/v1/projects/${project.id}`);
    return c.json(project, 201);
  })
  .get('/projects', async (c) => {
    parseQuery(c, noQuery);
    return c.json({ items: await projectsOf(c.var.deps.db, actor(c)) });
  })
  .get('/projects/:id', async (c) => c.json(await projectView(c.var.deps.db, actor(c), checkId(c.req.param('id')))))
  .post('/projects/:id/inputs', async (c) => c.json(await recordRdInput(c.var.deps.db, actor(c), checkId(c.req.param('id')), await parseBody(c, rdInputBody)), 201))
  .post('/projects/:id/inputs/:inputId/verify', async (c) => {
    const body = await parseBody(c, verifyPaymentBody);
    return c.json(await decideRdInput(c.var.deps.db, actor(c), checkId(c.req.param('id')), checkId(c.req.param('inputId')), body.decision, body.reason));
  })
  .post('/projects/:id/transfer', async (c) => c.json(await linkTransferContract(c.var.deps.db, actor(c), checkId(c.req.param('id')), (await parseBody(c, linkTransferBody)).contractId)))
  .post('/applications', async (c) => {
    const application = await submitApplication(c.var.deps.db, actor(c), await parseBody(c, applyBody));
    c.header('Location', `/api/v1/applications/${application.id}`);
    return c.json(application, 201);
  })
  .get('/applications', async (c) => c.json({ items: await applicationsFor(c.var.deps.db, actor(c), parseQuery(c, statusQuery).status) }))
  .get('/applications/:id', async (c) => c.json(await applicationView(c.var.deps.db, actor(c), checkId(c.req.param('id')))))
  .post('/applications/:id/review', async (c) => c.json(await reviewApplication(c.var.deps.db, actor(c), checkId(c.req.param('id')), (await parseBody(c, reviewBody)).note)))
  .post('/applications/:id/approve', async (c) => {
    const body = await parseOptionalBody(c, decideApplicationBody);
    return c.json(await decideApplication(c.var.deps.db, actor(c), checkId(c.req.param('id')), 'approved', body.reason));
  })
  .post('/applications/:id/reject', async (c) => c.json(await decideApplication(c.var.deps.db, actor(c), checkId(c.req.param('id')), 'rejected', (await parseBody(c, rejectApplicationBody)).reason)))
  .post('/applications/:id/pay', async (c) => {
    await parseOptionalBody(c, empty);
    return c.json(await markApplicationPaid(c.var.deps.db, actor(c), checkId(c.req.param('id'))));
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const tag = '扶持项目 Programs';
const record = z.record(z.string(), z.unknown());
const items = z.object({ items: z.array(record) });
const docs: RouteDoc[] = [
  { method: 'get', path: '/programs', tag, access: 'anyone', query: noQuery, summary: 'The programs’ versioned rules (rate, cap, base, eligibility, window, assumptions) and what each has approved and paid', responses: { 200: { description: 'Programs' } } },
  { method: 'post', path: '/projects', tag, access: 'signed-in', body: createProjectBody, summary: 'Start a 中试熟化 project on one of your achievements (verified university, institute or enterprise)', responses: { 201: { description: 'Project', schema: record }, ...errors } },
  { method: 'get', path: '/projects', tag, access: 'signed-in', query: noQuery, summary: 'Your organisation’s projects; admins: all', responses: { 200: { description: 'Projects', schema: items }, ...errors } },
  { method: 'get', path: '/projects/:id', tag, access: 'owner', summary: 'A project with its R&D input and applications (owner and admins)', responses: { 200: { description: 'Project', schema: record }, ...errors } },
  { method: 'post', path: '/projects/:id/inputs', tag, access: 'owner', body: rdInputBody, summary: 'Record R&D input spent, with the evidence that the funds were in place', responses: { 201: { description: 'Recorded', schema: record }, ...errors } },
  { method: 'post', path: '/projects/:id/inputs/:inputId/verify', tag, access: 'admin', body: verifyPaymentBody, summary: 'Verify an R&D input record against its evidence, or reject it with a reason', responses: { 200: { description: 'Decided', schema: record }, ...errors } },
  { method: 'post', path: '/projects/:id/transfer', tag, access: 'owner', body: linkTransferBody, summary: 'Name the registered contract that transferred the project’s achievement', responses: { 200: { description: 'Project', schema: record }, ...errors } },
  { method: 'post', path: '/applications', tag, access: 'signed-in', body: applyBody, summary: 'Apply: maturation guidance or team reward (amount computed from the verified base, reserved against the cap) or the one-off start-up grant', responses: { 201: { description: 'Submitted', schema: record }, ...errors } },
  { method: 'get', path: '/applications', tag, access: 'signed-in', query: statusQuery, summary: 'Your organisation’s applications; admins: all, or those in a status', responses: { 200: { description: 'Applications', schema: items }, ...errors } },
  { method: 'get', path: '/applications/:id', tag, access: 'owner', summary: 'An application (applicant and admins)', responses: { 200: { description: 'Application', schema: record }, ...errors } },
  { method: 'post', path: '/applications/:id/review', tag, access: 'admin', body: reviewBody, summary: 'Take an application into review with the reviewer’s note', responses: { 200: { description: 'Under review', schema: record }, ...errors } },
  { method: 'post', path: '/applications/:id/approve', tag, access: 'admin', body: decideApplicationBody, summary: 'Approve (an admin other than the reviewer and the verifiers of its base); posts the program entry once', responses: { 200: { description: 'Approved', schema: record }, ...errors } },
  { method: 'post', path: '/applications/:id/reject', tag, access: 'admin', body: rejectApplicationBody, summary: 'Reject with a reason; releases the reservation', responses: { 200: { description: 'Rejected', schema: record }, ...errors } },
  { method: 'post', path: '/applications/:id/pay', tag, access: 'admin', summary: 'Record that an approved amount was paid out', responses: { 200: { description: 'Paid', schema: record }, ...errors } },
];

export const programs = { app, docs };
