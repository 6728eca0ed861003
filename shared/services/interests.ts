/**
 * The 意向 / 揭榜 workflow: who may send, who decides, and what each side sees. Before acceptance the
 * owner sees the message (and proposal) but not the sender's contact, and the sender sees only public
 * fields; after acceptance each side gets the other's contact and the sender gets the confidential detail.
 */
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as repo from '../db/interests';
import { keys } from '../db/keys';
import { getListing } from '../db/listings';
import { getOrganisation } from '../db/organisations';
import { transitionAchievement, type Achievement } from '../domain/achievement';
import { DomainError } from '../domain/errors';
import { decideInterest, newInterest, type DECLINE_REASONS, type Interest, type interestBody, type proposalBody } from '../domain/interest';
import { shanghaiDate, type Contact } from '../domain/listing-common';
import { transitionNeed, type Need } from '../domain/need';
import type * as z from 'zod';
import { requireMember, requireSignedIn } from './access';

const OPEN_STATUSES = ['published', 'in_negotiation'] as const;

export interface InterestView extends Omit<Interest, 'contact' | 'senderSub'> {
  /** The sender's contact: always for the sender, for the owner once accepted. */
  contact?: Contact;
  /** For the sender once accepted: what the listing kept confidential. */
  disclosure?: { confidentialDetail: string; contact: Contact };
}

async function senderOrg(db: Db, orgId: string) {
  const org = await getOrganisation(db, orgId);
  if (!org) throw new DomainError('organisation_required');
  if (org.verification.status !== 'verified') throw new DomainError('organisation_not_verified');
  return org;
}

/**
 * The listing an interest or proposal is sent to: one that does not exist, or that is not public and
 * not the caller's, is 404; one that exists but is not open (archived, transferred, closed) is refused.
 */
async function openListing(db: Db, kind: 'achievement' | 'need', id: string, caller: Principal): Promise<Achievement | Need> {
  const listing = (await getListing(db, kind, id)) as Achievement | Need | null;
  const hidden = listing && ['draft', 'archived', 'closed'].includes(listing.status) && listing.ownerOrgId !== caller.orgId;
  if (!listing || hidden) throw new DomainError('not_found');
  if (!(OPEN_STATUSES as readonly string[]).includes(listing.status)) throw new DomainError('listing_not_open');
  return listing;
}

/** Records one interest or proposal, at most one open per (listing, sending organisation). */
async function send(
  db: Db,
  caller: Principal & { orgId: string },
  kind: 'interest' | 'proposal',
  listing: Achievement | Need,
  body: z.infer<typeof interestBody> | z.infer<typeof proposalBody>,
  now: Date,
): Promise<InterestView> {
  const org = await senderOrg(db, caller.orgId);
  const listingKind = kind === 'interest' ? 'achievement' : 'need';
  const interest = newInterest(
    body,
    {
      id: `int_${ulid()}`, kind, listingKind, listingId: listing.id, listingTitle: listing.title,
      listingOwnerOrgId: listing.ownerOrgId, senderOrgId: org.id, senderOrgName: org.name, senderSub: caller.sub,
    },
    now,
  );
  await repo.insertInterest(db, interest, keys.listing(listingKind, listing.id), OPEN_STATUSES);
  return view(interest, caller, null);
}

export async function expressInterest(db: Db, principal: Principal | null, achievementId: string, body: z.infer<typeof interestBody>, now: Date): Promise<InterestView> {
  const caller = requireMember(principal, 'enterprise');
  return send(db, caller, 'interest', await openListing(db, 'achievement', achievementId, caller), body, now);
}

export async function submitProposal(db: Db, principal: Principal | null, needId: string, body: z.infer<typeof proposalBody>, now: Date): Promise<InterestView> {
  const caller = requireMember(principal, 'university');
  const need = (await openListing(db, 'need', needId, caller)) as Need;
  if (need.deadline < shanghaiDate(now)) throw new DomainError('deadline_passed');
  return send(db, caller, 'proposal', need, body, now);
}

function view(interest: Interest, caller: Principal, listing: Achievement | Need | null): InterestView {
  const { contact, senderSub: _sub, ...rest } = interest;
  const isSender = caller.orgId === interest.senderOrgId;
  const accepted = interest.status === 'accepted';
  return {
    ...rest,
    ...(isSender || accepted || caller.isAdmin ? { contact } : {}),
    ...(isSender && accepted && listing ? { disclosure: { confidentialDetail: listing.confidentialDetail, contact: listing.contact } } : {}),
  };
}

async function loadVisible(db: Db, caller: Principal, id: string): Promise<Interest> {
  const interest = await repo.getInterest(db, id);
  if (!interest) throw new DomainError('not_found');
  const party = caller.orgId === interest.senderOrgId || caller.orgId === interest.listingOwnerOrgId;
  if (!party && !caller.isAdmin) throw new DomainError('not_found');
  return interest;
}

export async function readInterest(db: Db, principal: Principal | null, id: string): Promise<InterestView> {
  const caller = requireSignedIn(principal);
  const interest = await loadVisible(db, caller, id);
  const listing = interest.status === 'accepted' ? await getListing(db, interest.listingKind, interest.listingId) : null;
  return view(interest, caller, listing);
}

export type Decision = { action: 'accept' } | { action: 'decline'; reason: (typeof DECLINE_REASONS)[number]; note?: string | undefined } | { action: 'withdraw' };

export async function decide(db: Db, principal: Principal | null, id: string, decision: Decision, now: Date): Promise<InterestView> {
  const caller = requireSignedIn(principal);
  const interest = await loadVisible(db, caller, id);
  const decider = decision.action === 'withdraw' ? interest.senderOrgId : interest.listingOwnerOrgId;
  if (caller.orgId !== decider) throw new DomainError('not_owner');
  const decided = decideInterest(interest, decision, now);

  let listingWrite: Parameters<typeof repo.saveDecision>[3] = null;
  let listing: Achievement | Need | null = null;
  if (decision.action === 'accept') {
    listing = await getListing(db, interest.listingKind, interest.listingId);
    if (!listing) throw new DomainError('listing_not_open');
    if (listing.status === 'published') {
      // The first accepted interest opens negotiation; the listing leaves the "open" hall status.
      const next =
        interest.listingKind === 'achievement'
          ? transitionAchievement(listing as Achievement, 'startNegotiation', now)
          : transitionNeed(listing as Need, 'startNegotiation', now);
      listingWrite = { kind: interest.listingKind, next, expectedVersion: listing.version };
    } else if (listing.status === 'in_negotiation') {
      listingWrite = { check: keys.listing(interest.listingKind, interest.listingId), statuses: ['in_negotiation'] };
    } else {
      throw new DomainError('listing_not_open');
    }
  }
  await repo.saveDecision(db, decided, interest.version, listingWrite);
  return view(decided, caller, listing);
}

export async function listInterests(
  db: Db,
  principal: Principal | null,
  query: { box: 'received' | 'sent'; listingId?: string; limit: number; cursor?: string },
): Promise<{ items: InterestView[]; nextCursor: string | null }> {
  const caller = requireSignedIn(principal);
  if (!caller.orgId) throw new DomainError('organisation_required');
  const page = await repo.listInterests(db, query.box, caller.orgId, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) });
  const items = page.items.filter((i) => query.listingId === undefined || i.listingId === query.listingId).map((i) => view(i, caller, null));
  return { items, nextCursor: page.nextCursor };
}
