/**
 * Technology contracts and payments: transfer centers record what they brokered and what was paid; the
 * bureau registers contracts (认定登记) and verifies payments against their evidence. Every change is one
 * transaction with its audit record.
 */
import { ulid } from 'ulid';
import { attachmentsOf as listFiles, attachmentStands, requiredFiles } from '../db/attachments';
import { REQUIRED_KINDS } from '../domain/attachment';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as repo from '../db/contracts';
import { getListing } from '../db/listings';
import { getInterest } from '../db/interests';
import { brokerJoinsThread } from '../db/threads';
import { getOrganisation } from '../db/organisations';
import {
  checkEvidence,
  checkPaidOn,
  checkPaymentFits,
  contractLifecycle,
  type Contract,
  type closeContractBody,
  type createContractBody,
  type Payment,
  type recordPaymentBody,
  type registerContractBody,
  type verifyPaymentBody,
} from '../domain/contract';
import { DomainError } from '../domain/errors';
import { shanghaiDate } from '../domain/listing-common';
import type * as z from 'zod';
import { requireMember, requireSignedIn } from './access';
import { retryOnConflict } from './retry';

export interface Actor {
  principal: Principal | null;
  requestId: string;
  now: Date;
}

function audit(db: Db, actor: Principal, requestId: string, at: string, subject: { id: string; type: repo.AuditRecord['subjectType'] }, action: string, before: unknown, after: unknown, trailOf: string) {
  return repo.putAudit(db, { subjectId: subject.id, subjectType: subject.type, action, actor: actor.sub, actorOrgId: actor.orgId, requestId, at, before, after }, trailOf);
}

/** Parties (seller, buyer, broker members) and admins may read a contract; to anyone else it does not exist. */
export function isParty(principal: Principal, c: Contract): boolean {
  return principal.isAdmin || [c.sellerOrgId, c.buyerOrgId, c.brokerOrgId].includes(principal.orgId ?? '');
}

export async function loadContract(db: Db, principal: Principal | null, id: string): Promise<{ caller: Principal; contract: Contract }> {
  const caller = requireSignedIn(principal);
  const contract = await repo.getContract(db, id);
  if (!contract || !isParty(caller, contract)) throw new DomainError('not_found');
  return { caller, contract };
}

export async function createContract(db: Db, actor: Actor, body: z.infer<typeof createContractBody>): Promise<Contract> {
  const caller = requireMember(actor.principal, 'transfer_center');
  const [broker, seller, buyer] = await Promise.all([getOrganisation(db, caller.orgId), getOrganisation(db, body.sellerOrgId), getOrganisation(db, body.buyerOrgId)]);
  if (!broker || broker.verification.status !== 'verified') throw new DomainError('organisation_not_verified');
  const missing = [
    ...(!seller || seller.verification.status !== 'verified' ? [{ path: 'sellerOrgId', code: 'unknown_organisation', message: 'No verified organisation with this id.', messageZh: '没有该已认证机构。' }] : []),
    ...(!buyer || buyer.verification.status !== 'verified' ? [{ path: 'buyerOrgId', code: 'unknown_organisation', message: 'No verified organisation with this id.', messageZh: '没有该已认证机构。' }] : []),
  ];
  if (missing.length) throw new DomainError('validation_failed', missing);

  // Links must really connect these parties: the achievement is the seller's, the need the buyer's.
  let industry: string | undefined;
  let district = seller!.district as string;
  if (body.achievementId) {
    const a = await getListing(db, 'achievement', body.achievementId);
    if (!a || a.ownerOrgId !== seller!.id) throw new DomainError('validation_failed', [{ path: 'achievementId', code: 'not_sellers', message: 'The achievement must belong to the seller.', messageZh: '关联成果须属于卖方。' }]);
    industry = a.industry;
  }
  if (body.needId) {
    const n = await getListing(db, 'need', body.needId);
    if (!n || n.ownerOrgId !== buyer!.id) throw new DomainError('validation_failed', [{ path: 'needId', code: 'not_buyers', message: 'The need must belong to the buyer.', messageZh: '关联需求须属于买方。' }]);
    industry ??= n.industry;
    district = buyer!.district;
  }
  if (body.interestId) {
    const i = await getInterest(db, body.interestId);
    const parties = new Set([seller!.id, buyer!.id]);
    if (!i || i.status !== 'accepted' || !parties.has(i.senderOrgId) || !parties.has(i.listingOwnerOrgId)) {
      throw new DomainError('validation_failed', [{ path: 'interestId', code: 'not_between_parties', message: 'The interest must be an accepted one between seller and buyer.', messageZh: '关联意向须为买卖双方之间已接受的意向。' }]);
    }
  }
  const at = actor.now.toISOString();
  const contract: Contract = {
    ...body,
    id: `con_${ulid()}`,
    sellerOrgName: seller!.name, sellerType: seller!.type,
    buyerOrgName: buyer!.name, buyerType: buyer!.type,
    brokerOrgId: broker.id, brokerOrgName: broker.name, brokerType: broker.type,
    ...(industry ? { industry } : {}),
    district,
    status: 'draft',
    recordedFen: 0,
    verifiedFen: 0,
    version: 1,
    createdAt: at,
    updatedAt: at,
  };
  await repo.transact(
    db,
    [
      repo.putContract(db, contract, null),
      repo.putNewBalance(db, contract.id),
      audit(db, caller, actor.requestId, at, { id: contract.id, type: 'contract' }, 'create', null, contract, contract.id),
      // The broker of a contract on an accepted interest joins the parties' message thread.
      ...(body.interestId ? [brokerJoinsThread(db, body.interestId, { orgId: broker.id, orgName: broker.name }, at)] : []),
    ],
    () => new DomainError('version_conflict'),
  );
  return contract;
}

/** The broker sends a draft to the bureau's registration queue; the signed contract must be attached. */
export async function submitContract(db: Db, actor: Actor, id: string): Promise<Contract> {
  const caller = requireSignedIn(actor.principal);
  const contract = await repo.getContract(db, id);
  if (!contract || !isParty(caller, contract)) throw new DomainError('not_found');
  if (caller.orgId !== contract.brokerOrgId) throw new DomainError('not_owner');
  const status = contractLifecycle.next(contract.status, 'submit');
  const signed = await requiredFiles(db, 'contract', id, REQUIRED_KINDS.contract!, 'files.signed_contract');
  const at = actor.now.toISOString();
  const next: Contract = { ...contract, status, submittedAt: at, version: contract.version + 1, updatedAt: at };
  await repo.transact(
    db,
    [repo.putContract(db, next, contract.version), attachmentStands(db, signed[0]!), audit(db, caller, actor.requestId, at, { id, type: 'contract' }, 'submit', contract, next, id)],
    (failed) => (failed === 1 ? new DomainError('attachment_required') : new DomainError('version_conflict')),
  );
  return next;
}

export async function registerContract(db: Db, actor: Actor, id: string, decision: z.infer<typeof registerContractBody>): Promise<Contract> {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const contract = await repo.getContract(db, id);
  if (!contract) throw new DomainError('not_found');
  const status = contractLifecycle.next(contract.status, decision.decision === 'registered' ? 'register' : 'reject');
  const at = actor.now.toISOString();
  // The registration records exactly which files it was decided on (their hashes), as they stand now.
  const files = status === 'registered' ? await listFiles(db, 'contract', id) : [];
  const next: Contract = {
    ...contract,
    status,
    ...(status === 'registered'
      ? {
          registrationNumber: await repo.nextRegistrationNumber(db, at.slice(0, 4)),
          registeredAt: at,
          registeredBy: caller.sub,
          registeredFiles: files.map((f) => ({ id: f.id, kind: f.kind, fileName: f.fileName, sha256: f.sha256 })),
        }
      : { rejectionReason: decision.reason! }),
    version: contract.version + 1,
    updatedAt: at,
  };
  await repo.transact(
    db,
    [repo.putContract(db, next, contract.version), audit(db, caller, actor.requestId, at, { id, type: 'contract' }, decision.decision === 'registered' ? 'register' : 'reject', contract, next, id)],
    () => new DomainError('version_conflict'),
  );
  return next;
}

/** Concurrent payments on one contract each re-check the ceiling on conflict (see retryOnConflict). */
export function recordPayment(db: Db, actor: Actor, contractId: string, body: z.infer<typeof recordPaymentBody>, idempotency?: { key: string; requestHash: string }): Promise<Payment> {
  return retryOnConflict(() => recordPaymentOnce(db, actor, contractId, body, idempotency));
}

async function recordPaymentOnce(
  db: Db,
  actor: Actor,
  contractId: string,
  body: z.infer<typeof recordPaymentBody>,
  idempotency?: { key: string; requestHash: string },
): Promise<Payment> {
  const caller = requireMember(actor.principal, 'transfer_center');
  const contract = await repo.getContract(db, contractId);
  if (!contract || !isParty(caller, contract)) throw new DomainError('not_found');
  if (contract.brokerOrgId !== caller.orgId) throw new DomainError('not_owner');
  checkPaymentFits(contract, body.amountFen);
  checkEvidence(contract, body.evidenceRef);
  checkPaidOn(contract, body.paidOn, shanghaiDate(actor.now));
  const at = actor.now.toISOString();
  const payment: Payment = { ...body, id: `pay_${ulid()}`, contractId, status: 'recorded', recordedBy: caller.sub, version: 1, createdAt: at };
  const nextContract: Contract = { ...contract, recordedFen: contract.recordedFen + body.amountFen, version: contract.version + 1, updatedAt: at };
  const items = [
    ...(idempotency ? [repo.putIdempotencyRecord(db, caller.sub, idempotency.key, { requestHash: idempotency.requestHash, status: 201, body: payment, at })] : []),
    repo.putPayment(db, payment, null),
    repo.putContract(db, nextContract, contract.version),
    repo.reserveEvidence(db, body.evidenceRef, payment.id),
    audit(db, caller, actor.requestId, at, { id: payment.id, type: 'payment' }, 'record', null, payment, contractId),
    audit(db, caller, actor.requestId, at, { id: contractId, type: 'contract' }, 'payment_recorded', contract, nextContract, contractId),
  ];
  const evidenceIndex = items.length - 3;
  await repo.transact(db, items, (failed) => {
    if (idempotency && failed === 0) return new DomainError('idempotency_key_reused');
    if (failed === evidenceIndex) {
      return new DomainError('validation_failed', [{ path: 'evidenceRef', code: 'evidence_already_used', message: 'This evidence is already recorded for another payment.', messageZh: '该凭证已用于另一笔到账记录。' }]);
    }
    return new DomainError('version_conflict');
  });
  return payment;
}

/** Verifications of several payments of one contract may race on the contract: each retries with a fresh read. */
export function verifyPayment(db: Db, actor: Actor, paymentId: string, decision: z.infer<typeof verifyPaymentBody>): Promise<Payment> {
  return retryOnConflict(() => verifyPaymentOnce(db, actor, paymentId, decision));
}

async function verifyPaymentOnce(db: Db, actor: Actor, paymentId: string, decision: z.infer<typeof verifyPaymentBody>): Promise<Payment> {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const payment = await repo.getPayment(db, paymentId);
  if (!payment) throw new DomainError('not_found');
  if (payment.status !== 'recorded') throw new DomainError('invalid_transition');
  const contract = (await repo.getContract(db, payment.contractId))!;
  const verified = decision.decision === 'verified';
  if (verified && contract.status !== 'registered' && contract.status !== 'performing') throw new DomainError('contract_not_registered');
  // Verified against the invoice or bank slip itself: one must be attached, and still be when this commits.
  const evidence = verified ? await requiredFiles(db, 'payment', paymentId, REQUIRED_KINDS.payment!, 'files.invoice') : [];
  const at = actor.now.toISOString();
  const next: Payment = {
    ...payment,
    status: decision.decision,
    verifiedBy: caller.sub,
    verifiedAt: at,
    ...(verified ? {} : { rejectionReason: decision.reason! }),
    version: payment.version + 1,
  };
  const nextContract: Contract = verified
    ? {
        ...contract,
        verifiedFen: contract.verifiedFen + payment.amountFen,
        status: contract.status === 'registered' ? contractLifecycle.next('registered', 'startPerforming') : contract.status,
        verifiers: [...new Set([...(contract.verifiers ?? []), caller.sub])],
        version: contract.version + 1,
        updatedAt: at,
      }
    : { ...contract, recordedFen: contract.recordedFen - payment.amountFen, version: contract.version + 1, updatedAt: at };
  await repo.transact(
    db,
    [
      repo.putPayment(db, next, payment.version),
      repo.putContract(db, nextContract, contract.version),
      audit(db, caller, actor.requestId, at, { id: paymentId, type: 'payment' }, verified ? 'verify' : 'reject', payment, next, payment.contractId),
      audit(db, caller, actor.requestId, at, { id: payment.contractId, type: 'contract' }, verified ? 'payment_verified' : 'payment_rejected', contract, nextContract, payment.contractId),
      // A rejected payment frees its receipt for a corrected record.
      ...(verified ? [attachmentStands(db, evidence[0]!)] : [repo.releaseEvidence(db, payment.evidenceRef, payment.id)]),
    ],
    (failed) => (verified && failed === 4 ? new DomainError('attachment_required') : new DomainError('version_conflict')),
  );
  return next;
}

/** Completed (all performed) or terminated: the bureau closes a contract; the trail keeps why. */
export async function closeContract(db: Db, actor: Actor, id: string, body: z.infer<typeof closeContractBody>): Promise<Contract> {
  const caller = requireSignedIn(actor.principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const contract = await repo.getContract(db, id);
  if (!contract) throw new DomainError('not_found');
  const status = contractLifecycle.next(contract.status, body.outcome === 'completed' ? 'complete' : 'terminate');
  const at = actor.now.toISOString();
  const next: Contract = { ...contract, status, ...(body.reason ? { rejectionReason: body.reason } : {}), version: contract.version + 1, updatedAt: at };
  await repo.transact(
    db,
    [repo.putContract(db, next, contract.version), audit(db, caller, actor.requestId, at, { id, type: 'contract' }, body.outcome === 'completed' ? 'complete' : 'terminate', contract, next, id)],
    () => new DomainError('version_conflict'),
  );
  return next;
}

export async function listBrokeredContracts(db: Db, principal: Principal | null): Promise<Contract[]> {
  const caller = requireMember(principal, 'transfer_center');
  return (await repo.contractsOfBroker(db, caller.orgId)).reverse();
}
