/**
 * Files on contracts, payments, listings and claims. An upload is three steps:
 * 1. `requestUpload`: the caller may add this kind of file to this owner now → an upload record and a
 *    presigned POST bound to one pending key, the declared content type and the size limit;
 * 2. the browser posts the bytes straight to S3;
 * 3. `confirmUpload`: the object is read back (size, declared type, type from its magic numbers,
 *    SHA-256), copied out of the pending prefix, and attached in one transaction that also checks the
 *    owner is still in a state that takes it and writes the audit record.
 * Downloads are presigned GETs issued only to whoever may read the owner (see `ownerAccess`).
 */
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as files from '../db/attachments';
import { getClaim, getContract, getPayment, putAudit, transact, type TransactItem } from '../db/contracts';
import { keys } from '../db/keys';
import { getListing } from '../db/listings';
import { getApplication, getProject, getRdInput } from '../db/programs';
import {
  checkStoredBytes,
  checkUploadRequest,
  contentDisposition,
  DOWNLOAD_URL_SECONDS,
  MAX_FILE_BYTES,
  safeFileName,
  UPLOAD_POLICY_SECONDS,
  type Attachment,
  type OwnerType,
  type RequestUploadBody,
} from '../domain/attachment';
import { PUBLIC_ACHIEVEMENT_STATUSES } from '../domain/achievement';
import type { Contract } from '../domain/contract';
import { PUBLIC_NEED_STATUSES } from '../domain/need';
import { DomainError } from '../domain/errors';
import type { ObjectStore } from '../files/object-store';
import { requireSignedIn } from './access';
import { isParty } from './contracts';
import { threadAccess } from './threads';

export interface FilesDeps {
  db: Db;
  store: ObjectStore;
  now: () => Date;
}

export interface FileActor {
  principal: Principal | null;
  requestId: string;
}

/** What the caller may do with an owner's files, and the condition a change must still meet when it commits. */
interface OwnerAccess {
  /** Files of this owner the caller may see (confidential ones only for the owner side and admins). */
  canSee(attachment: Pick<Attachment, 'visibility'>): boolean;
  /** Null when the caller may add this kind now; else why not. */
  addRefusal(kind: string): DomainError | null;
  removeRefusal(attachment: Attachment): DomainError | null;
  /** Checked in the attach transaction: the owner has not moved on meanwhile. */
  stillOpen(kind: string): TransactItem;
  /** Checked in the remove transaction. */
  stillRemovable(): TransactItem;
  /** Audit trail the change is written to (a contract's, for its payments and claims too). */
  trailOf: string;
  defaultVisibility: Attachment['visibility'];
  listingOwner: boolean;
}

const hidden = () => new DomainError('not_found');

async function contractOf(db: Db, caller: Principal, id: string): Promise<Contract> {
  const contract = await getContract(db, id);
  if (!contract || !isParty(caller, contract)) throw hidden();
  return contract;
}

/** Resolves the owner and the caller's rights on its files; an owner the caller may not see is a 404. */
async function ownerAccess(db: Db, principal: Principal | null, ownerType: OwnerType, ownerId: string): Promise<OwnerAccess> {
  if (ownerType === 'achievement' || ownerType === 'need') {
    const listing = (await getListing(db, ownerType, ownerId)) as { ownerOrgId: string; status: string } | null;
    const publicStatuses: readonly string[] = ownerType === 'achievement' ? PUBLIC_ACHIEVEMENT_STATUSES : PUBLIC_NEED_STATUSES;
    const ownerSide = principal !== null && (principal.isAdmin || principal.orgId === listing?.ownerOrgId);
    if (!listing || (!ownerSide && !publicStatuses.includes(listing.status))) throw hidden();
    const isOwner = principal?.orgId === listing.ownerOrgId;
    return {
      canSee: (a) => ownerSide || a.visibility === 'public',
      addRefusal: () => (isOwner ? (listing.status === 'archived' ? new DomainError('files_locked') : null) : principal ? new DomainError('not_owner') : new DomainError('unauthenticated')),
      removeRefusal: () => (isOwner ? null : new DomainError('not_owner')),
      stillOpen: () => files.ownerInState(db, keys.listing(ownerType, ownerId), { ownerOrgId: listing.ownerOrgId }),
      stillRemovable: () => files.ownerInState(db, keys.listing(ownerType, ownerId), { ownerOrgId: listing.ownerOrgId }),
      trailOf: ownerId,
      defaultVisibility: ownerType === 'achievement' ? 'public' : 'confidential',
      listingOwner: true,
    };
  }
  const caller = requireSignedIn(principal);
  const partyOnly = { canSee: () => true, defaultVisibility: 'confidential' as const, listingOwner: false };
  if (ownerType === 'contract') {
    const contract = await contractOf(db, caller, ownerId);
    const isBroker = caller.orgId === contract.brokerOrgId;
    // The signed contract only while the broker prepares it; supplements until the contract is closed.
    const openFor = (kind: string) => (kind === 'signed_contract' ? ['draft'] : ['draft', 'submitted', 'registered', 'performing']);
    return {
      ...partyOnly,
      addRefusal: (kind) => (!isBroker ? new DomainError('not_owner') : openFor(kind).includes(contract.status) ? null : new DomainError('files_locked')),
      removeRefusal: () => (!isBroker ? new DomainError('not_owner') : contract.status === 'draft' ? null : new DomainError('files_locked')),
      stillOpen: (kind) => files.ownerInState(db, keys.contract(ownerId), { statuses: openFor(kind) }),
      stillRemovable: () => files.ownerInState(db, keys.contract(ownerId), { statuses: ['draft'] }),
      trailOf: contract.id,
    };
  }
  if (ownerType === 'payment') {
    const payment = await getPayment(db, ownerId);
    if (!payment) throw hidden();
    const contract = await contractOf(db, caller, payment.contractId);
    return brokerOwned(db, caller.orgId === contract.brokerOrgId, keys.payment(ownerId), { open: 'recorded', now: payment.status }, contract.id);
  }
  if (ownerType === 'thread') {
    // The parties of the thread (and nobody else) share files there while it is open; what was shared
    // stays, as the record of the negotiation.
    await threadAccess(db, caller, ownerId);
    const stillOpen = () => files.ownerInState(db, keys.interest(ownerId), { statuses: ['accepted'] });
    return { canSee: () => true, defaultVisibility: 'confidential', listingOwner: false, addRefusal: () => null, removeRefusal: () => new DomainError('files_locked'), stillOpen, stillRemovable: stillOpen, trailOf: ownerId };
  }
  if (ownerType === 'rd_input') {
    // A project's R&D input is its owner's and the bureau's: the owner adds evidence while it awaits verification.
    const input = await getRdInput(db, ownerId);
    const project = input ? await getProject(db, input.projectId) : null;
    if (!input || !project || !(caller.isAdmin || caller.orgId === project.ownerOrgId)) throw hidden();
    return brokerOwned(db, caller.orgId === project.ownerOrgId, keys.rdInput(ownerId), { open: 'recorded', now: input.status }, project.id);
  }
  if (ownerType === 'application') {
    const application = await getApplication(db, ownerId);
    if (!application || !(caller.isAdmin || caller.orgId === application.applicantOrgId)) throw hidden();
    return brokerOwned(db, caller.orgId === application.applicantOrgId, keys.application(ownerId), { open: 'submitted', now: application.status }, ownerId);
  }
  const claim = await getClaim(db, ownerId);
  // A claim is the broker's business and the bureau's.
  if (!claim || !(caller.isAdmin || caller.orgId === claim.brokerOrgId)) throw hidden();
  return brokerOwned(db, caller.orgId === claim.brokerOrgId, keys.claim(ownerId), { open: 'pending', now: claim.status }, claim.contractId);
}

/** A payment's, claim's, R&D input's or application's files: its owner adds and removes them while the record is still open. */
function brokerOwned(db: Db, isBroker: boolean, key: { pk: string; sk: string }, status: { open: string; now: string }, trailOf: string): OwnerAccess {
  const refusal = () => (!isBroker ? new DomainError('not_owner') : status.now === status.open ? null : new DomainError('files_locked'));
  const stillOpen = () => files.ownerInState(db, key, { statuses: [status.open] });
  return { canSee: () => true, defaultVisibility: 'confidential', listingOwner: false, addRefusal: refusal, removeRefusal: refusal, stillOpen, stillRemovable: stillOpen, trailOf };
}

const publicView = ({ objectKey: _key, objectVersion: _version, ...attachment }: files.StoredAttachment): Attachment => attachment;

export async function requestUpload(deps: FilesDeps, actor: FileActor, ownerType: OwnerType, ownerId: string, body: RequestUploadBody) {
  const caller = requireSignedIn(actor.principal);
  const access = await ownerAccess(deps.db, caller, ownerType, ownerId);
  const refusal = access.addRefusal(body.kind);
  if (refusal) throw refusal;
  checkUploadRequest(ownerType, body);
  if (body.visibility && !access.listingOwner) {
    throw new DomainError('validation_failed', [{ path: 'visibility', code: 'not_allowed', message: 'Only listing files choose their visibility; these are for the parties only.', messageZh: '仅成果与需求的附件可选择公开范围；此处附件仅相关方可见。' }]);
  }
  const now = deps.now();
  const id = `upl_${ulid()}`;
  const upload: files.Upload = {
    id, ownerType, ownerId,
    kind: body.kind,
    fileName: safeFileName(body.fileName),
    contentType: body.contentType,
    sizeBytes: body.sizeBytes,
    visibility: body.visibility ?? access.defaultVisibility,
    uploadedBy: caller.sub,
    uploaderOrgId: caller.orgId,
    objectKey: `pending/${id}`,
    policyExpiresAt: new Date(now.getTime() + UPLOAD_POLICY_SECONDS * 1000).toISOString(),
    status: 'pending',
    createdAt: now.toISOString(),
  };
  const ticket = await deps.store.presignUpload({ key: upload.objectKey, contentType: upload.contentType, maxBytes: MAX_FILE_BYTES, expiresSeconds: UPLOAD_POLICY_SECONDS });
  await transact(deps.db, [files.putUpload(deps.db, upload)], () => new DomainError('version_conflict'));
  return { uploadId: id, url: ticket.url, fields: ticket.fields, expiresAt: upload.policyExpiresAt, maxBytes: MAX_FILE_BYTES };
}

export async function confirmUpload(deps: FilesDeps, actor: FileActor, ownerType: OwnerType, ownerId: string, uploadId: string): Promise<{ attachment: Attachment; created: boolean }> {
  const caller = requireSignedIn(actor.principal);
  const upload = await files.getUpload(deps.db, ownerType, ownerId, uploadId);
  // Someone else's upload does not exist for the caller.
  if (!upload || upload.uploadedBy !== caller.sub) throw hidden();
  if (upload.status === 'attached') {
    const existing = upload.attachmentId ? await files.getAttachment(deps.db, ownerType, ownerId, upload.attachmentId) : null;
    if (existing) return { attachment: publicView(existing), created: false };
    throw new DomainError('upload_already_confirmed');
  }
  const access = await ownerAccess(deps.db, caller, ownerType, ownerId);
  const refusal = access.addRefusal(upload.kind);
  if (refusal) throw refusal;
  const stored = await deps.store.read(upload.objectKey);
  if (!stored) throw new DomainError(deps.now().toISOString() > upload.policyExpiresAt ? 'upload_expired' : 'upload_not_received');
  try {
    if (stored.sizeBytes > MAX_FILE_BYTES) throw new DomainError('validation_failed', [{ path: 'file', code: 'too_large', message: 'The file is larger than 20 MB.', messageZh: '文件超过 20 MB。' }]);
    if (stored.contentType !== upload.contentType) throw new DomainError('validation_failed', [{ path: 'file', code: 'content_type_changed', message: 'The stored file has another content type than requested.', messageZh: '存储的文件类型与申请时不符。' }]);
    checkStoredBytes(upload.contentType, stored.bytes);
  } catch (error) {
    // A refused file is not kept.
    await deps.store.remove(upload.objectKey);
    throw error;
  }
  const at = deps.now().toISOString();
  const id = `fil_${uploadId.slice('upl_'.length)}`;
  const objectKey = `files/${ownerType}/${ownerId}/${id}`;
  const copied = await deps.store.copy(upload.objectKey, objectKey);
  const attachment: files.StoredAttachment = {
    id, ownerType, ownerId,
    kind: upload.kind,
    fileName: upload.fileName,
    contentType: upload.contentType,
    sizeBytes: stored.sizeBytes,
    sha256: createHash('sha256').update(stored.bytes).digest('hex'),
    visibility: upload.visibility,
    uploadedBy: caller.sub,
    uploaderOrgId: caller.orgId,
    createdAt: at,
    objectKey,
    ...(copied.versionId ? { objectVersion: copied.versionId } : {}),
  };
  try {
    await transact(
      deps.db,
      [
        files.putAttachment(deps.db, attachment),
        files.markUploadAttached(deps.db, upload, id),
        access.stillOpen(upload.kind),
        putAudit(deps.db, { subjectId: id, subjectType: 'attachment', action: 'attach', actor: caller.sub, actorOrgId: caller.orgId, requestId: actor.requestId, at, before: null, after: publicView(attachment) }, access.trailOf),
      ],
      (failed) => (failed === 2 ? new DomainError('files_locked') : new DomainError('upload_already_confirmed')),
    );
  } catch (error) {
    await deps.store.remove(objectKey).catch(() => undefined);
    throw error;
  }
  await deps.store.remove(upload.objectKey).catch(() => undefined);
  return { attachment: publicView(attachment), created: true };
}

/** The owner's files the caller may see. */
export async function listAttachments(deps: Pick<FilesDeps, 'db'>, principal: Principal | null, ownerType: OwnerType, ownerId: string): Promise<Attachment[]> {
  const access = await ownerAccess(deps.db, principal, ownerType, ownerId);
  return (await files.attachmentsOf(deps.db, ownerType, ownerId)).filter((a) => access.canSee(a)).map(publicView);
}

/** A short-lived download link for one file, or 404 to whoever may not see it. */
export async function downloadUrl(deps: FilesDeps, principal: Principal | null, ownerType: OwnerType, ownerId: string, id: string): Promise<string> {
  const access = await ownerAccess(deps.db, principal, ownerType, ownerId);
  const attachment = await files.getAttachment(deps.db, ownerType, ownerId, id);
  if (!attachment || !access.canSee(attachment)) throw hidden();
  return deps.store.presignDownload({
    key: attachment.objectKey,
    ...(attachment.objectVersion ? { versionId: attachment.objectVersion } : {}),
    contentDisposition: contentDisposition(attachment.fileName),
    contentType: attachment.contentType,
    expiresSeconds: DOWNLOAD_URL_SECONDS,
  });
}

export async function removeAttachment(deps: FilesDeps, actor: FileActor, ownerType: OwnerType, ownerId: string, id: string): Promise<void> {
  const caller = requireSignedIn(actor.principal);
  const access = await ownerAccess(deps.db, caller, ownerType, ownerId);
  const attachment = await files.getAttachment(deps.db, ownerType, ownerId, id);
  if (!attachment || !access.canSee(attachment)) throw hidden();
  const refusal = access.removeRefusal(attachment);
  if (refusal) throw refusal;
  const at = deps.now().toISOString();
  await transact(
    deps.db,
    [
      files.deleteAttachment(deps.db, attachment),
      access.stillRemovable(),
      putAudit(deps.db, { subjectId: id, subjectType: 'attachment', action: 'remove', actor: caller.sub, actorOrgId: caller.orgId, requestId: actor.requestId, at, before: publicView(attachment), after: null }, access.trailOf),
    ],
    (failed) => (failed === 1 ? new DomainError('files_locked') : hidden()),
  );
  // The bucket is versioned: the bytes stay recoverable as a noncurrent version until the lifecycle expires it.
  await deps.store.remove(attachment.objectKey).catch(() => undefined);
}
