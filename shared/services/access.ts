/** Checks shared by every command: who is calling and whether the object is theirs. */
import type { Principal, Role } from '../auth/principal';
import { DomainError } from '../domain/errors';

export function requireSignedIn(principal: Principal | null): Principal {
  if (!principal) throw new DomainError('unauthenticated');
  return principal;
}

/** A member of an organisation acting in `role`. */
export function requireMember(principal: Principal | null, role: Role): Principal & { orgId: string } {
  const caller = requireSignedIn(principal);
  if (caller.role !== role) throw new DomainError('role_required');
  if (!caller.orgId) throw new DomainError('organisation_required');
  return caller as Principal & { orgId: string };
}
