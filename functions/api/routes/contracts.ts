/** Contracts, payments, rewards, claims, policies, KPIs and the audit trail. */
import { Hono, type Context } from 'hono';
import * as z from 'zod';
import * as repo from '../../../shared/db/contracts';
import {
  claimSchema,
  closeContractBody,
  contractSchema,
  createClaimBody,
  createContractBody,
  decideClaimBody,
  paymentSchema,
  recordPaymentBody,
  registerContractBody,
  rewardBalanceSchema,
  verifyPaymentBody,
} from '../../../shared/domain/contract';
import { DomainError } from '../../../shared/domain/errors';
import { createPolicyBody, policySchema } from '../../../shared/domain/reward-policy';
import { closeContract, createContract, listBrokeredContracts, loadContract, recordPayment, registerContract, verifyPayment, type Actor } from '../../../shared/services/contracts';
import { idempotent, requestHash, type IdempotencyRequest } from '../../../shared/services/idempotency';
import { createPolicy, decideClaim, listPolicies, markClaimPaid, rewardView, submitClaim } from '../../../shared/services/rewards';
import { contractsWorkbook } from '../../../shared/services/export';
import { dashboardWorkbook } from '../../../shared/services/dashboard-export';
import { cityStats } from '../../../shared/services/stats';
import { requireSignedIn } from '../../../shared/services/access';
import type { ApiEnv } from '../../../shared/http/context';
import type { RouteDoc } from '../openapi/route-docs';
import { problemSchema } from '../../../shared/http/problem';
import { parseBody, parseOptionalBody, parseQuery } from '../validation';
import { checkId } from './params';

function actor(c: Context<ApiEnv>): Actor {
  return { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() };
}

/** Idempotency-Key: 8–100 safe characters (a UUID is typical). */
function idempotencyKey(c: Context<ApiEnv>, body: unknown, required: boolean): IdempotencyRequest | undefined {
  const key = c.req.header('idempotency-key');
  if (key === undefined) {
    if (required) throw new DomainError('idempotency_key_required');
    return undefined;
  }
  if (!/^[\w\-:.]{8,100}$/.test(key)) {
    throw new DomainError('validation_failed', [{ path: 'Idempotency-Key', code: 'invalid_format', message: '8–100 letters, digits, - _ : .', messageZh: '须为 8–100 位字母、数字或 - _ : .' }]);
  }
  return { key, requestHash: requestHash(c.req.method, c.req.path, body) };
}

const adminQueue = z.object({ status: z.string().max(20).optional() }).strict();
const statsQuery = z.object({}).strict();

const app = new Hono<ApiEnv>()
  .post('/contracts', async (c) => {
    const body = await parseBody(c, createContractBody);
    const contract = await createContract(c.var.deps.db, actor(c), body);
    c.header('Location', `/api/v1/contracts/${contract.id}`);
    return c.json(contract, 201);
  })
  .get('/contracts', async (c) => {
    const { status } = parseQuery(c, adminQueue);
    const principal = c.var.principal;
    // Admins see the registration queue by status; a transfer center its own brokered contracts.
    if (principal?.isAdmin) return c.json({ items: (await repo.contractsWithStatus(c.var.deps.db, status ?? 'submitted')).reverse() });
    return c.json({ items: await listBrokeredContracts(c.var.deps.db, principal) });
  })
  .get('/contracts/:id', async (c) => c.json((await loadContract(c.var.deps.db, c.var.principal, checkId(c.req.param('id')))).contract))
  .post('/contracts/:id/register', async (c) => {
    const body = await parseBody(c, registerContractBody);
    return c.json(await registerContract(c.var.deps.db, actor(c), checkId(c.req.param('id')), body));
  })
  .post('/contracts/:id/close', async (c) => {
    const body = await parseBody(c, closeContractBody);
    return c.json(await closeContract(c.var.deps.db, actor(c), checkId(c.req.param('id')), body));
  })
  .get('/contracts/:id/payments', async (c) => {
    const { contract } = await loadContract(c.var.deps.db, c.var.principal, checkId(c.req.param('id')));
    return c.json({ items: await repo.paymentsOf(c.var.deps.db, contract.id) });
  })
  .post('/contracts/:id/payments', async (c) => {
    const body = await parseBody(c, recordPaymentBody);
    const request = idempotencyKey(c, body, false);
    // Who is asking comes before any replay: a stored response is only ever returned to its own caller.
    const principal = requireSignedIn(c.var.principal);
    const result = await idempotent(c.var.deps.db, principal.sub, request, () => recordPayment(c.var.deps.db, actor(c), checkId(c.req.param('id')), body, request));
    c.header('Location', `/api/v1/payments/${result.body.id}`);
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  })
  .get('/payments', async (c) => {
    if (!c.var.principal?.isAdmin) throw new DomainError(c.var.principal ? 'role_required' : 'unauthenticated');
    const { status } = parseQuery(c, adminQueue);
    return c.json({ items: await repo.paymentsWithStatus(c.var.deps.db, status ?? 'recorded') });
  })
  .post('/payments/:id/verify', async (c) => {
    const body = await parseBody(c, verifyPaymentBody);
    return c.json(await verifyPayment(c.var.deps.db, actor(c), checkId(c.req.param('id')), body));
  })
  .get('/contracts/:id/reward', async (c) => c.json(await rewardView(c.var.deps.db, c.var.principal, checkId(c.req.param('id')))))
  .post('/contracts/:id/claims', async (c) => {
    const body = await parseBody(c, createClaimBody);
    const request = idempotencyKey(c, body, true)!;
    const result = await submitClaim(c.var.deps.db, actor(c), checkId(c.req.param('id')), body, request);
    c.header('Location', `/api/v1/claims/${result.body.id}`);
    if (result.replayed) c.header('Idempotent-Replayed', 'true');
    return c.json(result.body, 201);
  })
  .get('/claims', async (c) => {
    if (!c.var.principal?.isAdmin) throw new DomainError(c.var.principal ? 'role_required' : 'unauthenticated');
    const { status } = parseQuery(c, adminQueue);
    return c.json({ items: await repo.claimsWithStatus(c.var.deps.db, status ?? 'pending') });
  })
  .post('/claims/:id/approve', async (c) => {
    const body = await parseOptionalBody(c, decideClaimBody);
    return c.json(await decideClaim(c.var.deps.db, actor(c), checkId(c.req.param('id')), 'approved', body.reason));
  })
  .post('/claims/:id/reject', async (c) => {
    const body = await parseBody(c, decideClaimBody);
    return c.json(await decideClaim(c.var.deps.db, actor(c), checkId(c.req.param('id')), 'rejected', body.reason));
  })
  .post('/claims/:id/pay', async (c) => {
    await parseOptionalBody(c, z.object({}).strict());
    return c.json(await markClaimPaid(c.var.deps.db, actor(c), checkId(c.req.param('id'))));
  })
  .get('/contracts/:id/audit', async (c) => {
    if (!c.var.principal?.isAdmin) throw new DomainError(c.var.principal ? 'role_required' : 'unauthenticated');
    const id = checkId(c.req.param('id'));
    if (!(await repo.getContract(c.var.deps.db, id))) throw new DomainError('not_found');
    return c.json({ items: await repo.auditTrail(c.var.deps.db, id) });
  })
  .get('/policies', async (c) => c.json({ items: await listPolicies(c.var.deps.db) }))
  .post('/policies', async (c) => {
    const body = await parseBody(c, createPolicyBody);
    return c.json(await createPolicy(c.var.deps.db, actor(c), body), 201);
  })
  .get('/admin/exports/contracts.xlsx', async (c) => {
    const workbook = await contractsWorkbook(c.var.deps.db, c.var.principal);
    const day = c.var.deps.now().toISOString().slice(0, 10);
    return c.body(new Uint8Array(workbook), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="contracts-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`技术合同-${day}.xlsx`)}`,
    });
  })
  .get('/admin/exports/dashboard.xlsx', async (c) => {
    const workbook = await dashboardWorkbook(c.var.deps.db, c.var.principal, c.var.deps.now());
    const day = c.var.deps.now().toISOString().slice(0, 10);
    return c.body(new Uint8Array(workbook), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="dashboard-${day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`数据看板-${day}.xlsx`)}`,
    });
  })
  .get('/stats', async (c) => {
    parseQuery(c, statsQuery);
    const gdp = Number(process.env.CITY_GDP_FEN);
    return c.json(await cityStats(c.var.deps.db, c.var.principal, Number.isSafeInteger(gdp) && gdp > 0 ? { gdpFen: gdp } : {}));
  });

const problem = { description: 'Problem', schema: problemSchema, contentType: 'application/problem+json' };
const errors = { 400: problem, 401: problem, 403: problem, 404: problem, 409: problem };
const tag = '合同与奖励 Contracts & rewards';
const items = (schema: z.ZodType) => z.object({ items: z.array(schema) });
const idem = { description: 'Idempotency-Key header: the same key and body replay the first response; a different body is 409' };
const docs: RouteDoc[] = [
  { method: 'post', path: '/contracts', tag, access: 'signed-in', body: createContractBody, summary: 'Record a technology contract you brokered (member of a verified transfer center)', responses: { 201: { description: 'Draft contract', schema: contractSchema }, ...errors } },
  { method: 'get', path: '/contracts', tag, access: 'signed-in', query: adminQueue, summary: 'Your brokered contracts; admins: the contracts in a status (default submitted: the registration queue)', responses: { 200: { description: 'Contracts', schema: items(contractSchema) }, ...errors } },
  { method: 'get', path: '/contracts/:id', tag, access: 'owner', summary: 'A contract (its seller, buyer, broker and admins)', responses: { 200: { description: 'Contract', schema: contractSchema }, ...errors } },
  { method: 'post', path: '/contracts/:id/register', tag, access: 'admin', body: registerContractBody, summary: '认定登记: register (assigns the registration number) or reject with a reason', responses: { 200: { description: 'Decided', schema: contractSchema }, ...errors } },
  { method: 'post', path: '/contracts/:id/close', tag, access: 'admin', body: closeContractBody, summary: 'Close a performing contract as completed, or terminate a registered or performing one (reason required)', responses: { 200: { description: 'Closed', schema: contractSchema }, ...errors } },
  { method: 'get', path: '/contracts/:id/payments', tag, access: 'owner', summary: 'Payments recorded under a contract', responses: { 200: { description: 'Payments', schema: items(paymentSchema) }, ...errors } },
  { method: 'post', path: '/contracts/:id/payments', tag, access: 'owner', body: recordPaymentBody, summary: 'Record a payment the seller received (broker); evidence must carry the registration number', description: idem.description, responses: { 201: { description: 'Recorded', schema: paymentSchema }, ...errors } },
  { method: 'get', path: '/payments', tag, access: 'admin', query: adminQueue, summary: 'Payments in a status (default recorded: the verification queue)', responses: { 200: { description: 'Payments', schema: items(paymentSchema) }, ...errors } },
  { method: 'post', path: '/payments/:id/verify', tag, access: 'admin', body: verifyPaymentBody, summary: 'Verify a payment against its evidence, or reject it with a reason', responses: { 200: { description: 'Decided', schema: paymentSchema }, ...errors } },
  { method: 'get', path: '/contracts/:id/reward', tag, access: 'owner', summary: 'Reward balance (performed, accrued, pending, approved, claimable), ledger and claims (broker and admins)', responses: { 200: { description: 'Reward', schema: z.object({ balance: rewardBalanceSchema, ledger: z.array(z.record(z.string(), z.unknown())), claims: z.array(claimSchema) }) }, ...errors } },
  { method: 'post', path: '/contracts/:id/claims', tag, access: 'owner', body: createClaimBody, summary: 'Claim up to the claimable reward (broker; Idempotency-Key required)', description: idem.description, responses: { 201: { description: 'Pending claim', schema: claimSchema }, 428: problem, ...errors } },
  { method: 'get', path: '/claims', tag, access: 'admin', query: adminQueue, summary: 'Claims in a status (default pending: the approval queue)', responses: { 200: { description: 'Claims', schema: items(claimSchema) }, ...errors } },
  { method: 'post', path: '/claims/:id/approve', tag, access: 'admin', body: decideClaimBody, summary: 'Approve a claim (an admin who verified none of the contract’s payments)', responses: { 200: { description: 'Approved', schema: claimSchema }, ...errors } },
  { method: 'post', path: '/claims/:id/reject', tag, access: 'admin', body: decideClaimBody, summary: 'Reject a claim with a reason', responses: { 200: { description: 'Rejected', schema: claimSchema }, ...errors } },
  { method: 'post', path: '/claims/:id/pay', tag, access: 'admin', summary: 'Record that an approved reward was paid out', responses: { 200: { description: 'Paid', schema: claimSchema }, ...errors } },
  { method: 'get', path: '/contracts/:id/audit', tag, access: 'admin', summary: 'The contract’s audit trail (contract, payments, claims): actor, time, action, before/after, request id', responses: { 200: { description: 'Trail', schema: items(z.record(z.string(), z.unknown())) }, ...errors } },
  { method: 'get', path: '/policies', tag, access: 'anyone', summary: 'Reward policies with their validity windows', responses: { 200: { description: 'Policies', schema: items(policySchema) } } },
  { method: 'post', path: '/policies', tag, access: 'admin', body: createPolicyBody, summary: 'Publish a reward policy (windows may not overlap)', responses: { 201: { description: 'Policy', schema: policySchema }, ...errors } },
  { method: 'get', path: '/admin/exports/contracts.xlsx', tag, access: 'admin', summary: 'Excel export of contracts with payments, ledger and claims (Chinese headers)', responses: { 200: { description: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, 401: problem, 403: problem } },
  { method: 'get', path: '/admin/exports/dashboard.xlsx', tag, access: 'admin', summary: 'Excel export of the dashboard figures: monthly trend with the trajectory, funnel, by broker, by university, per program', responses: { 200: { description: 'xlsx', contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }, 401: problem, 403: problem } },
  { method: 'get', path: '/stats', tag: '数据看板 Statistics', access: 'anyone', query: statsQuery, summary: 'City KPIs against the targets, by year, industry and district; admins also get the contracts behind each figure', responses: { 200: { description: 'KPIs' } } },
];

export const contracts = { app, docs };
