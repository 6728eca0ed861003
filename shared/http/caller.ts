/**
 * Building the caller from an access token, for the API (Bearer header) and the pages (session cookie)
 * alike: verify the token, then complete a newcomer's or an early token's organisation and role from the
 * stored membership.
 */
import { principalFromClaims, type Principal } from '../auth/principal';
import { getMembership } from '../db/organisations';
import type { ApiDeps } from './context';

/** Token → caller, completed from the stored membership where the token lacks the organisation or role. */
export async function principalFromToken(deps: ApiDeps, token: string): Promise<Principal> {
  const principal = principalFromClaims(await deps.verifyToken(token));
  // A token without a group (a newcomer) or without the organisation (issued before they registered
  // one) is completed from the stored membership.
  if (!principal.isAdmin && (principal.orgId === null || principal.role === null)) {
    const membership = await getMembership(deps.db, principal.sub);
    if (membership && (principal.orgId === null || principal.orgId === membership.orgId)) {
      principal.orgId = membership.orgId;
      principal.role ??= membership.role;
    }
  }
  return principal;
}
