/**
 * Attachment and upload records. Both live in their owner's partition (keys.filesOf), so an owner's
 * files are one strongly consistent query; an upload record expires with TTL a day after it was issued.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Attachment, OwnerType, Visibility } from '../domain/attachment';
import { DomainError } from '../domain/errors';
import type { Db } from './client';
import { queryAll, type TransactItem } from './contracts';
import { db as call } from './errors';
import { keys, stripStorageAttributes } from './keys';

export interface Upload {
  id: string;
  ownerType: OwnerType;
  ownerId: string;
  kind: Attachment['kind'];
  fileName: string;
  contentType: string;
  sizeBytes: number;
  visibility: Visibility;
  uploadedBy: string;
  uploaderOrgId: string | null;
  /** Where the browser puts the bytes: under the pending prefix, which the bucket's lifecycle empties. */
  objectKey: string;
  policyExpiresAt: string;
  status: 'pending' | 'attached';
  attachmentId?: string;
  createdAt: string;
}

export type StoredAttachment = Attachment & { objectKey: string; objectVersion?: string };

export function putUpload(db: Db, upload: Upload): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.upload(upload.ownerType, upload.ownerId, upload.id), entity: 'upload', ...upload, expiresAt: Math.floor(Date.parse(upload.createdAt) / 1000) + 86_400 },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** pending → attached, once: a second confirmation of the same upload fails this condition. */
export function markUploadAttached(db: Db, upload: Upload, attachmentId: string): TransactItem {
  return {
    Update: {
      TableName: db.tableName,
      Key: keys.upload(upload.ownerType, upload.ownerId, upload.id),
      UpdateExpression: 'SET #s = :attached, attachmentId = :a',
      ConditionExpression: '#s = :pending',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':attached': 'attached', ':pending': 'pending', ':a': attachmentId },
    },
  };
}

export function putAttachment(db: Db, attachment: StoredAttachment): TransactItem {
  return {
    Put: { TableName: db.tableName, Item: { ...keys.attachment(attachment.ownerType, attachment.ownerId, attachment.id), entity: 'attachment', ...attachment }, ConditionExpression: 'attribute_not_exists(pk)' },
  };
}

export function deleteAttachment(db: Db, attachment: Attachment): TransactItem {
  return {
    Delete: { TableName: db.tableName, Key: keys.attachment(attachment.ownerType, attachment.ownerId, attachment.id), ConditionExpression: 'attribute_exists(pk)' },
  };
}

/** The attachment still stands (a decision that depends on it fails if it was removed meanwhile). */
export function attachmentStands(db: Db, attachment: Attachment): TransactItem {
  return { ConditionCheck: { TableName: db.tableName, Key: keys.attachment(attachment.ownerType, attachment.ownerId, attachment.id), ConditionExpression: 'attribute_exists(pk)' } };
}

/** The owner record is still in one of `statuses` (for listings: still owned by that organisation). */
export function ownerInState(db: Db, key: { pk: string; sk: string }, condition: { statuses?: readonly string[]; ownerOrgId?: string }): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const parts = ['attribute_exists(pk)'];
  if (condition.statuses) {
    names['#s'] = 'status';
    parts.push(`#s IN (${condition.statuses.map((s, i) => ((values[`:s${i}`] = s), `:s${i}`)).join(', ')})`);
  }
  if (condition.ownerOrgId) {
    values[':org'] = condition.ownerOrgId;
    parts.push('ownerOrgId = :org');
  }
  return {
    ConditionCheck: {
      TableName: db.tableName,
      Key: key,
      ConditionExpression: parts.join(' AND '),
      ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

export async function getUpload(db: Db, ownerType: OwnerType, ownerId: string, id: string): Promise<Upload | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.upload(ownerType, ownerId, id), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<Upload>(out.Item) : null;
}

export async function getAttachment(db: Db, ownerType: OwnerType, ownerId: string, id: string): Promise<StoredAttachment | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.attachment(ownerType, ownerId, id), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<StoredAttachment>(out.Item) : null;
}

/** Every file of an owner, oldest first, read strongly consistently. */
export function attachmentsOf(db: Db, ownerType: OwnerType, ownerId: string): Promise<StoredAttachment[]> {
  return queryAll<StoredAttachment>(db, { partition: keys.filesOf(ownerType, ownerId), skPrefix: 'FILE#' });
}

/** For decisions that need a file: the owner's files of the required kinds, or `attachment_required`. */
export async function requiredFiles(db: Db, ownerType: OwnerType, ownerId: string, kinds: readonly string[], path: string): Promise<StoredAttachment[]> {
  const found = (await attachmentsOf(db, ownerType, ownerId)).filter((a) => kinds.includes(a.kind));
  if (!found.length) {
    throw new DomainError('attachment_required', [{ path, code: 'attachment_required', message: `Attach a file of kind ${kinds.join(' or ')} first.`, messageZh: `请先上传附件：${kinds.join(' 或 ')}。` }]);
  }
  return found;
}
