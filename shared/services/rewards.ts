/**
 * The reward ledger and claims. The ledger handler turns each verified payment into exactly one ledger
 * entry and moves the contract's balance in the same transaction; claims reserve their amount against
 * the balance with a versioned write, so concurrent claims can never together exceed what is claimable.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import { claimable, rewardBalanceSchema, type Claim, type Contract, type createClaimBody, type RewardBalance } from '../domain/contract';
import { DomainError } from '../domain/errors';
import { accrue, overlapping, SEED_POLICIES, type createPolicyBody, type RewardPolicy } from '../domain/reward-policy';
import type * as z from 'zod';
import { shanghaiDate } from '../domain/listing-common';
import { requireMember, requireSignedIn } from './access';
import { isParty, type Actor } from './contracts';
import { idempotent, type IdempotencyRequest } from './idempotency';

const LEDGER_ATTEMPTS = 8;

/**
 * The ledger entry for one verified payment. It is computed from what is already posted — read
 * consistently from the contract's partition, in posting order — plus this payment, and written together
 * with a versioned balance update: whatever order payments are verified or records delivered in, the
 * entries add up to exactly the rule applied to the posted payments, never over the cap, never twice.
 */
export async function postLedgerEntry(db: Db, paymentId: string, now: Date): Promise<'posted' | 'already' | 'not_verified'> {
  const payment = await repo.getPayment(db, paymentId);
  if (!payment || payment.status !== 'verified') return 'not_verified';
  const contract = (await repo.getContract(db, payment.contractId))!;
  const parties = { kind: contract.kind, sellerType: contract.sellerType, buyerType: contract.buyerType, brokerType: contract.brokerType };
  for (let attempt = 1; ; attempt++) {
    const [balance, posted, policies] = await Promise.all([repo.getBalance(db, contract.id), repo.ledgerOf(db, contract.id), repo.policiesInForce(db)]);
    if (posted.some((e) => e.paymentId === paymentId)) return 'already';
    // The balance and the entries are two reads: another posting may have committed between them. Only
    // postings move performed and accrued, so in any consistent view they are the entries' sums; if not,
    // read again (computing against a balance that already holds an unseen entry would post a negative one).
    const consistent =
      posted.reduce((sum, e) => sum + e.accruedFen, 0) === balance!.accruedFen && posted.reduce((sum, e) => sum + e.amountFen, 0) === balance!.performedFen;
    if (!consistent) {
      if (attempt >= LEDGER_ATTEMPTS) throw new DomainError('version_conflict');
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
      continue;
    }
    const ordered = posted.sort((x, y) => x.seq - y.seq).map((e) => ({ id: e.paymentId, amountFen: e.amountFen, paidOn: e.paidOn }));
    const steps = accrue([...ordered, { id: payment.id, amountFen: payment.amountFen, paidOn: payment.paidOn }], policies, parties);
    const step = steps.at(-1)!;
    const increment = step.totalFen - balance!.accruedFen;
    // The rule only ever adds: a negative increment would mean the view above was not what it seemed.
    if (increment < 0) throw new Error(`ledger for ${contract.id} would decrease by ${-increment} fen posting ${paymentId}`);
    try {
      await repo.transact(
        db,
        [
          repo.putLedgerEntry(db, {
            contractId: contract.id, paymentId, amountFen: payment.amountFen, paidOn: payment.paidOn, policyId: step.policyId,
            accruedFen: increment, totalFen: step.totalFen, performedFen: balance!.performedFen + payment.amountFen, seq: balance!.version, at: now.toISOString(),
          }),
          repo.moveBalance(db, contract.id, { performedFen: payment.amountFen, accruedFen: increment }, balance!.version),
        ],
        () => new DomainError('version_conflict'),
      );
      return 'posted';
    } catch (error) {
      // Another posting or claim moved the balance (or this one was posted meanwhile): read again.
      if (!(error instanceof DomainError && error.code === 'version_conflict') || attempt >= LEDGER_ATTEMPTS) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * 10 * attempt));
    }
  }
}

/** The reward-ledger stream handler: verified payments in, ledger entries out, exactly once each. */
export function createRewardLedgerHandler(deps: { db: Db; now?: () => Date; log?: (entry: Record<string, unknown>) => void }) {
  const now = deps.now ?? (() => new Date());
  return async function ledgerStreamBatch(event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> {
    const failures: DynamoDBBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const pk = record.dynamodb?.Keys?.pk?.S ?? '';
      if (!pk.startsWith('PAYMENT#')) continue;
      if (record.dynamodb?.NewImage?.status?.S !== 'verified' || record.dynamodb?.OldImage?.status?.S === 'verified') continue;
      try {
        await postLedgerEntry(deps.db, pk.slice('PAYMENT#'.length), now());
      } catch (error) {
        deps.log?.({ level: 'ERROR', message: 'ledger posting failed', record: pk, error: String(error) });
        failures.push({ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' });
        break;
      }
    }
    return { batchItemFailures: failures };
  };
}

function withClaimable(b: Omit<RewardBalance, 'claimableFen'>): RewardBalance {
  return { ...b, claimableFen: claimable(b) };
}

export async function rewardView(db: Db, principal: Principal | null, contractId: string) {
  const caller = requireSignedIn(principal);
  const contract = await repo.getContract(db, contractId);
  // The broker's and the bureau's business; the other parties see the contract, not the reward.
  if (!contract || !(caller.isAdmin || caller.orgId === contract.brokerOrgId)) throw new DomainError('not_found');
  const [balance, ledger, claims] = await Promise.all([repo.getBalance(db, contractId), repo.ledgerOf(db, contractId), repo.claimsOf(db, contractId)]);
  return { balance: rewardBalanceSchema.parse(withClaimable(balance!)), ledger, claims: claims.sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1)) };
}

const CLAIM_ATTEMPTS = 8;

/**
 * Reserves `amountFen` against the balance: a versioned write, retried on conflict with a fresh read.
 * Every request ends with a definite answer: the claim, over_claimable, or a conflict after retries.
 */
export async function submitClaim(db: Db, actor: Actor, contractId: string, body: z.infer<typeof createClaimBody>, request: IdempotencyRequest): Promise<{ replayed: boolean; body: Claim }> {
  const caller = requireMember(actor.principal, 'transfer_center');
  const contract = await repo.getContract(db, contractId);
  if (!contract || !isParty(caller, contract)) throw new DomainError('not_found');
  if (contract.brokerOrgId !== caller.orgId) throw new DomainError('not_owner');
  return idempotent(db, caller.sub, request, async () => {
    const at = actor.now.toISOString();
    const claim: Claim = { id: `clm_${ulid()}`, contractId, brokerOrgId: contract.brokerOrgId, amountFen: body.amountFen, ...(body.note ? { note: body.note } : {}), status: 'pending', submittedBy: caller.sub, version: 1, createdAt: at };
    for (let attempt = 1; ; attempt++) {
      const balance = (await repo.getBalance(db, contractId))!;
      if (body.amountFen > claimable(balance)) {
        throw new DomainError('over_claimable', [{ path: 'amountFen', code: 'over_claimable', message: `At most ${claimable(balance)} fen can be claimed now.`, messageZh: `当前最多可申领 ${claimable(balance)} 分。` }]);
      }
      try {
        await repo.transact(
          db,
          [
            repo.putIdempotencyRecord(db, caller.sub, request.key, { requestHash: request.requestHash, status: 201, body: claim, at }),
            repo.putClaim(db, claim, null),
            repo.moveBalance(db, contractId, { pendingFen: body.amountFen }, balance.version),
            repo.putAudit(db, { subjectId: claim.id, subjectType: 'claim', action: 'submit', actor: caller.sub, actorOrgId: caller.orgId, requestId: actor.requestId, at, before: null, after: claim }, contractId),
          ],
          (failed) => new DomainError(failed === 0 ? 'idempotency_key_reused' : 'version_conflict'),
        );
        return claim;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'version_conflict') || attempt >= CLAIM_ATTEMPTS) throw error;
        await new Promise((r) => setTimeout(r, Math.random() * 20 * attempt));
      }
    }
  });
}

export async function decideClaim(db: Db, actor: Actor, claimId: string, decision: 'approved' | 'rejected', reason?: string): Promise<Claim> {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const claim = await repo.getClaim(db, claimId);
  if (!claim) throw new DomainError('not_found');
  if (claim.status !== 'pending') throw new DomainError('invalid_transition');
  const contract = await repo.getContract(db, claim.contractId);
  if (contract?.verifiers?.includes(caller.sub)) throw new DomainError('separation_of_duties');
  if (decision === 'rejected' && !reason) {
    throw new DomainError('validation_failed', [{ path: 'reason', code: 'required', message: 'A rejection needs a reason.', messageZh: '驳回须说明理由。' }]);
  }
  const at = actor.now.toISOString();
  const next: Claim = { ...claim, status: decision, decidedBy: caller.sub, decidedAt: at, ...(reason ? { reason } : {}), version: claim.version + 1 };
  await repo.transact(
    db,
    [
      repo.putClaim(db, next, claim.version),
      repo.moveBalance(db, claim.contractId, decision === 'approved' ? { pendingFen: -claim.amountFen, approvedFen: claim.amountFen } : { pendingFen: -claim.amountFen }),
      // Checked again inside the transaction: a verification racing this decision cannot slip past.
      repo.checkNotVerifier(db, claim.contractId, caller.sub),
      repo.putAudit(db, { subjectId: claimId, subjectType: 'claim', action: decision === 'approved' ? 'approve' : 'reject', actor: caller.sub, actorOrgId: caller.orgId, requestId: actor.requestId, at, before: claim, after: next }, claim.contractId),
    ],
    (failed) => new DomainError(failed === 2 ? 'separation_of_duties' : 'version_conflict'),
  );
  return next;
}

/** The bureau records that an approved reward was paid out to the center. */
export async function markClaimPaid(db: Db, actor: Actor, claimId: string): Promise<Claim> {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const claim = await repo.getClaim(db, claimId);
  if (!claim) throw new DomainError('not_found');
  if (claim.status !== 'approved') throw new DomainError('invalid_transition');
  const at = actor.now.toISOString();
  const next: Claim = { ...claim, status: 'paid', paidAt: at, version: claim.version + 1 };
  await repo.transact(
    db,
    [
      repo.putClaim(db, next, claim.version),
      repo.moveBalance(db, claim.contractId, { paidFen: claim.amountFen }),
      repo.putAudit(db, { subjectId: claimId, subjectType: 'claim', action: 'pay', actor: caller.sub, actorOrgId: caller.orgId, requestId: actor.requestId, at, before: claim, after: next }, claim.contractId),
    ],
    () => new DomainError('version_conflict'),
  );
  return next;
}

export async function listPolicies(db: Db): Promise<RewardPolicy[]> {
  return [...(await repo.getPolicyRegistry(db)).policies].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
}

export async function createPolicy(db: Db, actor: Actor, body: z.infer<typeof createPolicyBody>): Promise<RewardPolicy> {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  // A policy governs payments by their date: publishing one that starts in the past would change the
  // reward of payments already posted, so a new policy starts today at the earliest.
  if (body.validFrom < shanghaiDate(actor.now)) {
    throw new DomainError('validation_failed', [{ path: 'validFrom', code: 'in_the_past', message: 'A new policy cannot start before today.', messageZh: '新政策的生效日期不得早于今天。' }]);
  }
  const registry = await repo.getPolicyRegistry(db);
  const clash = overlapping(registry.policies, body);
  if (clash) {
    throw new DomainError('policy_overlap', [{ path: 'validFrom', code: 'overlap', message: `Overlaps ${clash.name} (${clash.validFrom} – ${clash.validTo}).`, messageZh: `与「${clash.name}」（${clash.validFrom} 至 ${clash.validTo}）重叠。` }]);
  }
  const at = actor.now.toISOString();
  const policy: RewardPolicy = { ...body, id: `pol_${ulid()}`, createdAt: at, createdBy: caller.sub };
  await repo.transact(
    db,
    [
      repo.putPolicyRegistry(db, [...registry.policies, policy], registry.version),
      repo.putAudit(db, { subjectId: policy.id, subjectType: 'policy', action: 'create', actor: caller.sub, actorOrgId: caller.orgId, requestId: actor.requestId, at, before: null, after: policy }, policy.id),
    ],
    () => new DomainError('version_conflict'),
  );
  return policy;
}

/** Seeds the plan's policy and the demo successor (idempotent), each with its audit record. */
export async function seedPolicies(db: Db, now: Date): Promise<number> {
  const registry = await repo.getPolicyRegistry(db);
  const missing = SEED_POLICIES.filter((p) => !registry.policies.some((q) => q.id === p.id)).map((p) => ({ ...p, createdAt: now.toISOString(), createdBy: 'seed' }));
  if (!missing.length) return 0;
  const at = now.toISOString();
  await repo.transact(
    db,
    [
      repo.putPolicyRegistry(db, [...registry.policies, ...missing], registry.version),
      ...missing.map((p) => repo.putAudit(db, { subjectId: p.id, subjectType: 'policy', action: 'seed', actor: 'seed', actorOrgId: null, requestId: 'seed', at, before: null, after: p }, p.id)),
    ],
    () => new DomainError('version_conflict'),
  );
  return missing.length;
}

export type { Contract };
