/**
 * Talking after acceptance: who may read and post in a thread (the two organisations of the accepted
 * interest, and the broker of a contract that names it — nobody else, admins included), posting in
 * order, and what each person has not read yet.
 */
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import { getInterest } from '../db/interests';
import { getOrganisation } from '../db/organisations';
import { getPerson } from '../db/people';
import * as repo from '../db/threads';
import { DomainError } from '../domain/errors';
import type { Interest } from '../domain/interest';
import type { Message, ThreadParty, ThreadSummary } from '../domain/message';
import type { postMessageBody } from '../domain/message';
import type * as z from 'zod';
import { requireSignedIn } from './access';
import { retryOnConflict } from './retry';

export interface ThreadAccess {
  interest: Interest;
  parties: ThreadParty[];
  me: ThreadParty;
}

/** The thread of interest `id` as `principal` may see it; anyone outside it gets not_found. */
export async function threadAccess(db: Db, principal: Principal | null, id: string): Promise<ThreadAccess> {
  const caller = requireSignedIn(principal);
  const interest = caller.orgId ? await getInterest(db, id) : null;
  if (!interest) throw new DomainError('not_found');
  const owner = await getOrganisation(db, interest.listingOwnerOrgId);
  const parties: ThreadParty[] = [
    { orgId: interest.listingOwnerOrgId, orgName: owner?.name ?? interest.listingOwnerOrgId, role: 'owner' },
    { orgId: interest.senderOrgId, orgName: interest.senderOrgName, role: 'sender' },
    ...(await repo.brokersOfThread(db, id))
      .filter((b) => b.orgId !== interest.listingOwnerOrgId && b.orgId !== interest.senderOrgId)
      .map((b): ThreadParty => ({ orgId: b.orgId, orgName: b.orgName, role: 'broker' })),
  ];
  const me = parties.find((p) => p.orgId === caller.orgId);
  if (!me) throw new DomainError('not_found');
  if (interest.status !== 'accepted') throw new DomainError('thread_not_open');
  return { interest, parties, me };
}

export async function readThread(db: Db, principal: Principal | null, id: string, options: { markRead: boolean; now: Date }) {
  const access = await threadAccess(db, principal, id);
  const caller = principal!;
  const [messages, entry, seen] = await Promise.all([repo.messagesOf(db, id), repo.partyEntry(db, id, access.me.orgId), repo.seenCount(db, caller.sub, id)]);
  const inbound = entry?.inboundCount ?? 0;
  if (options.markRead && inbound > seen) await repo.markSeen(db, caller.sub, id, inbound, options.now.toISOString());
  return { threadId: id, title: access.interest.listingTitle, listingKind: access.interest.listingKind, parties: access.parties, messages, unreadBefore: Math.max(0, inbound - seen) };
}

export async function postMessage(db: Db, principal: Principal | null, id: string, body: z.infer<typeof postMessageBody>, now: Date): Promise<Message> {
  return retryOnConflict(async () => {
    const access = await threadAccess(db, principal, id);
    const caller = principal!;
    const [thread, person] = await Promise.all([repo.getThread(db, id), getPerson(db, caller.sub)]);
    const count = thread?.messageCount ?? 0;
    const message: Message = {
      id: `msg_${ulid()}`,
      threadId: id,
      seq: count + 1,
      authorSub: caller.sub,
      authorName: person?.name ?? caller.username,
      authorOrgId: access.me.orgId,
      authorOrgName: access.me.orgName,
      body: body.body,
      createdAt: now.toISOString(),
    };
    await repo.appendMessage(db, { threadId: id, title: access.interest.listingTitle, listingKind: access.interest.listingKind }, access.parties, message, count);
    return message;
  });
}

/** The caller's organisation's threads, newest first, each with what this person has not read. */
export async function myThreads(db: Db, principal: Principal | null): Promise<{ items: ThreadSummary[]; unread: number }> {
  const caller = requireSignedIn(principal);
  if (!caller.orgId) return { items: [], unread: 0 };
  const entries = await repo.threadsOfOrganisation(db, caller.orgId);
  const seen = await Promise.all(entries.map((e) => repo.seenCount(db, caller.sub, e.threadId)));
  const items = entries.map((e, i): ThreadSummary => ({
    threadId: e.threadId, title: e.title, listingKind: e.listingKind, parties: [], messageCount: e.messageCount, lastMessageAt: e.lastMessageAt,
    unread: Math.max(0, (e.inboundCount ?? 0) - seen[i]!),
  }));
  return { items, unread: items.reduce((sum, t) => sum + t.unread, 0) };
}
