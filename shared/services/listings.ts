/**
 * Commands on listings (achievements and needs): create, read, edit, change status, list. The rules of
 * each kind live in shared/domain; this file decides who may do what and keeps writes conditional.
 *
 * Visibility: a listing in a public status shows its public fields to everyone and its confidential
 * fields to its owner and admins; a draft or archived listing does not exist for anyone else (404).
 */
import { ulid } from 'ulid';
import type { Principal, Role } from '../auth/principal';
import type { Db } from '../db/client';
import type { ListingKind } from '../db/keys';
import * as repo from '../db/listings';
import { getOrganisation } from '../db/organisations';
import * as achievements from '../domain/achievement';
import { DomainError } from '../domain/errors';
import * as needs from '../domain/need';
import type { OrgType } from '../domain/organisation';
import { requireMember, requireSignedIn } from './access';

interface ListingSpec<K extends ListingKind, R extends { id: string; ownerOrgId: string; status: string; version: number }, C, U, A extends string, P> {
  kind: K;
  creatorRole: Role;
  creatorOrgTypes: readonly OrgType[];
  publicStatuses: readonly string[];
  /** The actions an admin may take on another organisation's listing (moderation). */
  adminActions: readonly A[];
  create(input: C, ids: { id: string; ownerOrgId: string; ownerOrgName: string; ownerDistrict?: string }, now: Date): R;
  update(record: R, patch: U, now: Date): R;
  transition(record: R, action: A, now: Date): R;
  toPublic(record: R): P;
}

export const achievementSpec: ListingSpec<
  'achievement',
  achievements.Achievement,
  achievements.CreateAchievementInput,
  achievements.UpdateAchievementInput,
  'publish' | 'archive',
  achievements.AchievementPublic
> = {
  kind: 'achievement',
  creatorRole: 'university',
  creatorOrgTypes: ['university', 'institute'],
  publicStatuses: achievements.PUBLIC_ACHIEVEMENT_STATUSES,
  adminActions: ['archive'],
  create: achievements.newAchievement,
  update: achievements.updateAchievement,
  transition: achievements.transitionAchievement,
  toPublic: achievements.publicAchievement,
};

export const needSpec: ListingSpec<'need', needs.Need, needs.CreateNeedInput, needs.UpdateNeedInput, 'publish' | 'close', needs.NeedPublic> = {
  kind: 'need',
  creatorRole: 'enterprise',
  creatorOrgTypes: ['enterprise'],
  publicStatuses: needs.PUBLIC_NEED_STATUSES,
  adminActions: ['close'],
  create: needs.newNeed,
  update: needs.updateNeed,
  transition: needs.transitionNeed,
  toPublic: needs.publicNeed,
};

type AnySpec = ListingSpec<ListingKind, any, any, any, any, any>;
type RecordOf<S> = S extends ListingSpec<any, infer R, any, any, any, any> ? R : never;
type PublicOf<S> = S extends ListingSpec<any, any, any, any, any, infer P> ? P : never;
type CreateOf<S> = S extends ListingSpec<any, any, infer C, any, any, any> ? C : never;
type UpdateOf<S> = S extends ListingSpec<any, any, any, infer U, any, any> ? U : never;
type ActionOf<S> = S extends ListingSpec<any, any, any, any, infer A, any> ? A : never;

/** Owner and admin see everything; others the public projection. */
export type ListingView<S extends AnySpec> = { full: true; record: RecordOf<S> } | { full: false; record: PublicOf<S> };

function canSeeFull(principal: Principal | null, ownerOrgId: string): boolean {
  return principal !== null && (principal.isAdmin || principal.orgId === ownerOrgId);
}

function view<S extends AnySpec>(spec: S, principal: Principal | null, record: RecordOf<S>): ListingView<S> {
  return canSeeFull(principal, record.ownerOrgId) ? { full: true, record } : { full: false, record: spec.toPublic(record) };
}

/** Loads a listing the caller may at least see, or 404 — drafts of others are indistinguishable from nothing. */
async function loadVisible<S extends AnySpec>(db: Db, spec: S, principal: Principal | null, id: string): Promise<RecordOf<S>> {
  const record = (await repo.getListing(db, spec.kind, id)) as RecordOf<S> | null;
  if (!record) throw new DomainError('not_found');
  if (!spec.publicStatuses.includes(record.status) && !canSeeFull(principal, record.ownerOrgId)) throw new DomainError('not_found');
  return record;
}

function checkExpectedVersion(expected: number | null, actual: number, required: boolean): void {
  if (expected === null) {
    if (required) throw new DomainError('version_required');
    return;
  }
  if (expected !== actual) throw new DomainError('version_conflict');
}

export async function createListing<S extends AnySpec>(db: Db, spec: S, principal: Principal | null, input: CreateOf<S>, now: Date): Promise<RecordOf<S>> {
  const caller = requireMember(principal, spec.creatorRole);
  const org = await getOrganisation(db, caller.orgId);
  if (!org) throw new DomainError('organisation_required');
  if (!spec.creatorOrgTypes.includes(org.type)) throw new DomainError('organisation_type_mismatch');
  const prefix = spec.kind === 'achievement' ? 'ach' : 'need';
  const record = spec.create(input, { id: `${prefix}_${ulid()}`, ownerOrgId: org.id, ownerOrgName: org.name, ownerDistrict: org.district }, now) as RecordOf<S>;
  await repo.insertListing(db, spec.kind, record);
  return record;
}

export async function readListing<S extends AnySpec>(db: Db, spec: S, principal: Principal | null, id: string): Promise<ListingView<S>> {
  return view(spec, principal, await loadVisible(db, spec, principal, id));
}

export async function updateListing<S extends AnySpec>(
  db: Db,
  spec: S,
  principal: Principal | null,
  id: string,
  patch: UpdateOf<S>,
  expectedVersion: number | null,
  now: Date,
): Promise<RecordOf<S>> {
  const caller = requireSignedIn(principal);
  const current = await loadVisible(db, spec, caller, id);
  if (caller.orgId !== current.ownerOrgId) throw new DomainError('not_owner');
  checkExpectedVersion(expectedVersion, current.version, true);
  const next = spec.update(current, patch, now) as RecordOf<S>;
  // What the public sees must come from a verified organisation, edits included.
  const isPublic = spec.publicStatuses.includes(current.status);
  await repo.replaceListing(db, spec.kind, next, current.version, isPublic ? { requireVerifiedOrg: current.ownerOrgId } : {});
  return next;
}

export async function transitionListing<S extends AnySpec>(
  db: Db,
  spec: S,
  principal: Principal | null,
  id: string,
  action: ActionOf<S>,
  expectedVersion: number | null,
  now: Date,
): Promise<RecordOf<S>> {
  const caller = requireSignedIn(principal);
  const current = await loadVisible(db, spec, caller, id);
  const isOwner = caller.orgId === current.ownerOrgId;
  if (!isOwner && !(caller.isAdmin && spec.adminActions.includes(action))) throw new DomainError('not_owner');
  checkExpectedVersion(expectedVersion, current.version, false);
  const next = spec.transition(current, action, now) as RecordOf<S>;
  await repo.replaceListing(db, spec.kind, next, current.version, action === 'publish' ? { requireVerifiedOrg: current.ownerOrgId } : {});
  return next;
}

export interface ListListingsQuery {
  status?: string;
  ownerOrgId?: string;
  industry?: string;
  trlMin?: number;
  mode?: string;
  priceMaxFen?: number;
  challenge?: boolean;
  budgetMinFen?: number;
  limit: number;
  cursor?: string;
}

export async function listListings<S extends AnySpec>(
  db: Db,
  spec: S,
  principal: Principal | null,
  query: ListListingsQuery,
): Promise<{ items: ListingView<S>[]; nextCursor: string | null }> {
  const { status, ownerOrgId, limit, cursor, ...filter } = query;
  const full = ownerOrgId !== undefined && canSeeFull(principal, ownerOrgId);
  if (status !== undefined && !spec.publicStatuses.includes(status) && !full) {
    throw new DomainError('forbidden', [
      { path: 'status', code: 'status_not_public', message: 'Only the owner may list drafts and archived listings.', messageZh: '只有所属机构可以查看草稿和已归档的条目。' },
    ]);
  }
  const page = await repo.queryListings(db, spec.kind, {
    scope: ownerOrgId !== undefined ? { ownerOrgId } : { status: status ?? 'published' },
    filter: {
      ...filter,
      ...(ownerOrgId !== undefined ? { statuses: status !== undefined ? [status] : full ? undefined : spec.publicStatuses } : {}),
    } as repo.ListingFilter,
    limit,
    ...(cursor ? { cursor } : {}),
  });
  return { items: page.items.map((r) => view(spec, principal, r as RecordOf<S>)), nextCursor: page.nextCursor };
}
