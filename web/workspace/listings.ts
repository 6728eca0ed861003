/** Posting and managing one's own listings: a need's and an achievement's form, edit, manage page (with its matches and files), publish, archive. */
import { Hono } from 'hono';
import { createAchievementBody, updateAchievementBody } from '../../shared/domain/achievement';
import { DomainError } from '../../shared/domain/errors';
import { createNeedBody, updateNeedBody } from '../../shared/domain/need';
import type { ApiEnv } from '../../shared/http/context';
import { requireSignedIn } from '../../shared/services/access';
import { achievementSpec, createListing, needSpec, readListing, transitionListing, updateListing } from '../../shared/services/listings';
import { matchesForAchievement, matchesForNeed } from '../../shared/services/matching';
import { listingFiles } from '../file-routes';
import { achievementFormPage, achievementManagePage, needFormPage, needManagePage } from '../pages/workspace';
import { postedForm } from '../session';
import { checkForm, doneFlash, orRerender, refusal, str, type PageContextOf } from './form-flow';
import { achievementBodyFromForm, achievementFormValues, needBodyFromForm, needFormValues } from './listing-forms';

export function listingRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .get('/needs/new', (c) => {
      requireSignedIn(c.var.principal);
      return c.html(needFormPage(ctxOf(c), { deadline: '', contactName: '' }, [], c.var.csrf));
    })
    .post('/needs/new', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const form = await postedForm(c);
      const { body, issues } = needBodyFromForm(form);
      const checked = checkForm(createNeedBody, body, issues);
      if (!checked.ok) return c.html(needFormPage(ctxOf(c), form, checked.issues, c.var.csrf));
      return orRerender(
        async () => {
          const need = await createListing(c.var.deps.db, needSpec, caller, checked.data, c.var.deps.now());
          return c.redirect(`/needs/${need.id}/manage?done=created`, 303);
        },
        (e) => e.kind === 'invalid',
        (fieldIssues) => c.html(needFormPage(ctxOf(c), form, fieldIssues, c.var.csrf)),
      );
    })
    .get('/needs/:id/edit', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const view = await readListing(c.var.deps.db, needSpec, caller, c.req.param('id'));
      if (!view.full || caller.orgId !== view.record.ownerOrgId) throw new DomainError('not_found');
      const n = view.record;
      return c.html(needFormPage(ctxOf(c), needFormValues(n), [], c.var.csrf, { id: n.id, version: n.version, challenge: n.status === 'published' && n.challenge !== null }));
    })
    .post('/needs/:id/edit', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const form = await postedForm(c);
      const id = c.req.param('id');
      const version = /^\d{1,9}$/.test(str(form.version)) ? Number(str(form.version)) : null;
      const current = (await readListing(c.var.deps.db, needSpec, caller, id)).record;
      const editInfo = { id, version: version ?? current.version, challenge: current.status === 'published' && current.challenge !== null };
      const { body, issues } = needBodyFromForm(form);
      const checked = checkForm(updateNeedBody, body, issues);
      if (!checked.ok) return c.html(needFormPage(ctxOf(c), form, checked.issues, c.var.csrf, editInfo));
      return orRerender(
        async () => {
          await updateListing(c.var.deps.db, needSpec, caller, id, checked.data, version, c.var.deps.now());
          return c.redirect(`/needs/${id}/manage?done=saved`, 303);
        },
        (e) => e.kind === 'invalid' || e.code === 'challenge_terms_locked' || e.code === 'version_conflict',
        (fieldIssues, error) => c.html(needFormPage(ctxOf(c), form, fieldIssues, c.var.csrf, { ...editInfo, message: refusal(ctxOf(c).lang, error) })),
      );
    })
    .get('/needs/:id/manage', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const { db, search } = c.var.deps;
      const view = await readListing(db, needSpec, caller, c.req.param('id'));
      if (!view.full || (!caller.isAdmin && caller.orgId !== view.record.ownerOrgId)) throw new DomainError('not_found');
      const matches = await matchesForNeed(db, search, caller, view.record.id, 6);
      const ctx = ctxOf(c);
      const flash = doneFlash(ctx.lang, c.req.query('done'), {
        created: ['已保存为草稿。', 'Saved as a draft.'],
        file: ['附件已上传。', 'File uploaded.'],
        published: ['已发布，匹配结果如下。', 'Published. The matches are below.'],
        saved: ['修改已保存。', 'Changes saved.'],
      });
      const files = await listingFiles(c, ctx.lang, 'need', view.record, `/needs/${view.record.id}/manage`);
      return c.html(needManagePage(ctx, view.record as Record<string, unknown>, matches.items as never, c.var.csrf, flash, files));
    })
    .post('/needs/:id/publish', async (c) => {
      await postedForm(c);
      await transitionListing(c.var.deps.db, needSpec, c.var.principal, c.req.param('id'), 'publish', null, c.var.deps.now());
      return c.redirect(`/needs/${c.req.param('id')}/manage?done=published`, 303);
    })
    .get('/achievements/new', (c) => {
      requireSignedIn(c.var.principal);
      return c.html(achievementFormPage(ctxOf(c), {}, [], c.var.csrf));
    })
    .post('/achievements/new', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const form = await postedForm(c);
      const { body, issues } = achievementBodyFromForm(form);
      const checked = checkForm(createAchievementBody, body, issues);
      if (!checked.ok) return c.html(achievementFormPage(ctxOf(c), form, checked.issues, c.var.csrf));
      const created = await createListing(c.var.deps.db, achievementSpec, caller, checked.data, c.var.deps.now());
      return c.redirect(`/achievements/${created.id}/manage?done=created`, 303);
    })
    .get('/achievements/:id/manage', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const { db, search, now } = c.var.deps;
      const view = await readListing(db, achievementSpec, caller, c.req.param('id'));
      if (!view.full || (!caller.isAdmin && caller.orgId !== view.record.ownerOrgId)) throw new DomainError('not_found');
      const matches = await matchesForAchievement(db, search, caller, view.record.id, 6, now());
      const ctx = ctxOf(c);
      const flash = doneFlash(ctx.lang, c.req.query('done'), {
        created: ['已保存为草稿。', 'Saved as a draft.'],
        file: ['附件已上传。', 'File uploaded.'],
        published: ['已发布。', 'Published.'],
        archived: ['已归档。', 'Archived.'],
        saved: ['修改已保存。', 'Changes saved.'],
      });
      const files = await listingFiles(c, ctx.lang, 'achievement', view.record, `/achievements/${view.record.id}/manage`);
      return c.html(achievementManagePage(ctx, view.record as Record<string, unknown>, matches.items as never, c.var.csrf, flash, files));
    })
    .get('/achievements/:id/edit', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const view = await readListing(c.var.deps.db, achievementSpec, caller, c.req.param('id'));
      if (!view.full || caller.orgId !== view.record.ownerOrgId) throw new DomainError('not_found');
      return c.html(achievementFormPage(ctxOf(c), achievementFormValues(view.record), [], c.var.csrf, { id: view.record.id, version: view.record.version }));
    })
    .post('/achievements/:id/edit', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const form = await postedForm(c);
      const id = c.req.param('id');
      const version = /^\d{1,9}$/.test(str(form.version)) ? Number(str(form.version)) : null;
      const editInfo = { id, version: version ?? 0 };
      const { body, issues } = achievementBodyFromForm(form);
      // The form edits the leader only: the team's other members are kept as stored.
      const current = (await readListing(c.var.deps.db, achievementSpec, caller, id)).record as Record<string, any>;
      const { team: _team, ...patchBody } = body as Record<string, unknown>;
      const checked = checkForm(updateAchievementBody, { ...patchBody, team: { leader: str(form.leader), members: current.team?.members ?? [] } }, issues);
      if (!checked.ok) return c.html(achievementFormPage(ctxOf(c), form, checked.issues, c.var.csrf, editInfo));
      return orRerender(
        async () => {
          await updateListing(c.var.deps.db, achievementSpec, caller, id, checked.data, version, c.var.deps.now());
          return c.redirect(`/achievements/${id}/manage?done=saved`, 303);
        },
        (e) => e.kind === 'invalid' || e.code === 'version_conflict' || e.code === 'organisation_not_verified',
        (fieldIssues, error) => c.html(achievementFormPage(ctxOf(c), form, fieldIssues, c.var.csrf, { ...editInfo, message: refusal(ctxOf(c).lang, error) })),
      );
    })
    .post('/achievements/:id/:action{publish|archive}', async (c) => {
      await postedForm(c);
      const action = c.req.param('action') as 'publish' | 'archive';
      await transitionListing(c.var.deps.db, achievementSpec, c.var.principal, c.req.param('id'), action, null, c.var.deps.now());
      return c.redirect(`/achievements/${c.req.param('id')}/manage?done=${action === 'publish' ? 'published' : 'archived'}`, 303);
    });
}
