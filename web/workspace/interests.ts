/**
 * The other side of a listing: its page with the interest (enterprise → achievement) or 揭榜 proposal
 * (university → need) form, sending it, answering one (accept or decline with a coded reason), and
 * saved searches (subscriptions to match alerts).
 */
import { Hono } from 'hono';
import { createSavedSearchBody } from '../../shared/domain/alerts';
import { DomainError } from '../../shared/domain/errors';
import { DECLINE_REASONS, interestBody, proposalBody } from '../../shared/domain/interest';
import type { ApiEnv } from '../../shared/http/context';
import { issuesFromZod } from '../../shared/http/field-issues';
import { createSavedSearch, removeSavedSearch } from '../../shared/services/alerts';
import { decide, expressInterest, submitProposal } from '../../shared/services/interests';
import { achievementSpec, needSpec, readListing } from '../../shared/services/listings';
import { listingFiles } from '../file-routes';
import { yuanToFen } from '../forms';
import { achievementPage, needPage } from '../pages/public';
import { interestForm, proposalForm } from '../pages/workspace';
import { postedForm } from '../session';
import { checkForm, formValues, str, type Form, type PageContextOf } from './form-flow';

/** After a decision: back to the interest's own page if the form came from there, else the workspace. */
const decidedPage = (form: Form, id: string) => (form.next === 'interest' ? `/me/interests/${encodeURIComponent(id)}?done=decided` : '/me?done=decided');

export function interestRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .get('/needs/:id', async (c) => {
      const principal = c.var.principal;
      const view = await readListing(c.var.deps.db, needSpec, principal, c.req.param('id'));
      const ctx = ctxOf(c);
      const action = principal?.role === 'university' && principal.orgId !== view.record.ownerOrgId ? proposalForm(ctx.lang, c.var.csrf, view.record.id) : undefined;
      return c.html(needPage(ctx, view.record as Record<string, unknown>, c.var.deps.now(), action, await listingFiles(c, ctx.lang, 'need', view.record, `/needs/${view.record.id}`)));
    })
    .post('/needs/:id/proposal', async (c) => {
      const form = await postedForm(c);
      const quote = str(form.quote) ? yuanToFen(str(form.quote)) : undefined;
      const body = {
        message: str(form.message),
        plan: str(form.plan),
        ...(quote !== undefined ? { quoteFen: quote ?? -1 } : {}),
        contact: { name: str(form.contactName), phone: str(form.contactPhone), email: str(form.contactEmail) },
      };
      const checked = checkForm(proposalBody, body);
      if (!checked.ok) {
        const view = await readListing(c.var.deps.db, needSpec, c.var.principal, c.req.param('id'));
        const ctx = ctxOf(c);
        return c.html(needPage(ctx, view.record as Record<string, unknown>, c.var.deps.now(), proposalForm(ctx.lang, c.var.csrf, view.record.id, checked.issues, formValues(form))));
      }
      await submitProposal(c.var.deps.db, c.var.principal, c.req.param('id'), checked.data, c.var.deps.now());
      return c.redirect('/me?done=interest', 303);
    })
    .get('/achievements/:id', async (c) => {
      const principal = c.var.principal;
      const view = await readListing(c.var.deps.db, achievementSpec, principal, c.req.param('id'));
      const ctx = ctxOf(c);
      const action = principal?.role === 'enterprise' && principal.orgId !== view.record.ownerOrgId ? interestForm(ctx.lang, c.var.csrf, view.record.id) : undefined;
      return c.html(achievementPage(ctx, view.record as Record<string, unknown>, action, await listingFiles(c, ctx.lang, 'achievement', view.record, `/achievements/${view.record.id}`)));
    })
    .post('/achievements/:id/interest', async (c) => {
      const form = await postedForm(c);
      const body = { message: str(form.message), contact: { name: str(form.contactName), phone: str(form.contactPhone), email: str(form.contactEmail) } };
      const checked = checkForm(interestBody, body);
      if (!checked.ok) {
        const view = await readListing(c.var.deps.db, achievementSpec, c.var.principal, c.req.param('id'));
        const ctx = ctxOf(c);
        return c.html(achievementPage(ctx, view.record as Record<string, unknown>, interestForm(ctx.lang, c.var.csrf, view.record.id, checked.issues, formValues(form))));
      }
      await expressInterest(c.var.deps.db, c.var.principal, c.req.param('id'), checked.data, c.var.deps.now());
      return c.redirect('/me?done=interest', 303);
    })
    .post('/saved-searches', async (c) => {
      const form = await postedForm(c);
      const kind = str(form.kind) === 'need' ? 'need' : 'achievement';
      const query = Object.fromEntries(
        Object.entries({ q: str(form.q), industry: str(form.industry), district: str(form.district), mode: str(form.mode) }).filter(([, v]) => v),
      );
      const name = str(form.q) || str(form.industry) || (kind === 'achievement' ? '全部成果' : '全部需求');
      const parsed = createSavedSearchBody.safeParse({ name: name.length < 2 ? `${name}（订阅）` : name.slice(0, 60), kind, query: Object.keys(query).length ? query : { q: name } });
      if (!parsed.success) throw new DomainError('validation_failed', issuesFromZod(parsed.error));
      await createSavedSearch(c.var.deps.db, c.var.principal, parsed.data, c.var.deps.now());
      return c.redirect('/me?done=saved', 303);
    })
    .post('/saved-searches/:id/delete', async (c) => {
      await postedForm(c);
      await removeSavedSearch(c.var.deps.db, c.var.principal, c.req.param('id'));
      return c.redirect('/me', 303);
    })
    .post('/interests/:id/accept', async (c) => {
      const form = await postedForm(c);
      await decide(c.var.deps.db, c.var.principal, c.req.param('id'), { action: 'accept' }, c.var.deps.now());
      return c.redirect(decidedPage(form, c.req.param('id')), 303);
    })
    .post('/interests/:id/decline', async (c) => {
      const form = await postedForm(c);
      const reason = str(form.reason) as (typeof DECLINE_REASONS)[number];
      if (!DECLINE_REASONS.includes(reason)) throw new DomainError('validation_failed');
      await decide(c.var.deps.db, c.var.principal, c.req.param('id'), { action: 'decline', reason, ...(reason === 'other' ? { note: '（未填写）' } : {}) }, c.var.deps.now());
      return c.redirect(decidedPage(form, c.req.param('id')), 303);
    });
}
