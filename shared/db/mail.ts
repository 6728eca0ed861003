/**
 * Mail bookkeeping: one delivery record per (event, person), written with a condition before the
 * mail is sent — the reason a redelivered stream record never mails twice — and marked sent after;
 * the per-thread window that rate-limits new-message mail; the entries of the morning digest.
 */
import { PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from './client';
import { queryAll } from './contracts';
import { db as call, isConditionalCheckFailed } from './errors';
import { keys } from './keys';

/** A claim older than this is taken to be a crashed attempt and may be taken again. */
export const DELIVERY_LEASE_MS = 2 * 60 * 1000;
const KEEP_SECONDS = 30 * 86_400;

export type DeliveryOutcome = { status: 'sent'; messageId: string; to: string } | { status: 'skipped'; why: 'email_off' | 'no_address' | 'suppressed' | 'rate_limited' | 'digest' };

/**
 * Takes the right to deliver `eventId` to `sub`. False when it was already delivered (or skipped), or
 * another attempt holds a live claim: the caller then does nothing.
 */
export async function claimDelivery(db: Db, eventId: string, sub: string, now: Date): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.delivery(eventId, sub), entity: 'mail_delivery', eventId, sub, status: 'claimed', claimedAt: now.toISOString(), leaseUntil: now.getTime() + DELIVERY_LEASE_MS, expiresAt: Math.floor(now.getTime() / 1000) + KEEP_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :failed OR (#status = :claimed AND leaseUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':failed': 'failed', ':claimed': 'claimed', ':now': now.getTime() },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** Records what became of a claimed delivery; a failed send releases the claim for the retry. */
export async function finishDelivery(db: Db, eventId: string, sub: string, outcome: DeliveryOutcome | { status: 'failed'; error: string }, now: Date): Promise<void> {
  const fields = Object.entries({ ...outcome, finishedAt: now.toISOString() });
  await call(() =>
    db.doc.send(
      new UpdateCommand({
        TableName: db.tableName,
        Key: keys.delivery(eventId, sub),
        UpdateExpression: `SET ${fields.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
        ConditionExpression: '#status = :claimed',
        ExpressionAttributeNames: { ...Object.fromEntries(fields.map(([k], i) => [`#f${i}`, k])), '#status': 'status' },
        ExpressionAttributeValues: { ...Object.fromEntries(fields.map(([, v], i) => [`:v${i}`, v])), ':claimed': 'claimed' },
      }),
    ),
  );
}

export async function deliveriesOf(db: Db, eventId: string): Promise<{ sub: string; status: string; to?: string }[]> {
  return queryAll(db, { partition: `MAIL#${eventId}` });
}

/**
 * May a new-message mail for this thread go to this person now? Yes if none went in the last
 * `intervalMs`, or the one that did was for this same message (a retry of its own delivery).
 */
export async function takeMessageMailWindow(db: Db, threadId: string, sub: string, messageId: string, now: Date, intervalMs: number): Promise<boolean> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.messageMailWindow(threadId, sub), entity: 'message_mail_window', messageId, sentAt: now.getTime() },
          ConditionExpression: 'attribute_not_exists(pk) OR sentAt <= :cutoff OR messageId = :mid',
          ExpressionAttributeValues: { ':cutoff': now.getTime() - intervalMs, ':mid': messageId },
        }),
      ),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export interface DigestEntry {
  sub: string;
  noteId: string;
  title: string;
  reasonZh: string;
  reasonEn: string;
  path: string;
}

export async function addDigestEntry(db: Db, date: string, entry: DigestEntry): Promise<void> {
  try {
    await call(() =>
      db.doc.send(
        new PutCommand({
          TableName: db.tableName,
          Item: { ...keys.digestEntry(date, entry.sub, entry.noteId), entity: 'digest_entry', date, ...entry, expiresAt: Math.floor(Date.parse(`${date}T00:00:00+08:00`) / 1000) + KEEP_SECONDS },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

export async function digestEntriesOf(db: Db, date: string): Promise<DigestEntry[]> {
  return queryAll<DigestEntry>(db, { partition: keys.digestDay(date) });
}
