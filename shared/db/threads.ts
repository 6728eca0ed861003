/**
 * Message threads, one per accepted interest, in one partition: the thread (message count), a party
 * entry per organisation (its index of threads, and how many messages reached it), the brokers that
 * contracts linked to it, and the messages in order. Posting is one transaction guarded by the
 * thread's message count, so two messages never take the same place.
 */
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Message, ThreadParty } from '../domain/message';
import { DomainError } from '../domain/errors';
import type { Db } from './client';
import { queryAll, transact, type TransactItem } from './contracts';
import { db as call, isConditionalCheckFailed } from './errors';
import { keys, stripStorageAttributes } from './keys';

export interface ThreadRecord {
  threadId: string;
  title: string;
  listingKind: 'achievement' | 'need';
  messageCount: number;
  lastMessageAt: string;
}

export interface PartyEntry {
  threadId: string;
  orgId: string;
  title: string;
  listingKind: 'achievement' | 'need';
  messageCount: number;
  /** Messages from the other organisations: what its people can have unread. */
  inboundCount: number;
  lastMessageAt: string;
}

export async function getThread(db: Db, threadId: string): Promise<ThreadRecord | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.thread(threadId), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<ThreadRecord>(out.Item) : null;
}

/** Part of creating a contract that names an accepted interest: its broker joins that thread. */
export function brokerJoinsThread(db: Db, threadId: string, broker: { orgId: string; orgName: string }, at: string): TransactItem {
  return {
    Put: {
      TableName: db.tableName,
      Item: { ...keys.threadBroker(threadId, broker.orgId), entity: 'thread_broker', threadId, ...broker, joinedAt: at },
      // A second contract by the same broker on the same interest rewrites the same fact.
      ConditionExpression: 'attribute_not_exists(pk) OR orgId = :org',
      ExpressionAttributeValues: { ':org': broker.orgId },
    },
  };
}

export async function brokersOfThread(db: Db, threadId: string): Promise<{ orgId: string; orgName: string }[]> {
  return queryAll(db, { partition: keys.thread(threadId).pk, skPrefix: 'BROKER#' });
}

export async function messagesOf(db: Db, threadId: string): Promise<Message[]> {
  return queryAll<Message>(db, { partition: keys.thread(threadId).pk, skPrefix: 'MSG#' });
}

export async function partyEntry(db: Db, threadId: string, orgId: string): Promise<PartyEntry | null> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.threadParty(threadId, orgId), ConsistentRead: true })));
  return out.Item ? stripStorageAttributes<PartyEntry>(out.Item) : null;
}

export async function threadsOfOrganisation(db: Db, orgId: string): Promise<PartyEntry[]> {
  return (await queryAll<PartyEntry>(db, { index: 'gsi1', partition: keys.threadsOfOrg(orgId) })).sort((a, b) => b.lastMessageAt.localeCompare(a.lastMessageAt));
}

/**
 * Appends message number `expectedCount + 1`: the thread moves to that count only if it is still at
 * `expectedCount` (else version_conflict, and the caller reads again).
 */
export async function appendMessage(db: Db, thread: Omit<ThreadRecord, 'messageCount' | 'lastMessageAt'>, parties: ThreadParty[], message: Message, expectedCount: number): Promise<void> {
  const at = message.createdAt;
  const items: TransactItem[] = [
    {
      Update: {
        TableName: db.tableName,
        Key: keys.thread(thread.threadId),
        UpdateExpression: 'SET entity = :entity, threadId = :id, title = :title, listingKind = :kind, messageCount = :next, lastMessageAt = :at',
        ConditionExpression: expectedCount === 0 ? 'attribute_not_exists(pk)' : 'messageCount = :expected',
        ExpressionAttributeValues: { ':entity': 'thread', ':id': thread.threadId, ':title': thread.title, ':kind': thread.listingKind, ':next': message.seq, ':at': at, ...(expectedCount === 0 ? {} : { ':expected': expectedCount }) },
      },
    },
    {
      Put: {
        TableName: db.tableName,
        Item: { ...keys.message(thread.threadId, message.seq), entity: 'message', ...message, threadTitle: thread.title, partyOrgIds: parties.map((p) => p.orgId) },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    ...parties.map(
      (p): TransactItem => ({
        Update: {
          TableName: db.tableName,
          Key: keys.threadParty(thread.threadId, p.orgId),
          UpdateExpression: 'SET entity = :entity, threadId = :id, orgId = :org, title = :title, listingKind = :kind, messageCount = :next, lastMessageAt = :at, gsi1pk = :list, gsi1sk = :sort ADD inboundCount :inbound',
          ConditionExpression: 'attribute_not_exists(pk) OR orgId = :org',
          ExpressionAttributeValues: {
            ':entity': 'thread_party', ':id': thread.threadId, ':org': p.orgId, ':title': thread.title, ':kind': thread.listingKind, ':next': message.seq, ':at': at,
            ':list': keys.threadsOfOrg(p.orgId), ':sort': `${at}#${thread.threadId}`, ':inbound': p.orgId === message.authorOrgId ? 0 : 1,
          },
        },
      }),
    ),
  ];
  await transact(db, items, () => new DomainError('version_conflict'));
}

/** How many inbound messages of a thread a person has seen (0 if none). */
export async function seenCount(db: Db, sub: string, threadId: string): Promise<number> {
  const out = await call(() => db.doc.send(new GetCommand({ TableName: db.tableName, Key: keys.readMarker(sub, threadId) })));
  return typeof out.Item?.seen === 'number' ? out.Item.seen : 0;
}

/** Moves a person's marker forward to `seen`; never back (an older page load cannot unread). */
export async function markSeen(db: Db, sub: string, threadId: string, seen: number, at: string): Promise<void> {
  try {
    await call(() =>
      db.doc.send(
        new UpdateCommand({
          TableName: db.tableName,
          Key: keys.readMarker(sub, threadId),
          UpdateExpression: 'SET entity = :entity, seen = :seen, readAt = :at',
          ConditionExpression: 'attribute_not_exists(seen) OR seen < :seen',
          ExpressionAttributeValues: { ':entity': 'read_marker', ':seen': seen, ':at': at },
        }),
      ),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
