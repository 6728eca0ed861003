/** The bureau's decisions from its queues (register a contract, verify a payment, decide a claim, refuse with a coded reason), the reward policies, and the Excel exports. */
import { Hono } from 'hono';
import { DomainError, type FieldIssue } from '../../shared/domain/errors';
import { createPolicyBody } from '../../shared/domain/reward-policy';
import type { ApiEnv } from '../../shared/http/context';
import { requireSignedIn } from '../../shared/services/access';
import { registerContract, verifyPayment } from '../../shared/services/contracts';
import { dashboardWorkbook } from '../../shared/services/dashboard-export';
import { contractsWorkbook } from '../../shared/services/export';
import { createPolicy, decideClaim, listPolicies } from '../../shared/services/rewards';
import { yuanToFen } from '../forms';
import { policiesPage, REFUSAL_REASONS } from '../pages/contracts';
import { postedForm } from '../session';
import { actorOf, checkForm, formValues, orRerender, str, type PageContextOf } from './form-flow';

export function adminRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .post('/admin/contracts/:id/register', async (c) => {
      await postedForm(c);
      await registerContract(c.var.deps.db, actorOf(c), c.req.param('id'), { decision: 'registered' });
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/payments/:id/verify', async (c) => {
      await postedForm(c);
      await verifyPayment(c.var.deps.db, actorOf(c), c.req.param('id'), { decision: 'verified' });
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/claims/:id/approve', async (c) => {
      await postedForm(c);
      await decideClaim(c.var.deps.db, actorOf(c), c.req.param('id'), 'approved');
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/:what{contracts|payments|claims}/:id/reject', async (c) => {
      const form = await postedForm(c);
      const code = str(form.reason);
      if (!(code in REFUSAL_REASONS)) throw new DomainError('validation_failed');
      const reason = `【${code}】${REFUSAL_REASONS[code]}`;
      const actor = actorOf(c);
      const id = c.req.param('id');
      const what = c.req.param('what');
      if (what === 'contracts') await registerContract(c.var.deps.db, actor, id, { decision: 'rejected', reason });
      else if (what === 'payments') await verifyPayment(c.var.deps.db, actor, id, { decision: 'rejected', reason });
      else await decideClaim(c.var.deps.db, actor, id, 'rejected', reason);
      return c.redirect('/me?done=decided', 303);
    })
    .get('/admin/policies', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      if (!caller.isAdmin) throw new DomainError('role_required');
      return c.html(policiesPage(ctxOf(c), await listPolicies(c.var.deps.db), [], {}, c.var.csrf));
    })
    .post('/admin/policies', async (c) => {
      const form = await postedForm(c);
      const values = formValues(form);
      const percent = /^\d{1,3}(\.\d{1,2})?$/.test(values.ratePercent ?? '') ? values.ratePercent! : '';
      const [whole, frac = ''] = percent.split('.');
      const rateBp = percent ? Number(whole) * 100 + Number(frac.padEnd(2, '0')) : -1;
      const cap = yuanToFen(values.cap ?? '');
      const body = {
        name: values.name, rateBp, capFenPerContract: cap ?? -1, validFrom: values.validFrom, validTo: values.validTo,
        eligibleSellerTypes: ['university', 'institute'], eligibleBuyerTypes: ['enterprise'], eligibleBrokerTypes: ['transfer_center'],
        contractKinds: ['development', 'transfer', 'licence', 'consulting', 'service'],
      };
      const fields = { rateBp: 'ratePercent', capFenPerContract: 'cap' };
      const rerender = async (issues: FieldIssue[]) => c.html(policiesPage(ctxOf(c), await listPolicies(c.var.deps.db), issues, values, c.var.csrf));
      const checked = checkForm(createPolicyBody, body, [], fields);
      if (!checked.ok) return rerender(checked.issues);
      return orRerender(
        async () => {
          await createPolicy(c.var.deps.db, actorOf(c), checked.data);
          return c.redirect('/admin/policies', 303);
        },
        (e) => e.kind === 'invalid' || e.code === 'policy_overlap',
        rerender,
        fields,
      );
    })
    .get('/admin/exports/contracts.xlsx', async (c) => {
      const workbook = await contractsWorkbook(c.var.deps.db, c.var.principal);
      return c.body(new Uint8Array(workbook), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="contracts.xlsx"; filename*=UTF-8''${encodeURIComponent('技术合同.xlsx')}`,
      });
    })
    .get('/admin/exports/dashboard.xlsx', async (c) => {
      const workbook = await dashboardWorkbook(c.var.deps.db, c.var.principal, c.var.deps.now());
      return c.body(new Uint8Array(workbook), 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'content-disposition': `attachment; filename="dashboard.xlsx"; filename*=UTF-8''${encodeURIComponent('数据看板.xlsx')}`,
      });
    });
}
