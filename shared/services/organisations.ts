/**
 * Organisation commands: register (a signed-in person founds their organisation and becomes its first
 * member), read (public profile for everyone, contact for members and admins), verify (admins only).
 */
import { ulid } from 'ulid';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/client';
import * as repo from '../db/organisations';
import { DomainError } from '../domain/errors';
import {
  decideVerification,
  newOrganisation,
  publicOrganisation,
  roleForOrgType,
  type CreateOrgInput,
  type Organisation,
  type OrganisationPublic,
  type VerificationStatus,
} from '../domain/organisation';
import type * as z from 'zod';
import type { verifyOrgBody } from '../domain/organisation';
import { requireSignedIn } from './access';

export async function registerOrganisation(db: Db, principal: Principal | null, input: CreateOrgInput, now: Date): Promise<Organisation> {
  const caller = requireSignedIn(principal);
  if (!caller.isAdmin) {
    if (caller.orgId) throw new DomainError('already_member');
    const role = roleForOrgType(input.type);
    // Government bodies are registered by the bureau; a member's group, when it has one, must fit the type.
    if (role === null || (caller.role !== null && caller.role !== role)) {
      throw new DomainError('organisation_type_mismatch', [
        { path: 'type', code: 'type_not_allowed', message: 'You may not register an organisation of this type.', messageZh: '您不能注册此类型的机构。' },
      ]);
    }
  }
  const org = newOrganisation(input, `org_${ulid()}`, caller.sub, now);
  const member = caller.isAdmin ? undefined : { sub: caller.sub, orgId: org.id, role: roleForOrgType(input.type), joinedAt: now.toISOString() };
  await repo.insertOrganisation(db, org, member);
  return org;
}

export async function readOrganisation(db: Db, principal: Principal | null, id: string): Promise<Organisation | OrganisationPublic> {
  const org = await repo.getOrganisation(db, id);
  if (!org) throw new DomainError('not_found');
  if (principal && (principal.isAdmin || principal.orgId === id)) return org;
  // Organisations the bureau has not verified are not part of the public register.
  if (org.verification.status !== 'verified') throw new DomainError('not_found');
  return publicOrganisation(org);
}

export async function verifyOrganisation(
  db: Db,
  principal: Principal | null,
  id: string,
  decision: z.infer<typeof verifyOrgBody>,
  expectedVersion: number | null,
  now: Date,
): Promise<Organisation> {
  const caller = requireSignedIn(principal);
  if (!caller.isAdmin) throw new DomainError('role_required');
  const org = await repo.getOrganisation(db, id);
  if (!org) throw new DomainError('not_found');
  if (expectedVersion !== null && expectedVersion !== org.version) throw new DomainError('version_conflict');
  const decided = decideVerification(org, decision, caller.sub, now);
  await repo.replaceOrganisation(db, decided, org.version);
  return decided;
}

export async function listOrganisations(
  db: Db,
  principal: Principal | null,
  query: { verification: VerificationStatus; limit: number; cursor?: string },
): Promise<{ items: (Organisation | OrganisationPublic)[]; nextCursor: string | null }> {
  // The verified register is public; the pending and rejected queues are the bureau's.
  if (query.verification !== 'verified' && !principal?.isAdmin) throw new DomainError('role_required');
  const page = await repo.listOrganisationsByVerification(db, query.verification, {
    limit: query.limit,
    ...(query.cursor ? { cursor: query.cursor } : {}),
  });
  return { items: principal?.isAdmin ? page.items : page.items.map(publicOrganisation), nextCursor: page.nextCursor };
}
