/**
 * The plan's other incentives: maturation projects with verified R&D input, and applications to the
 * programs of shared/domain/programs.ts. An application reserves its amount against its subject when
 * submitted (the project's reservation, or the institution's once-only lock), goes submitted → review →
 * approved/rejected → paid, and every step is one transaction with its audit record. The admin who
 * reviewed an application, or verified the R&D input (or payments) it rests on, may not decide it.
 */
import { ulid } from 'ulid';
import type * as z from 'zod';
import { attachmentStands, requiredFiles } from '../db/attachments';
import * as repo from '../db/contracts';
import { REQUIRED_KINDS } from '../domain/attachment';
import type { Db } from '../db/client';
import { getListing } from '../db/listings';
import { getOrganisation } from '../db/organisations';
import * as store from '../db/programs';
import { DomainError } from '../domain/errors';
import { shanghaiDate } from '../domain/listing-common';
import {
  brokerageRule, canMove, dueNow, PROGRAM_RULES, ruleOn,
  type applyBody, type createProjectBody, type MaturationProject, type ProgramApplication, type ProgramRule, type RdInput, type rdInputBody,
} from '../domain/programs';
import { requireSignedIn } from './access';
import type { Actor } from './contracts';
import { retryOnConflict } from './retry';

const COUNTED_CONTRACTS = ['registered', 'performing', 'completed'];

function member(actor: Actor) {
  const caller = requireSignedIn(actor.principal);
  if (caller.isAdmin || !caller.orgId) throw new DomainError(caller.isAdmin ? 'role_required' : 'organisation_required');
  return caller as typeof caller & { orgId: string };
}

function admin(actor: Actor) {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  return caller;
}

async function verifiedOrgOfType(db: Db, orgId: string, allowed: readonly string[]) {
  const org = await getOrganisation(db, orgId);
  if (!org || org.verification.status !== 'verified') throw new DomainError('organisation_required');
  if (!allowed.includes(org.type)) throw new DomainError('organisation_type_mismatch');
  return org;
}

const audit = (db: Db, actor: Actor, sub: string, orgId: string | null, subjectType: 'project' | 'rd_input' | 'application', subjectId: string, action: string, before: unknown, after: unknown, trailOf = subjectId) =>
  repo.putAudit(db, { subjectId, subjectType, action, actor: sub, actorOrgId: orgId, requestId: actor.requestId, at: actor.now.toISOString(), before, after }, trailOf);

// ——— Projects ———

/** A project is its owner's and the bureau's business; other organisations see nothing of it. */
async function readableProject(db: Db, actor: Actor, projectId: string): Promise<MaturationProject> {
  const caller = requireSignedIn(actor.principal);
  const project = await store.getProject(db, projectId);
  if (!project || !(caller.isAdmin || caller.orgId === project.ownerOrgId)) throw new DomainError('not_found');
  return project;
}

export async function createProject(db: Db, actor: Actor, body: z.infer<typeof createProjectBody>): Promise<MaturationProject> {
  const caller = member(actor);
  await verifiedOrgOfType(db, caller.orgId, ['university', 'institute', 'enterprise']);
  const achievement = await getListing(db, 'achievement', body.achievementId);
  if (!achievement || achievement.ownerOrgId !== caller.orgId) {
    throw new DomainError('validation_failed', [{ path: 'achievementId', code: 'not_yours', message: 'Link one of your own organisation’s achievements.', messageZh: '请关联本机构发布的科技成果。' }]);
  }
  const at = actor.now.toISOString();
  const project: MaturationProject = {
    ...body, id: `prj_${ulid()}`, ownerOrgId: caller.orgId, recordedInputFen: 0, verifiedInputFen: 0, guidanceReservedFen: 0, rewardReservedFen: 0,
    createdBy: caller.sub, createdAt: at, version: 1,
  };
  await repo.transact(db, [store.putProject(db, project, null), audit(db, actor, caller.sub, caller.orgId, 'project', project.id, 'create', null, project)], () => new DomainError('version_conflict'));
  return project;
}

export async function projectView(db: Db, actor: Actor, projectId: string) {
  const project = await readableProject(db, actor, projectId);
  const [inputs, applications] = await Promise.all([store.inputsOf(db, projectId), store.applicationsOfOrg(db, project.ownerOrgId)]);
  return { project, inputs: inputs.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)), applications: applications.filter((a) => a.subjectId === projectId) };
}

export async function projectsOf(db: Db, actor: Actor): Promise<MaturationProject[]> {
  const caller = requireSignedIn(actor.principal);
  if (caller.isAdmin) return store.allProjects(db);
  if (!caller.orgId) return [];
  return store.projectsOfOrg(db, caller.orgId);
}

export async function recordRdInput(db: Db, actor: Actor, projectId: string, body: z.infer<typeof rdInputBody>): Promise<RdInput> {
  const caller = member(actor);
  return retryOnConflict(async () => {
    const project = await readableProject(db, actor, projectId);
    if (project.ownerOrgId !== caller.orgId) throw new DomainError('not_owner');
    if (body.spentOn > shanghaiDate(actor.now)) {
      throw new DomainError('validation_failed', [{ path: 'spentOn', code: 'in_the_future', message: 'R&D input is recorded once spent.', messageZh: '研发投入须在实际支出后登记。' }]);
    }
    const at = actor.now.toISOString();
    const input: RdInput = { ...body, id: `rdi_${ulid()}`, projectId, status: 'recorded', recordedBy: caller.sub, createdAt: at, version: 1 };
    const next = { ...project, recordedInputFen: project.recordedInputFen + body.amountFen, version: project.version + 1 };
    await repo.transact(
      db,
      [store.putRdInput(db, input, null), store.putProject(db, next, project.version), audit(db, actor, caller.sub, caller.orgId, 'rd_input', input.id, 'record', null, input, projectId)],
      () => new DomainError('version_conflict'),
    );
    return input;
  });
}

/** The bureau checks an R&D input record against its evidence; verified input becomes the guidance base. */
export async function decideRdInput(db: Db, actor: Actor, projectId: string, inputId: string, decision: 'verified' | 'rejected', reason?: string): Promise<RdInput> {
  const caller = admin(actor);
  if (decision === 'rejected' && !reason) throw new DomainError('validation_failed', [{ path: 'reason', code: 'required', message: 'A rejection needs a reason.', messageZh: '驳回须说明理由。' }]);
  return retryOnConflict(async () => {
    const [project, input] = await Promise.all([store.getProject(db, projectId), store.getRdInput(db, inputId)]);
    if (!project || !input || input.projectId !== projectId) throw new DomainError('not_found');
    // The bureau verifies against the evidence itself: a verified input names the file it rests on.
    const evidence = decision === 'verified' ? await requiredFiles(db, 'rd_input', inputId, REQUIRED_KINDS.rd_input!, 'files.funds_evidence') : [];
    if (input.status !== 'recorded') throw new DomainError('invalid_transition');
    const at = actor.now.toISOString();
    const decided: RdInput = { ...input, status: decision, verifiedBy: caller.sub, decidedAt: at, ...(reason ? { reason } : {}), version: input.version + 1 };
    const nextProject: MaturationProject = {
      ...project,
      recordedInputFen: project.recordedInputFen - input.amountFen,
      verifiedInputFen: project.verifiedInputFen + (decision === 'verified' ? input.amountFen : 0),
      inputVerifiers: [...new Set([...(project.inputVerifiers ?? []), caller.sub])],
      version: project.version + 1,
    };
    await repo.transact(
      db,
      [store.putRdInput(db, decided, input.version), store.putProject(db, nextProject, project.version), ...evidence.slice(0, 1).map((f) => attachmentStands(db, f)), audit(db, actor, caller.sub, null, 'rd_input', inputId, decision === 'verified' ? 'verify' : 'reject', input, decided, projectId)],
      () => new DomainError('version_conflict'),
    );
    return decided;
  });
}

/** The owner names the registered contract that transferred the project's achievement: the team reward's proof. */
export async function linkTransferContract(db: Db, actor: Actor, projectId: string, contractId: string): Promise<MaturationProject> {
  const caller = member(actor);
  return retryOnConflict(async () => {
    const project = await readableProject(db, actor, projectId);
    if (project.ownerOrgId !== caller.orgId) throw new DomainError('not_owner');
    const contract = await repo.getContract(db, contractId);
    if (!contract || contract.sellerOrgId !== project.ownerOrgId || contract.achievementId !== project.achievementId || !COUNTED_CONTRACTS.includes(contract.status)) {
      throw new DomainError('validation_failed', [{ path: 'contractId', code: 'not_a_transfer', message: 'Name a registered contract in which your organisation sells this project’s achievement.', messageZh: '请填写本机构作为卖方、转化本项目成果且已认定登记的技术合同。' }]);
    }
    const next = { ...project, transferContractId: contractId, version: project.version + 1 };
    await repo.transact(db, [store.putProject(db, next, project.version), audit(db, actor, caller.sub, caller.orgId, 'project', projectId, 'link_transfer', project, next)], () => new DomainError('version_conflict'));
    return next;
  });
}

// ——— Applications ———

function ruleInForce(program: ProgramApplication['program'], date: string): ProgramRule {
  const rule = ruleOn(PROGRAM_RULES, program, date);
  if (!rule) throw new DomainError('program_closed');
  return rule;
}

const nothingDue = () => new DomainError('nothing_due');

export async function submitApplication(db: Db, actor: Actor, body: z.infer<typeof applyBody>): Promise<ProgramApplication> {
  const caller = member(actor);
  const rule = ruleInForce(body.program, shanghaiDate(actor.now));
  const org = await verifiedOrgOfType(db, caller.orgId, rule.eligibleApplicantTypes);
  return retryOnConflict(async () => {
    const at = actor.now.toISOString();
    const base = { id: `app_${ulid()}`, program: body.program, ruleId: rule.id, applicantOrgId: org.id, applicantOrgName: org.name, status: 'submitted' as const, submittedBy: caller.sub, createdAt: at, version: 1, ...(body.note ? { note: body.note } : {}) };
    if (body.program === 'startup_grant') {
      const application: ProgramApplication = { ...base, subjectId: org.id, basisFen: 0, amountFen: dueNow(rule, 0, 0), agreement: body.agreement };
      await repo.transact(
        db,
        [store.takeGrantLock(db, body.program, org.id, application.id), store.putApplication(db, application, null), audit(db, actor, caller.sub, org.id, 'application', application.id, 'submit', null, application)],
        (failed) => new DomainError(failed === 0 ? 'already_granted' : 'version_conflict'),
      );
      return application;
    }
    const project = await readableProject(db, actor, body.projectId);
    if (project.ownerOrgId !== org.id) throw new DomainError('not_owner');
    let basisFen: number;
    let reserved: number;
    if (body.program === 'maturation_guidance') {
      basisFen = project.verifiedInputFen;
      reserved = project.guidanceReservedFen;
    } else {
      const contract = project.transferContractId ? await repo.getContract(db, project.transferContractId) : null;
      if (!contract || !COUNTED_CONTRACTS.includes(contract.status) || contract.verifiedFen <= 0) throw new DomainError('not_transferred');
      basisFen = contract.verifiedFen;
      reserved = project.rewardReservedFen;
    }
    const amountFen = dueNow(rule, basisFen, reserved);
    if (amountFen <= 0) throw nothingDue();
    const application: ProgramApplication = { ...base, subjectId: project.id, basisFen, amountFen };
    const field = body.program === 'maturation_guidance' ? 'guidanceReservedFen' : 'rewardReservedFen';
    const next = { ...project, [field]: project[field] + amountFen, version: project.version + 1 };
    await repo.transact(
      db,
      [store.putApplication(db, application, null), store.putProject(db, next, project.version), audit(db, actor, caller.sub, org.id, 'application', application.id, 'submit', null, application)],
      () => new DomainError('version_conflict'),
    );
    return application;
  });
}

/** The applicant's organisation and the bureau read an application; nobody else learns it exists. */
export async function applicationView(db: Db, actor: Actor, id: string): Promise<ProgramApplication> {
  const caller = requireSignedIn(actor.principal);
  const application = await store.getApplication(db, id);
  if (!application || !(caller.isAdmin || caller.orgId === application.applicantOrgId)) throw new DomainError('not_found');
  return application;
}

export async function applicationsFor(db: Db, actor: Actor, status?: ProgramApplication['status']): Promise<ProgramApplication[]> {
  const caller = requireSignedIn(actor.principal);
  const list = caller.isAdmin
    ? status ? await store.applicationsWithStatus(db, status) : (await Promise.all(['submitted', 'under_review', 'approved', 'rejected', 'paid'].map((s) => store.applicationsWithStatus(db, s)))).flat()
    : caller.orgId ? (await store.applicationsOfOrg(db, caller.orgId)).filter((a) => !status || a.status === status) : [];
  return list.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
}

export async function reviewApplication(db: Db, actor: Actor, id: string, note: string): Promise<ProgramApplication> {
  const caller = admin(actor);
  const application = await applicationView(db, actor, id);
  if (!canMove(application.status, 'under_review')) throw new DomainError('invalid_transition');
  // A start-up grant is reviewed against the signed agreement itself.
  const agreement = application.program === 'startup_grant' ? await requiredFiles(db, 'application', id, REQUIRED_KINDS.application!, 'files.signed_agreement') : [];
  const next: ProgramApplication = { ...application, status: 'under_review', reviewedBy: caller.sub, reviewedAt: actor.now.toISOString(), reviewNote: note, version: application.version + 1 };
  await repo.transact(db, [store.putApplication(db, next, application.version), ...agreement.slice(0, 1).map((f) => attachmentStands(db, f)), audit(db, actor, caller.sub, null, 'application', id, 'review', application, next)], () => new DomainError('version_conflict'));
  return next;
}

/** Releases a rejected application's hold on its subject: the project's reservation or the institution's lock. */
function release(db: Db, application: ProgramApplication, project: MaturationProject | null) {
  if (application.program === 'startup_grant') return [store.releaseGrantLock(db, application.program, application.applicantOrgId, application.id)];
  const field = application.program === 'maturation_guidance' ? 'guidanceReservedFen' : 'rewardReservedFen';
  return [store.putProject(db, { ...project!, [field]: project![field] - application.amountFen, version: project!.version + 1 }, project!.version)];
}

export async function decideApplication(db: Db, actor: Actor, id: string, decision: 'approved' | 'rejected', reason?: string): Promise<ProgramApplication> {
  const caller = admin(actor);
  if (decision === 'rejected' && !reason) throw new DomainError('validation_failed', [{ path: 'reason', code: 'required', message: 'A rejection needs a reason.', messageZh: '驳回须说明理由。' }]);
  return retryOnConflict(async () => {
    const application = await applicationView(db, actor, id);
    if (!canMove(application.status, decision)) throw new DomainError(decision === 'approved' && application.status === 'submitted' ? 'review_required' : 'invalid_transition');
    if (decision === 'approved' && application.reviewedBy === caller.sub) throw new DomainError('separation_of_duties_program');
    const project = application.program === 'startup_grant' ? null : await store.getProject(db, application.subjectId);
    if (decision === 'approved' && project?.inputVerifiers?.includes(caller.sub)) throw new DomainError('separation_of_duties_program');
    const contract = application.program === 'maturation_reward' && project?.transferContractId ? await repo.getContract(db, project.transferContractId) : null;
    if (decision === 'approved' && contract?.verifiers?.includes(caller.sub)) throw new DomainError('separation_of_duties_program');
    const at = actor.now.toISOString();
    const next: ProgramApplication = { ...application, status: decision, decidedBy: caller.sub, decidedAt: at, ...(reason ? { reason } : {}), version: application.version + 1 };
    const items = [
      store.putApplication(db, next, application.version),
      ...(decision === 'approved'
        ? [
          ...store.postProgramEntry(db, { program: application.program, action: 'approve', applicationId: id, applicantOrgId: application.applicantOrgId, amountFen: application.amountFen, at }),
          ...(project ? [store.checkNotInputVerifier(db, project.id, caller.sub)] : []),
          ...(contract ? [repo.checkNotVerifier(db, contract.id, caller.sub)] : []),
        ]
        : release(db, application, project)),
      audit(db, actor, caller.sub, null, 'application', id, decision === 'approved' ? 'approve' : 'reject', application, next),
    ];
    // Index 0 is the application's own versioned write; a failing verifier check means a verification raced the decision.
    await repo.transact(db, items, (failed) => new DomainError(failed === 0 || failed === 1 ? 'version_conflict' : items[failed]?.ConditionCheck ? 'separation_of_duties_program' : 'version_conflict'));
    return next;
  });
}

export async function markApplicationPaid(db: Db, actor: Actor, id: string): Promise<ProgramApplication> {
  const caller = admin(actor);
  const application = await applicationView(db, actor, id);
  if (!canMove(application.status, 'paid')) throw new DomainError('invalid_transition');
  const at = actor.now.toISOString();
  const next: ProgramApplication = { ...application, status: 'paid', paidBy: caller.sub, paidAt: at, version: application.version + 1 };
  await repo.transact(
    db,
    [
      store.putApplication(db, next, application.version),
      ...store.postProgramEntry(db, { program: application.program, action: 'pay', applicationId: id, applicantOrgId: application.applicantOrgId, amountFen: application.amountFen, at }),
      audit(db, actor, caller.sub, null, 'application', id, 'pay', application, next),
    ],
    () => new DomainError('version_conflict'),
  );
  return next;
}

/** Every program's rules: the brokerage reward's policies (seen as rules, by validity) and the applied programs'. */
export async function programRules(db: Db): Promise<ProgramRule[]> {
  const policies = [...(await repo.policiesInForce(db))].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  return [...policies.map((p, i) => brokerageRule(p, i + 1)), ...PROGRAM_RULES];
}

/** Each program's rule in force today and what it has approved and paid (the brokerage from its claims). */
export async function programFigures(db: Db, now: Date) {
  const today = shanghaiDate(now);
  const [rules, balances, approvedClaims, paidClaims] = await Promise.all([
    programRules(db),
    Promise.all((['maturation_guidance', 'maturation_reward', 'startup_grant'] as const).map((p) => store.programBalance(db, p))),
    repo.claimsWithStatus(db, 'approved'),
    repo.claimsWithStatus(db, 'paid'),
  ]);
  const paidFen = paidClaims.reduce((s, c) => s + c.amountFen, 0);
  return [
    { program: 'brokerage' as const, approvedFen: paidFen + approvedClaims.reduce((s, c) => s + c.amountFen, 0), paidFen, rule: ruleOn(rules, 'brokerage', today) },
    ...balances.map((b) => ({ program: b.program as ProgramApplication['program'], approvedFen: b.approvedFen, paidFen: b.paidFen, rule: ruleOn(rules, b.program as ProgramApplication['program'], today) })),
  ];
}
