/**
 * Reconciles a contract's reward figures from first principles: its verified payments, re-accrued under
 * the policies, must equal its ledger entries and its balance; its claims must add up to the balance's
 * pending, approved and paid figures; nothing is claimed beyond what accrued. Used by the benchmarks after
 * load, and usable by the bureau as an audit job.
 */
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import { accrue } from '../domain/reward-policy';
import * as programs from '../db/programs';
import { APPLICATION_STATUSES, entitlement, PROGRAM_RULES, reserves, type AppliedProgram } from '../domain/programs';

export interface ContractDiscrepancy {
  contractId: string;
  problems: string[];
}

export async function reconcileContract(db: Db, contractId: string): Promise<ContractDiscrepancy | null> {
  const [contract, payments, ledger, balance, claims, policies] = await Promise.all([
    repo.getContract(db, contractId),
    repo.paymentsOf(db, contractId),
    repo.ledgerOf(db, contractId),
    repo.getBalance(db, contractId),
    repo.claimsOf(db, contractId),
    repo.policiesInForce(db),
  ]);
  if (!contract) return { contractId, problems: ['contract missing'] };
  const problems: string[] = [];
  const verified = payments.filter((p) => p.status === 'verified').sort((a, b) => (a.verifiedAt! < b.verifiedAt! ? -1 : 1));
  const expected = accrue(verified, policies, { kind: contract.kind, sellerType: contract.sellerType, buyerType: contract.buyerType, brokerType: contract.brokerType }).at(-1)?.totalFen ?? 0;
  const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);
  const performed = sum(verified);
  const ledgerSum = ledger.reduce((s, e) => s + e.accruedFen, 0);
  const b = balance ?? { performedFen: 0, accruedFen: 0, pendingFen: 0, approvedFen: 0, paidFen: 0 };
  if (ledger.length !== verified.length) problems.push(`${ledger.length} ledger entries for ${verified.length} verified payments`);
  if (new Set(ledger.map((e) => e.paymentId)).size !== ledger.length) problems.push('a payment posted twice');
  if (ledgerSum !== b.accruedFen) problems.push(`ledger sums to ${ledgerSum}, balance says ${b.accruedFen}`);
  if (b.accruedFen !== expected) problems.push(`balance accrued ${b.accruedFen}, the rule gives ${expected}`);
  if (b.performedFen !== performed) problems.push(`balance performed ${b.performedFen}, verified payments sum to ${performed}`);
  const pending = sum(claims.filter((c) => c.status === 'pending'));
  const approved = sum(claims.filter((c) => c.status === 'approved' || c.status === 'paid'));
  const paid = sum(claims.filter((c) => c.status === 'paid'));
  if (b.pendingFen !== pending) problems.push(`balance pending ${b.pendingFen}, pending claims sum to ${pending}`);
  if (b.approvedFen !== approved) problems.push(`balance approved ${b.approvedFen}, approved claims sum to ${approved}`);
  if (b.paidFen !== paid) problems.push(`balance paid ${b.paidFen}, paid claims sum to ${paid}`);
  if (b.pendingFen + b.approvedFen > b.accruedFen) problems.push(`claimed ${b.pendingFen + b.approvedFen} of ${b.accruedFen} accrued`);
  return problems.length ? { contractId, problems } : null;
}

export interface ProgramDiscrepancy {
  program: string;
  problems: string[];
}

/**
 * Reconciles one applied program: its balance equals the sum of its entries; there is exactly one
 * approval entry per approved (or paid) application and one payout entry per paid one, each for the
 * application's amount; and no project's reservation exceeds what the rule grants on its verified base.
 */
export async function reconcileProgram(db: Db, program: AppliedProgram): Promise<ProgramDiscrepancy | null> {
  const [balance, entries, applications, projects] = await Promise.all([
    programs.programBalance(db, program),
    programs.programEntries(db, program),
    Promise.all(APPLICATION_STATUSES.map((s) => programs.applicationsWithStatus(db, s))).then((l) => l.flat().filter((a) => a.program === program)),
    programs.allProjects(db),
  ]);
  const problems: string[] = [];
  const sum = (xs: { amountFen: number }[]) => xs.reduce((s, x) => s + x.amountFen, 0);
  const approvals = entries.filter((e) => e.action === 'approve');
  const payouts = entries.filter((e) => e.action === 'pay');
  if (sum(approvals) !== balance.approvedFen) problems.push(`approval entries sum to ${sum(approvals)}, balance says ${balance.approvedFen}`);
  if (sum(payouts) !== balance.paidFen) problems.push(`payout entries sum to ${sum(payouts)}, balance says ${balance.paidFen}`);
  if (balance.paidFen > balance.approvedFen) problems.push(`paid ${balance.paidFen} more than approved ${balance.approvedFen}`);
  const byId = new Map(applications.map((a) => [a.id, a]));
  const approved = applications.filter((a) => a.status === 'approved' || a.status === 'paid');
  if (approvals.length !== approved.length) problems.push(`${approvals.length} approval entries for ${approved.length} approved applications`);
  if (payouts.length !== applications.filter((a) => a.status === 'paid').length) problems.push('payout entries and paid applications differ');
  for (const e of entries) if (byId.get(e.applicationId)?.amountFen !== e.amountFen) problems.push(`entry ${e.action} ${e.applicationId} does not match its application`);
  if (program !== 'startup_grant') {
    const field = program === 'maturation_guidance' ? 'guidanceReservedFen' : 'rewardReservedFen';
    for (const p of projects) {
      const held = sum(applications.filter((a) => a.subjectId === p.id && reserves(a.status)));
      if (held !== p[field]) problems.push(`project ${p.id} reserves ${p[field]}, its applications hold ${held}`);
      const rule = PROGRAM_RULES.find((r) => r.program === program && r.capFen > 0)!;
      if (program === 'maturation_guidance' && held > entitlement(rule, p.verifiedInputFen)) problems.push(`project ${p.id} holds ${held}, more than the rule grants on ${p.verifiedInputFen}`);
      if (held > rule.capFen) problems.push(`project ${p.id} over the cap: ${held}`);
    }
  } else {
    const perOrg = new Map<string, number>();
    for (const a of applications.filter((x) => reserves(x.status))) perOrg.set(a.applicantOrgId, (perOrg.get(a.applicantOrgId) ?? 0) + 1);
    for (const [org, n] of perOrg) if (n > 1) problems.push(`institution ${org} holds ${n} start-up grants`);
  }
  return problems.length ? { program, problems } : null;
}
