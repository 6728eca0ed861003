/**
 * Pages of the incentive programs: the public catalogue, an organisation's projects and applications,
 * one project, and the bureau's queue. Each form posts here, is checked by the same strict schema as
 * the API, and calls the same service; a refused action comes back to its page with the reason.
 */
import { Hono, type Context } from 'hono';
import type { ApiEnv } from '../shared/http/context';
import { issuesFromZod } from '../shared/http/field-issues';
import { getOrganisation } from '../shared/db/organisations';
import { rdInputsWithStatus } from '../shared/db/programs';
import { DomainError, errorTitle, type ErrorCode, type FieldIssue } from '../shared/domain/errors';
import { applyBody, createProjectBody, dueNow, PROGRAM_RULES, rdInputBody, ruleOn } from '../shared/domain/programs';
import { shanghaiDate } from '../shared/domain/listing-common';
import { requireSignedIn } from '../shared/services/access';
import { achievementSpec, listListings } from '../shared/services/listings';
import {
  applicationsFor, createProject, decideApplication, decideRdInput, linkTransferContract, markApplicationPaid, programFigures, programRules, projectsOf, projectView,
  recordRdInput, reviewApplication, submitApplication,
} from '../shared/services/programs';
import { getContract } from '../shared/db/contracts';
import { listAttachments } from '../shared/services/attachments';
import { yuanToFen } from './forms';
import { tx } from './i18n';
import type { PageContext } from './layout';
import { myProgramsPage, programQueuePage, programsPage, projectPage } from './pages/programs';
import { postedForm } from './session';

type Form = Record<string, string | string[]>;
const str = (v: string | string[] | undefined) => (typeof v === 'string' ? v.trim() : '');
const values = (form: Form) => Object.fromEntries(Object.entries(form).map(([k, v]) => [k, str(v)]));
const actorOf = (c: Context<ApiEnv>) => ({ principal: c.var.principal, requestId: c.var.requestId, now: c.var.deps.now() });

/** A yuan field → fen, or an issue under that field (the schema then reports the rest). */
function yuan(form: Form, name: string, issues: FieldIssue[]): number {
  const fen = yuanToFen(str(form[name]));
  if (fen === null || fen <= 0) issues.push({ path: name, code: 'invalid_amount', message: 'Enter an amount in yuan, e.g. 500000 or 12.5', messageZh: '请填写以元为单位的金额，如 500000 或 12.5' });
  return fen ?? 0;
}

/** A refused action (a rule, not a typo): back to the page it came from, which says why. */
async function orBack(c: Context<ApiEnv>, back: string, action: () => Promise<unknown>, done: string) {
  try {
    await action();
  } catch (error) {
    if (error instanceof DomainError && (error.kind === 'conflict' || error.kind === 'forbidden')) return c.redirect(`${back}?error=${error.code}`, 303);
    throw error;
  }
  return c.redirect(`${back}?done=${done}`, 303);
}

function notice(c: Context<ApiEnv>, ctx: PageContext): { flash?: string; error?: string } {
  const done = c.req.query('done');
  const code = c.req.query('error');
  const out: { flash?: string; error?: string } = {};
  if (done) out.flash = tx(ctx.lang, '已提交。', 'Done.');
  if (code) {
    try {
      const t = errorTitle(code as ErrorCode);
      out.error = tx(ctx.lang, t.zh, t.en);
    } catch {
      // An unknown code in the address is just ignored.
    }
  }
  return out;
}

export function programRoutes(ctxOf: (c: Context<ApiEnv>) => PageContext) {
  async function renderMine(c: Context<ApiEnv>, issues: FieldIssue[] = [], form: Form = {}) {
    const caller = requireSignedIn(c.var.principal);
    const { db } = c.var.deps;
    const org = caller.orgId ? await getOrganisation(db, caller.orgId) : null;
    const verified = org?.verification.status === 'verified';
    const [projects, applications, achievements] = await Promise.all([
      projectsOf(db, actorOf(c)),
      applicationsFor(db, actorOf(c)),
      org && verified && caller.role === 'university' ? listListings(db, achievementSpec, caller, { ownerOrgId: org.id, limit: 100 }).then((p) => p.items.map((v) => ({ id: v.record.id, title: v.record.title }))) : Promise.resolve([]),
    ]);
    const applicationFiles = Object.fromEntries(await Promise.all(applications.map(async (a) => [a.id, await listAttachments(c.var.deps, c.var.principal, 'application', a.id)] as const)));
    const ctx = ctxOf(c);
    return myProgramsPage(ctx, {
      projects, applications, applicationFiles, achievements, csrf: c.var.csrf, issues, values: values(form), ...notice(c, ctx),
      canProject: verified && achievements.length > 0,
      canGrant: verified && !!org && ['university', 'transfer_center'].includes(org.type),
    });
  }

  async function renderProject(c: Context<ApiEnv>, id: string, issues: FieldIssue[] = [], form: Form = {}) {
    const caller = requireSignedIn(c.var.principal);
    const { db } = c.var.deps;
    const view = await projectView(db, actorOf(c), id);
    const today = shanghaiDate(c.var.deps.now());
    const guidance = ruleOn(PROGRAM_RULES, 'maturation_guidance', today);
    const reward = ruleOn(PROGRAM_RULES, 'maturation_reward', today);
    const contract = view.project.transferContractId ? await getContract(db, view.project.transferContractId) : null;
    const due = {
      guidance: guidance ? dueNow(guidance, view.project.verifiedInputFen, view.project.guidanceReservedFen) : 0,
      reward: reward && contract && contract.verifiedFen > 0 ? dueNow(reward, contract.verifiedFen, view.project.rewardReservedFen) : 0,
    };
    const inputFiles = Object.fromEntries(await Promise.all(view.inputs.map(async (i) => [i.id, await listAttachments(c.var.deps, c.var.principal, 'rd_input', i.id)] as const)));
    const ctx = ctxOf(c);
    return projectPage(ctx, { ...view, inputFiles, due, isOwner: caller.orgId === view.project.ownerOrgId, csrf: c.var.csrf, issues, values: values(form), ...notice(c, ctx) });
  }

  return new Hono<ApiEnv>()
    .get('/programs', async (c) => c.html(programsPage(ctxOf(c), { rules: await programRules(c.var.deps.db), figures: await programFigures(c.var.deps.db, c.var.deps.now()) })))
    .get('/me/programs', async (c) => c.html(await renderMine(c)))
    .post('/me/projects', async (c) => {
      const form = await postedForm(c);
      const issues: FieldIssue[] = [];
      const budgetFen = yuan(form, 'budget', issues);
      const parsed = createProjectBody.safeParse({ title: str(form.title), achievementId: str(form.achievementId), summary: str(form.summary), budgetFen, startOn: str(form.startOn) });
      if (!parsed.success || issues.length) return c.html(await renderMine(c, [...issues, ...(parsed.success ? [] : issuesFromZod(parsed.error).filter((i) => i.path !== 'budgetFen'))], form));
      try {
        const project = await createProject(c.var.deps.db, actorOf(c), parsed.data);
        return c.redirect(`/me/projects/${project.id}?done=created`, 303);
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') return c.html(await renderMine(c, error.issues, form));
        throw error;
      }
    })
    .get('/me/projects/:id', async (c) => c.html(await renderProject(c, c.req.param('id'))))
    .post('/me/projects/:id/inputs', async (c) => {
      const form = await postedForm(c);
      const id = c.req.param('id');
      const issues: FieldIssue[] = [];
      const amountFen = yuan(form, 'amount', issues);
      const parsed = rdInputBody.safeParse({ amountFen, spentOn: str(form.spentOn), category: str(form.category), evidenceRef: str(form.evidenceRef) });
      if (!parsed.success || issues.length) return c.html(await renderProject(c, id, [...issues, ...(parsed.success ? [] : issuesFromZod(parsed.error).filter((i) => i.path !== 'amountFen'))], form));
      try {
        await recordRdInput(c.var.deps.db, actorOf(c), id, parsed.data);
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') return c.html(await renderProject(c, id, error.issues, form));
        throw error;
      }
      return c.redirect(`/me/projects/${id}?done=input`, 303);
    })
    .post('/me/projects/:id/transfer', async (c) => {
      const form = await postedForm(c);
      const id = c.req.param('id');
      try {
        await linkTransferContract(c.var.deps.db, actorOf(c), id, str(form.contractId));
      } catch (error) {
        if (error instanceof DomainError && error.kind === 'invalid') return c.html(await renderProject(c, id, error.issues.length ? error.issues : [{ path: 'contractId', code: 'invalid', message: error.message, messageZh: error.messageZh }], form));
        throw error;
      }
      return c.redirect(`/me/projects/${id}?done=linked`, 303);
    })
    .post('/me/applications', async (c) => {
      const form = await postedForm(c);
      const program = str(form.program);
      const body =
        program === 'startup_grant'
          ? { program, agreement: { title: str(form.agreementTitle), number: str(form.agreementNumber), signedOn: str(form.agreementSignedOn) } }
          : { program, projectId: str(form.projectId) };
      const parsed = applyBody.safeParse(body);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error).map((i) => ({ ...i, path: i.path.replace(/^agreement\.(\w)/, (_m, ch: string) => `agreement${ch.toUpperCase()}`) }));
        return c.html(await renderMine(c, issues, form));
      }
      const back = parsed.data.program === 'startup_grant' ? '/me/programs' : `/me/projects/${parsed.data.projectId}`;
      return orBack(c, back, () => submitApplication(c.var.deps.db, actorOf(c), parsed.data), 'applied');
    })
    .get('/admin/programs', async (c) => {
      const caller = requireSignedIn(c.var.principal);
      if (!caller.isAdmin) throw new DomainError('role_required');
      const { db } = c.var.deps;
      const [inputs, applications, projects] = await Promise.all([rdInputsWithStatus(db, 'recorded'), applicationsFor(db, actorOf(c)), projectsOf(db, actorOf(c))]);
      const titles = new Map(projects.map((p) => [p.id, p.title]));
      const open = applications.filter((a) => a.status !== 'rejected' && a.status !== 'paid');
      const ctx = ctxOf(c);
      return c.html(programQueuePage(ctx, {
        inputs: await Promise.all(inputs.map(async (i) => ({ ...i, projectTitle: titles.get(i.projectId) ?? i.projectId, files: await listAttachments(c.var.deps, caller, 'rd_input', i.id) }))),
        applications: await Promise.all(open.map(async (a) => ({ ...a, subjectTitle: titles.get(a.subjectId) ?? a.agreement?.title ?? a.subjectId, files: await listAttachments(c.var.deps, caller, 'application', a.id) }))),
        me: caller.sub, csrf: c.var.csrf, ...notice(c, ctx),
      }));
    })
    .post('/admin/projects/:pid/inputs/:id/verify', async (c) => {
      const form = await postedForm(c);
      const decision = str(form.decision) === 'rejected' ? 'rejected' : 'verified';
      const reason = str(form.reason);
      if (decision === 'rejected' && reason.length < 2) throw new DomainError('validation_failed', [{ path: 'reason', code: 'required', message: 'A rejection needs a reason.', messageZh: '驳回须说明理由。' }]);
      return orBack(c, '/admin/programs', () => decideRdInput(c.var.deps.db, actorOf(c), c.req.param('pid'), c.req.param('id'), decision, reason || undefined), 'decided');
    })
    .post('/admin/applications/:id/:action{review|approve|reject|pay}', async (c) => {
      const form = await postedForm(c);
      const id = c.req.param('id');
      const text = (name: string) => {
        const v = str(form[name]);
        if (v.length < 2 || v.length > 500) throw new DomainError('validation_failed', [{ path: name, code: 'required', message: 'Write 2–500 characters.', messageZh: '请填写 2–500 个字。' }]);
        return v;
      };
      const db = c.var.deps.db;
      const run = {
        review: () => reviewApplication(db, actorOf(c), id, text('note')),
        approve: () => decideApplication(db, actorOf(c), id, 'approved'),
        reject: () => decideApplication(db, actorOf(c), id, 'rejected', text('reason')),
        pay: () => markApplicationPaid(db, actorOf(c), id),
      }[c.req.param('action') as 'review' | 'approve' | 'reject' | 'pay'];
      return orBack(c, '/admin/programs', run, 'decided');
    });
}
