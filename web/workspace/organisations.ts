/** Registering an organisation (a newcomer's first step) and the bureau's verification of it. */
import { Hono } from 'hono';
import { createOrgBody } from '../../shared/domain/organisation';
import type { ApiEnv } from '../../shared/http/context';
import { requireSignedIn } from '../../shared/services/access';
import { registerOrganisation, verifyOrganisation } from '../../shared/services/organisations';
import { organisationFormPage } from '../pages/organisation';
import { postedForm } from '../session';
import { checkForm, orRerender, refusal, str, type PageContextOf } from './form-flow';

export function organisationRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .get('/orgs/new', (c) => {
      const caller = requireSignedIn(c.var.principal);
      if (caller.orgId) return c.redirect('/me', 303);
      return c.html(organisationFormPage(ctxOf(c), {}, [], c.var.csrf));
    })
    .post('/orgs/new', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const form = await postedForm(c);
      const values = Object.fromEntries(['name', 'type', 'creditCode', 'district', 'address', 'website', 'description', 'contactName', 'contactPhone', 'contactEmail'].map((k) => [k, str(form[k])]));
      const optional = (k: string) => (values[k] ? { [k]: values[k] } : {});
      const body = {
        name: values.name,
        type: values.type,
        creditCode: values.creditCode!.toUpperCase(),
        district: values.district,
        ...optional('address'),
        ...optional('website'),
        ...optional('description'),
        contact: { name: values.contactName, phone: values.contactPhone, email: values.contactEmail },
      };
      const checked = checkForm(createOrgBody, body);
      if (!checked.ok) return c.html(organisationFormPage(ctxOf(c), values, checked.issues, c.var.csrf));
      return orRerender(
        async () => {
          await registerOrganisation(c.var.deps.db, caller, checked.data, c.var.deps.now());
          return c.redirect('/me?done=registered', 303);
        },
        // A taken credit code or a type the person may not register: say so above the form they filled in.
        (e) => e.kind === 'conflict' || e.kind === 'forbidden' || e.kind === 'invalid',
        (fieldIssues, error) => {
          const issues = fieldIssues.length ? fieldIssues : error.code === 'credit_code_taken' ? [{ path: 'creditCode', code: error.code, message: error.message, messageZh: error.messageZh }] : [];
          return c.html(organisationFormPage(ctxOf(c), values, issues, c.var.csrf, issues.length ? undefined : refusal(ctxOf(c).lang, error)));
        },
      );
    })
    .post('/admin/orgs/:id/verify', async (c) => {
      const form = await postedForm(c);
      const decision = str(form.decision) === 'rejected' ? { decision: 'rejected' as const, reason: str(form.reason) || '材料不全' } : { decision: 'verified' as const };
      await verifyOrganisation(c.var.deps.db, c.var.principal, c.req.param('id'), decision, null, c.var.deps.now());
      return c.redirect('/me?done=decided', 303);
    });
}
