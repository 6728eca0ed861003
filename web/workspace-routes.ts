/**
 * Forms that fail validation are answered 200 with the form and its inline messages: the page is the
 * answer, and browsers log a 4xx document as a console error.
 *
 * The signed-in pages: sign-in (local demo), workspace, posting and managing needs, interests. */
import { Hono, type Context } from 'hono';
import type { ApiEnv } from '../functions/api/context';
import { issuesFromZod } from '../functions/api/problem';
import { interestBody } from '../shared/domain/interest';
import { createNeedBody, updateNeedBody } from '../shared/domain/need';
import { DomainError, type FieldIssue } from '../shared/domain/errors';
import { requireSignedIn } from '../shared/services/access';
import { decide, expressInterest, listInterests, submitProposal } from '../shared/services/interests';
import { createSavedSearch, listSavedSearches, notifications, removeSavedSearch } from '../shared/services/alerts';
import { createSavedSearchBody } from '../shared/domain/alerts';
import { achievementSpec, createListing, listListings, needSpec, readListing, transitionListing, updateListing } from '../shared/services/listings';
import { matchesForNeed } from '../shared/services/matching';
import { getOrganisation } from '../shared/db/organisations';
import { DECLINE_REASONS } from '../shared/domain/interest';
import { yuanToFen } from './forms';
import { createContractBody, recordPaymentBody } from '../shared/domain/contract';
import { claimsWithStatus, contractsWithStatus, getContract, paymentsOf, paymentsWithStatus } from '../shared/db/contracts';
import { createContract, listBrokeredContracts, loadContract, recordPayment, registerContract, verifyPayment } from '../shared/services/contracts';
import { contractsWorkbook } from '../shared/services/export';
import { dashboardWorkbook } from '../shared/services/dashboard-export';
import { idempotent, requestHash } from '../shared/services/idempotency';
import { listOrganisations, registerOrganisation, verifyOrganisation } from '../shared/services/organisations';
import { createOrgBody } from '../shared/domain/organisation';
import { organisationFormPage, organisationStatusSection } from './pages/organisation';
import { createPolicy, decideClaim, listPolicies, rewardView, submitClaim } from '../shared/services/rewards';
import { createPolicyBody } from '../shared/domain/reward-policy';
import { adminQueues, brokeredContractsSection, contractFormPage, contractPage, contractRows, policiesPage, REFUSAL_REASONS } from './pages/contracts';
import { tx, type Lang } from './i18n';
import type { PageContext } from './layout';
import { achievementPage } from './pages/public';
import { achievementFormPage, achievementManagePage, interestForm, mePage, needFormPage, needManagePage, proposalForm } from './pages/workspace';
import { needPage } from './pages/public';
import { createAchievementBody, updateAchievementBody } from '../shared/domain/achievement';
import { proposalBody } from '../shared/domain/interest';
import { matchesForAchievement } from '../shared/services/matching';
import { postedForm } from './session';
import { contractFiles, listingFiles } from './file-routes';
import { attachmentsOf } from '../shared/db/attachments';
import type { Attachment } from '../shared/domain/attachment';

const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');

/** An optional amount field in yuan → fen; a malformed one adds an issue for that field. */
function amountField(form: Record<string, string | string[]>, name: string, issues: FieldIssue[]): number | undefined {
  const text = str(form[name]);
  if (!text) return undefined;
  const fen = yuanToFen(text);
  if (fen === null) issues.push({ path: name, code: 'invalid_amount', message: 'Enter an amount in yuan, e.g. 500000 or 12.5', messageZh: '请填写以元为单位的金额，如 500000 或 12.5' });
  return fen ?? undefined;
}

/** The need form's fields → the API's create body (amounts from yuan to fen, lists from lines). */
function needBodyFromForm(form: Record<string, string | string[]>): { body: unknown; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amount = (name: string) => amountField(form, name, issues);
  const min = amount('budgetMin');
  const max = amount('budgetMax');
  const bounty = amount('bounty');
  const modes = Array.isArray(form.cooperationModes) ? form.cooperationModes : form.cooperationModes ? [form.cooperationModes] : [];
  return {
    issues,
    body: {
      title: str(form.title),
      problem: str(form.problem),
      acceptanceCriteria: str(form.acceptanceCriteria).split(/\r?\n/).map((l) => l.trim()).filter(Boolean),
      industry: str(form.industry),
      keywords: [...new Set(str(form.keywords).split(/[,，、\s]+/).filter(Boolean))],
      budget: min === undefined && max === undefined ? { kind: 'negotiable' } : { kind: 'range', minFen: min ?? 0, maxFen: max ?? 0 },
      deadline: str(form.deadline),
      cooperationModes: modes,
      ...(bounty !== undefined ? { challenge: { bountyFen: bounty } } : {}),
      contact: { name: str(form.contactName), phone: str(form.contactPhone), email: str(form.contactEmail) },
    },
  };
}

function achievementBodyFromForm(form: Record<string, string | string[]>): { body: unknown; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const amount = (name: string) => amountField(form, name, issues);
  const min = amount('priceMin');
  const max = amount('priceMax');
  const modes = Array.isArray(form.transferModes) ? form.transferModes : form.transferModes ? [form.transferModes] : [];
  const trl = /^\d{1,3}$/.test(str(form.trl)) ? Number(str(form.trl)) : str(form.trl);
  const price =
    min === undefined && max === undefined ? { kind: 'negotiable' } : min !== undefined && (max === undefined || max === min) ? { kind: 'fixed', amountFen: min } : { kind: 'range', minFen: min ?? 0, maxFen: max ?? 0 };
  return {
    issues,
    body: {
      title: str(form.title),
      summary: str(form.summary),
      confidentialDetail: str(form.confidentialDetail),
      industry: str(form.industry),
      keywords: [...new Set(str(form.keywords).split(/[,，、\s]+/).filter(Boolean))],
      trl,
      transferModes: modes,
      price,
      team: { leader: str(form.leader), members: [] },
      contact: { name: str(form.contactName), phone: str(form.contactPhone), email: str(form.contactEmail) },
    },
  };
}

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

/** A stored achievement → the form's fields. */
function achievementFormValues(a: Record<string, any>): Record<string, string | string[]> {
  const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);
  const p = a.price;
  return {
    title: a.title, summary: a.summary, confidentialDetail: a.confidentialDetail, industry: a.industry, keywords: (a.keywords as string[]).join(', '), trl: String(a.trl),
    transferModes: a.transferModes,
    priceMin: p.kind === 'fixed' ? yuan(p.amountFen) : p.kind === 'range' ? yuan(p.minFen) : '',
    priceMax: p.kind === 'range' ? yuan(p.maxFen) : '',
    leader: a.team.leader, contactName: a.contact.name, contactPhone: a.contact.phone, contactEmail: a.contact.email,
  };
}

/** A stored need → the form's fields (fen back to yuan by integer formatting). */
function needFormValues(n: Record<string, any>): Record<string, string | string[]> {
  const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : `${Math.trunc(fen / 100)}.${String(fen % 100).padStart(2, '0')}`);
  return {
    title: n.title, problem: n.problem, acceptanceCriteria: (n.acceptanceCriteria as string[]).join('\n'), industry: n.industry,
    keywords: (n.keywords as string[]).join(', '), budgetMin: n.budget.kind === 'range' ? yuan(n.budget.minFen) : '', budgetMax: n.budget.kind === 'range' ? yuan(n.budget.maxFen) : '',
    deadline: n.deadline, cooperationModes: n.cooperationModes, bounty: n.challenge ? yuan(n.challenge.bountyFen) : '',
    contactName: n.contact.name, contactPhone: n.contact.phone, contactEmail: n.contact.email,
  };
}

/** A refusal from a service (version conflict, locked challenge term) in the reader's language. */
const refusal = (lang: Lang, error: DomainError) => (lang === 'zh' ? error.messageZh : error.message);

/** The one-line confirmation a page shows after a redirect (`?done=…`); unknown values show nothing. */
function doneFlash(lang: Lang, done: string | undefined, texts: Record<string, [zh: string, en: string]>): string | undefined {
  const pair = done && Object.hasOwn(texts, done) ? texts[done] : undefined;
  return pair ? tx(lang, pair[0], pair[1]) : undefined;
}

/** zod paths of the body → the form's field names, so each message sits under its input. */
function formIssues(issues: FieldIssue[]): FieldIssue[] {
  const map: Record<string, string> = { 'price.amountFen': 'priceMin', 'price.minFen': 'priceMin', 'price.maxFen': 'priceMax', 'team.leader': 'leader', 'budget.minFen': 'budgetMin', 'budget.maxFen': 'budgetMax', 'challenge.bountyFen': 'bounty', 'contact.name': 'contactName', 'contact.phone': 'contactPhone', 'contact.email': 'contactEmail' };
  return issues.map((i) => {
    const key = Object.keys(map).find((k) => i.path === k) ?? (i.path.startsWith('acceptanceCriteria') ? 'acceptanceCriteria' : i.path.startsWith('keywords') ? 'keywords' : i.path);
    return { ...i, path: map[key] ?? key };
  });
}

/** After a decision: back to the interest's own page if the form came from there, else the workspace. */
const decidedPage = (form: Record<string, string | string[]>, id: string) => (form.next === 'interest' ? `/me/interests/${encodeURIComponent(id)}?done=decided` : '/me?done=decided');

export function workspaceRoutes(ctxOf: (c: Context<ApiEnv>) => PageContext) {
  return new Hono<ApiEnv>()
    .get('/me', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const { db } = c.var.deps;
      const org = caller.orgId ? await getOrganisation(db, caller.orgId) : null;
      const own = async (spec: typeof needSpec | typeof achievementSpec) =>
        caller.orgId ? (await listListings(db, spec as never, caller, { ownerOrgId: caller.orgId, limit: 50 })).items.map((v) => v.record as Record<string, unknown>) : [];
      const [needs, achievements, received, sent] = await Promise.all([
        caller.role === 'enterprise' ? own(needSpec) : [],
        caller.role === 'university' ? own(achievementSpec) : [],
        caller.orgId ? listInterests(db, caller, { box: 'received', limit: 50 }).then((p) => p.items) : [],
        caller.orgId ? listInterests(db, caller, { box: 'sent', limit: 50 }).then((p) => p.items) : [],
      ]);
      const ctx = ctxOf(c);
      const flash = doneFlash(ctx.lang, c.req.query('done'), {
        interest: ['意向已提交，对方处理后您会在此看到结果。', 'Sent. You will see their answer here.'],
        decided: ['已处理。', 'Done.'],
        saved: ['已订阅：有新条目符合时会通知您。', 'Saved: you will be told when new listings match.'],
        registered: ['机构已提交，市科技局认证后即可开展业务。', 'Submitted. You can start once the bureau verifies your organisation.'],
      });
      // Someone without a verified organisation sees where they stand and how to get there.
      let extra = caller.isAdmin ? '' : organisationStatusSection(ctx, org);
      if (caller.role === 'transfer_center') {
        extra += brokeredContractsSection(ctx.lang, contractRows(ctx.lang, await listBrokeredContracts(db, caller)));
      }
      if (caller.isAdmin) {
        const [orgs, contracts, payments, claims] = await Promise.all([
          listOrganisations(db, caller, { verification: 'pending', limit: 50 }),
          contractsWithStatus(db, 'submitted'),
          paymentsWithStatus(db, 'recorded'),
          claimsWithStatus(db, 'pending'),
        ]);
        const titles = new Map<string, string>();
        for (const id of new Set([...payments.map((p) => p.contractId), ...claims.map((cl) => cl.contractId)])) titles.set(id, (await getContract(db, id))?.title ?? id);
        // The bureau decides on the files themselves: each queued contract and payment shows them with their hashes.
        const publicFiles = (files: Awaited<ReturnType<typeof attachmentsOf>>): Attachment[] => files.map(({ objectKey: _k, objectVersion: _v, ...f }) => f);
        const [contractFileLists, paymentFileLists, claimFileLists] = await Promise.all([
          Promise.all(contracts.map((k) => attachmentsOf(db, 'contract', k.id).then(publicFiles))),
          Promise.all(payments.map((p) => attachmentsOf(db, 'payment', p.id).then(publicFiles))),
          Promise.all(claims.map((cl) => attachmentsOf(db, 'claim', cl.id).then(publicFiles))),
        ]);
        extra += adminQueues(ctx.lang, {
          orgs: orgs.items as never,
          contracts: contracts.map((k, i) => ({ ...k, files: contractFileLists[i]! })),
          payments: payments.map((p, i) => ({ ...p, contractTitle: titles.get(p.contractId), files: paymentFileLists[i]! })),
          claims: claims.map((cl, i) => ({ ...cl, contractTitle: titles.get(cl.contractId), files: claimFileLists[i]! })),
          csrf: c.var.csrf,
        });
      }
      if (caller.isAdmin || caller.orgId) extra += `<p><a class="button secondary" href="${caller.isAdmin ? '/admin/programs' : '/me/programs'}">${caller.isAdmin ? tx(ctx.lang, '扶持项目审核', 'Program queue') : tx(ctx.lang, '我的扶持项目', 'My programs')}</a></p>`;
      const [inbox, saved] = await Promise.all([notifications(db, caller, { limit: 12 }), listSavedSearches(db, caller)]);
      return c.html(
        mePage(ctx, {
          role: caller.role, orgName: org?.name ?? null, needs, achievements, received: received as never, sent: sent as never, csrf: c.var.csrf, extra,
          notifications: inbox.items as never, savedSearches: saved as never, ...(flash ? { flash } : {}),
        }),
      );
    })
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
      const parsed = createOrgBody.safeParse(body);
      if (!parsed.success) return c.html(organisationFormPage(ctxOf(c), values, formIssues(issuesFromZod(parsed.error)), c.var.csrf));
      try {
        await registerOrganisation(c.var.deps.db, caller, parsed.data, c.var.deps.now());
      } catch (error) {
        // A taken credit code or a type the person may not register: say so above the form they filled in.
        if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'forbidden' || error.kind === 'invalid')) {
          const lang = ctxOf(c).lang;
          const issues = error.issues.length ? formIssues(error.issues) : error.code === 'credit_code_taken' ? [{ path: 'creditCode', code: error.code, message: error.message, messageZh: error.messageZh }] : [];
          return c.html(organisationFormPage(ctxOf(c), values, issues, c.var.csrf, issues.length ? undefined : lang === 'zh' ? error.messageZh : error.message));
        }
        throw error;
      }
      return c.redirect('/me?done=registered', 303);
    })
    .get('/needs/new', (c) => {
      requireSignedIn(c.var.principal);
      return c.html(needFormPage(ctxOf(c), { deadline: '', contactName: '' }, [], c.var.csrf));
    })
    .post('/needs/new', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      const form = await postedForm(c);
      const { body, issues } = needBodyFromForm(form);
      const parsed = createNeedBody.safeParse(body, { reportInput: true });
      const allIssues = [...issues, ...(parsed.success ? [] : formIssues(issuesFromZod(parsed.error)))];
      if (allIssues.length || !parsed.success) return c.html(needFormPage(ctxOf(c), form, allIssues, c.var.csrf)); // 200: the page is the answer; a 4xx document is logged by browsers as an error
      try {
        const need = await createListing(c.var.deps.db, needSpec, caller, parsed.data, c.var.deps.now());
        return c.redirect(`/needs/${need.id}/manage?done=created`, 303);
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') return c.html(needFormPage(ctxOf(c), form, formIssues(error.issues), c.var.csrf));
        throw error;
      }
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
      const parsed = updateNeedBody.safeParse(body, { reportInput: true });
      const allIssues = [...issues, ...(parsed.success ? [] : formIssues(issuesFromZod(parsed.error)))];
      if (allIssues.length || !parsed.success) return c.html(needFormPage(ctxOf(c), form, allIssues, c.var.csrf, editInfo));
      try {
        await updateListing(c.var.deps.db, needSpec, caller, id, parsed.data, version, c.var.deps.now());
      } catch (error) {
        if (error instanceof DomainError && (error.kind === 'invalid' || error.code === 'challenge_terms_locked' || error.code === 'version_conflict')) {
          const ctx = ctxOf(c);
          return c.html(needFormPage(ctx, form, formIssues(error.issues), c.var.csrf, { ...editInfo, message: refusal(ctx.lang, error) }));
        }
        throw error;
      }
      return c.redirect(`/needs/${id}/manage?done=saved`, 303);
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
      const parsed = createAchievementBody.safeParse(body, { reportInput: true });
      const allIssues = [...issues, ...(parsed.success ? [] : formIssues(issuesFromZod(parsed.error)))];
      if (allIssues.length || !parsed.success) return c.html(achievementFormPage(ctxOf(c), form, allIssues, c.var.csrf));
      const created = await createListing(c.var.deps.db, achievementSpec, caller, parsed.data, c.var.deps.now());
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
      const parsed = updateAchievementBody.safeParse({ ...patchBody, team: { leader: str(form.leader), members: current.team?.members ?? [] } }, { reportInput: true });
      const allIssues = [...issues, ...(parsed.success ? [] : formIssues(issuesFromZod(parsed.error)))];
      if (allIssues.length || !parsed.success) return c.html(achievementFormPage(ctxOf(c), form, allIssues, c.var.csrf, editInfo));
      try {
        await updateListing(c.var.deps.db, achievementSpec, caller, id, parsed.data, version, c.var.deps.now());
      } catch (error) {
        if (error instanceof DomainError && (error.kind === 'invalid' || error.code === 'version_conflict' || error.code === 'organisation_not_verified')) {
          const ctx = ctxOf(c);
          return c.html(achievementFormPage(ctx, form, formIssues(error.issues), c.var.csrf, { ...editInfo, message: refusal(ctx.lang, error) }));
        }
        throw error;
      }
      return c.redirect(`/achievements/${id}/manage?done=saved`, 303);
    })
    .post('/achievements/:id/:action{publish|archive}', async (c) => {
      await postedForm(c);
      const action = c.req.param('action') as 'publish' | 'archive';
      await transitionListing(c.var.deps.db, achievementSpec, c.var.principal, c.req.param('id'), action, null, c.var.deps.now());
      return c.redirect(`/achievements/${c.req.param('id')}/manage?done=${action === 'publish' ? 'published' : 'archived'}`, 303);
    })
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
      const parsed = proposalBody.safeParse(body, { reportInput: true });
      if (!parsed.success) {
        const view = await readListing(c.var.deps.db, needSpec, c.var.principal, c.req.param('id'));
        const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)]));
        const ctx = ctxOf(c);
        return c.html(needPage(ctx, view.record as Record<string, unknown>, c.var.deps.now(), proposalForm(ctx.lang, c.var.csrf, view.record.id, formIssues(issuesFromZod(parsed.error)).map((i) => ({ ...i, path: i.path === 'quoteFen' ? 'quote' : i.path })), values)));
      }
      await submitProposal(c.var.deps.db, c.var.principal, c.req.param('id'), parsed.data, c.var.deps.now());
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
      const parsed = interestBody.safeParse(body, { reportInput: true });
      if (!parsed.success) {
        const view = await readListing(c.var.deps.db, achievementSpec, c.var.principal, c.req.param('id'));
        const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)]));
        const ctx = ctxOf(c);
        return c.html(achievementPage(ctx, view.record as Record<string, unknown>, interestForm(ctx.lang, c.var.csrf, view.record.id, formIssues(issuesFromZod(parsed.error)), values)));
      }
      await expressInterest(c.var.deps.db, c.var.principal, c.req.param('id'), parsed.data, c.var.deps.now());
      return c.redirect('/me?done=interest', 303);
    })
    .get('/contracts/new', async (c) => {
      requireSignedIn(c.var.principal);
      return c.html(contractFormPage(ctxOf(c), { ...(await contractParties(c)), values: {}, issues: [], csrf: c.var.csrf }));
    })
    .post('/contracts/new', async (c) => {
      const form = await postedForm(c);
      const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)]));
      const amountFen = yuanToFen(values.amount ?? '');
      const body = { title: values.title, kind: values.kind, sellerOrgId: values.sellerOrgId, buyerOrgId: values.buyerOrgId, amountFen: amountFen ?? -1, signedOn: values.signedOn };
      const parsed = createContractBody.safeParse(body, { reportInput: true });
      const rerender = async (issues: FieldIssue[]) => c.html(contractFormPage(ctxOf(c), { ...(await contractParties(c)), values, issues: issues.map((i) => ({ ...i, path: i.path === 'amountFen' ? 'amount' : i.path })), csrf: c.var.csrf }));
      if (!parsed.success) return rerender(issuesFromZod(parsed.error));
      try {
        const contract = await createContract(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, parsed.data);
        return c.redirect(`/contracts/${contract.id}`, 303);
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') return rerender(error.issues);
        throw error;
      }
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
      const parsed = recordPaymentBody.safeParse(body, { reportInput: true });
      const id = c.req.param('id');
      const key = /^[\w-]{8,100}$/.test(str(form.idempotencyKey)) ? str(form.idempotencyKey) : undefined;
      const rerender = async (issues: FieldIssue[]) => {
        const { contract } = await loadContract(c.var.deps.db, caller, id);
        const [payments, reward] = await Promise.all([paymentsOf(c.var.deps.db, id), rewardView(c.var.deps.db, caller, id)]);
        return c.html(contractPage(ctxOf(c), { contract, payments, reward, canRecord: true, csrf: c.var.csrf, files: await contractFiles(c, contract, payments, reward?.claims ?? []), issues, values: Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)])) }));
      };
      if (!parsed.success) return rerender(issuesFromZod(parsed.error).map((i) => ({ ...i, path: i.path === 'amountFen' ? 'amount' : i.path })));
      try {
        const request = key ? { key, requestHash: requestHash('POST', `/contracts/${id}/payments`, parsed.data) } : undefined;
        await idempotent(c.var.deps.db, caller.sub, request, () => recordPayment(c.var.deps.db, { principal: caller, requestId: c.var.requestId, now: c.var.deps.now() }, id, parsed.data, request));
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') return rerender(error.issues.map((i) => ({ ...i, path: i.path === 'amountFen' ? 'amount' : i.path })));
        throw error;
      }
      return c.redirect(`/contracts/${id}?done=payment`, 303);
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
    })
    .post('/admin/orgs/:id/verify', async (c) => {
      const form = await postedForm(c);
      const decision = str(form.decision) === 'rejected' ? { decision: 'rejected' as const, reason: str(form.reason) || '材料不全' } : { decision: 'verified' as const };
      await verifyOrganisation(c.var.deps.db, c.var.principal, c.req.param('id'), decision, null, c.var.deps.now());
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/contracts/:id/register', async (c) => {
      await postedForm(c);
      await registerContract(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, c.req.param('id'), { decision: 'registered' });
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/payments/:id/verify', async (c) => {
      await postedForm(c);
      await verifyPayment(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, c.req.param('id'), { decision: 'verified' });
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/claims/:id/approve', async (c) => {
      await postedForm(c);
      await decideClaim(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, c.req.param('id'), 'approved');
      return c.redirect('/me?done=decided', 303);
    })
    .post('/admin/:what{contracts|payments|claims}/:id/reject', async (c) => {
      const form = await postedForm(c);
      const code = str(form.reason);
      if (!(code in REFUSAL_REASONS)) throw new DomainError('validation_failed');
      const reason = `【${code}】${REFUSAL_REASONS[code]}`;
      const actor = { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() };
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
      const values = Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)]));
      const percent = /^\d{1,3}(\.\d{1,2})?$/.test(values.ratePercent ?? '') ? values.ratePercent! : '';
      const [whole, frac = ''] = percent.split('.');
      const rateBp = percent ? Number(whole) * 100 + Number(frac.padEnd(2, '0')) : -1;
      const cap = yuanToFen(values.cap ?? '');
      const body = {
        name: values.name, rateBp, capFenPerContract: cap ?? -1, validFrom: values.validFrom, validTo: values.validTo,
        eligibleSellerTypes: ['university', 'institute'], eligibleBuyerTypes: ['enterprise'], eligibleBrokerTypes: ['transfer_center'],
        contractKinds: ['development', 'transfer', 'licence', 'consulting', 'service'],
      };
      const parsed = createPolicyBody.safeParse(body, { reportInput: true });
      const fieldOf = (p: string) => (p === 'rateBp' ? 'ratePercent' : p === 'capFenPerContract' ? 'cap' : p);
      if (!parsed.success) {
        return c.html(policiesPage(ctxOf(c), await listPolicies(c.var.deps.db), issuesFromZod(parsed.error).map((i) => ({ ...i, path: fieldOf(i.path) })), values, c.var.csrf));
      }
      try {
        await createPolicy(c.var.deps.db, { principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() }, parsed.data);
      } catch (error) {
        if (error instanceof DomainError && (error.kind === 'invalid' || error.code === 'policy_overlap')) {
          return c.html(policiesPage(ctxOf(c), await listPolicies(c.var.deps.db), error.issues.map((i) => ({ ...i, path: fieldOf(i.path) })), values, c.var.csrf));
        }
        throw error;
      }
      return c.redirect('/admin/policies', 303);
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
