/** The broker's contract pages: record a contract, its page (payments, reward, files), record a payment, claim the reward. */
import { Hono, type Context } from 'hono';
import { paymentsOf } from '../../shared/db/contracts';
import { createContractBody, recordPaymentBody } from '../../shared/domain/contract';
import { DomainError, type FieldIssue } from '../../shared/domain/errors';
import type { ApiEnv } from '../../shared/http/context';
import { requireSignedIn } from '../../shared/services/access';
import { createContract, loadContract, recordPayment } from '../../shared/services/contracts';
import { idempotent, requestHash } from '../../shared/services/idempotency';
import { listOrganisations } from '../../shared/services/organisations';
import { rewardView, submitClaim } from '../../shared/services/rewards';
import { contractFiles } from '../file-routes';
import { yuanToFen } from '../forms';
import { contractFormPage, contractPage } from '../pages/contracts';
import { postedForm } from '../session';
import { actorOf, checkForm, doneFlash, formValues, orRerender, str, type PageContextOf } from './form-flow';

/** The verified sellers (universities, institutes) and buyers (enterprises) a contract can name. */
async function contractParties(c: Context<ApiEnv>) {
  const orgs: { id: string; name: string; type: string }[] = [];
  let cursor: string | undefined;
  do {
    const page = await listOrganisations(c.var.deps.db, c.var.principal, { verification: 'verified', limit: 100, ...(cursor ? { cursor } : {}) });
    orgs.push(...(page.items as { id: string; name: string; type: string }[]));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return {
    sellers: orgs.filter((o) => o.type === 'university' || o.type === 'institute'),
    buyers: orgs.filter((o) => o.type === 'enterprise'),
  };
}

export function contractRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .get('/contracts/new', async (c) => {
      requireSignedIn(c.var.principal);
      return c.html(contractFormPage(ctxOf(c), { ...(await contractParties(c)), values: {}, issues: [], csrf: c.var.csrf }));
    })
    .post('/contracts/new', async (c) => {
      const form = await postedForm(c);
      const values = formValues(form);
      const amountFen = yuanToFen(values.amount ?? '');
      const body = { title: values.title, kind: values.kind, sellerOrgId: values.sellerOrgId, buyerOrgId: values.buyerOrgId, amountFen: amountFen ?? -1, signedOn: values.signedOn };
      const rerender = async (issues: FieldIssue[]) => c.html(contractFormPage(ctxOf(c), { ...(await contractParties(c)), values, issues, csrf: c.var.csrf }));
      const checked = checkForm(createContractBody, body);
      if (!checked.ok) return rerender(checked.issues);
      return orRerender(
        async () => {
          const contract = await createContract(c.var.deps.db, actorOf(c), checked.data);
          return c.redirect(`/contracts/${contract.id}`, 303);
        },
        (e) => e.kind === 'invalid',
        rerender,
      );
    })
    .get('/contracts/:id', async (c) => {
      const { caller, contract } = await loadContract(c.var.deps.db, c.var.principal, c.req.param('id'));
      const isBroker = caller.orgId === contract.brokerOrgId;
      const [payments, reward] = await Promise.all([paymentsOf(c.var.deps.db, contract.id), isBroker || caller.isAdmin ? rewardView(c.var.deps.db, caller, contract.id) : null]);
      const ctx = ctxOf(c);
      const flash = doneFlash(ctx.lang, c.req.query('done'), {
        payment: ['到账已登记。请上传发票或银行回单，市科技局据此核验。', 'Payment recorded. Upload the invoice or bank slip: the city bureau verifies against it.'],
        file: ['附件已上传。', 'File uploaded.'],
        submitted: ['已提交认定登记，待市科技局审核。', 'Submitted for registration; the city bureau will decide.'],
        claim: ['奖励申领已提交，待审批。', 'Claim submitted for approval.'],
      });
      const files = await contractFiles(c, contract, payments, reward?.claims ?? []);
      return c.html(contractPage(ctx, { contract, payments, reward, canRecord: isBroker, csrf: c.var.csrf, files, fullHash: caller.isAdmin, ...(flash ? { flash } : {}) }));
    })
    .post('/contracts/:id/payments', async (c) => {
      const form = await postedForm(c);
      const caller = requireSignedIn(c.var.principal);
      const amountFen = yuanToFen(str(form.amount));
      const body = { amountFen: amountFen ?? -1, paidOn: str(form.paidOn), evidenceRef: str(form.evidenceRef) };
      const checked = checkForm(recordPaymentBody, body);
      const id = c.req.param('id');
      const key = /^[\w-]{8,100}$/.test(str(form.idempotencyKey)) ? str(form.idempotencyKey) : undefined;
      const rerender = async (issues: FieldIssue[]) => {
        const { contract } = await loadContract(c.var.deps.db, caller, id);
        const [payments, reward] = await Promise.all([paymentsOf(c.var.deps.db, id), rewardView(c.var.deps.db, caller, id)]);
        return c.html(contractPage(ctxOf(c), { contract, payments, reward, canRecord: true, csrf: c.var.csrf, files: await contractFiles(c, contract, payments, reward?.claims ?? []), issues, values: formValues(form) }));
      };
      if (!checked.ok) return rerender(checked.issues);
      return orRerender(
        async () => {
          const request = key ? { key, requestHash: requestHash('POST', `/contracts/${id}/payments`, checked.data) } : undefined;
          await idempotent(c.var.deps.db, caller.sub, request, () => recordPayment(c.var.deps.db, { principal: caller, requestId: c.var.requestId, now: c.var.deps.now() }, id, checked.data, request));
          return c.redirect(`/contracts/${id}?done=payment`, 303);
        },
        (e) => e.kind === 'invalid',
        rerender,
      );
    })
    .post('/contracts/:id/claims', async (c) => {
      const form = await postedForm(c);
      const caller = requireSignedIn(c.var.principal);
      const id = c.req.param('id');
      const amountFen = yuanToFen(str(form.amount));
      const key = str(form.idempotencyKey);
      if (amountFen === null || amountFen <= 0 || !/^[\w-]{8,100}$/.test(key)) throw new DomainError('validation_failed');
      const body = { amountFen };
      await submitClaim(c.var.deps.db, { principal: caller, requestId: c.var.requestId, now: c.var.deps.now() }, id, body, { key, requestHash: requestHash('POST', `/api/v1/contracts/${id}/claims`, body) });
      return c.redirect(`/contracts/${id}?done=claim`, 303);
    });
}
