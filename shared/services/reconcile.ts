/**
 * Reconciles a contract's reward figures from first principles: its verified payments, re-accrued under
 * the policies, must equal its ledger entries and its balance; its claims must add up to the balance's
 * pending, approved and paid figures; nothing is claimed beyond what accrued. Used by the benchmarks after
 * load, and usable by the bureau as an audit job.
 */
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import { accrue } from '../domain/reward-policy';

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
