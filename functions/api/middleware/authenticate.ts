/**
 * Resolves the caller from `Authorization: Bearer <access token>`. No header → anonymous; a header that
 * does not verify → 401, even on public routes, so a client never silently acts anonymously.
 * A member whose token predates their organisation (no `custom:orgId` yet) is found by membership.
 */
import type { MiddlewareHandler } from 'hono';
import { principalFromClaims, type Principal } from '../../../shared/auth/principal';
import { getMembership } from '../../../shared/db/organisations';
import { DomainError } from '../../../shared/domain/errors';
import type { ApiDeps, ApiEnv } from '../context';

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

export function authenticate(): MiddlewareHandler<ApiEnv> {
  return async function authenticateCaller(c, next) {
    const header = c.req.header('authorization');
    if (header === undefined) {
      c.set('principal', null);
      return next();
    }
    const match = /^Bearer\s+([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)\s*$/.exec(header);
    if (!match) throw new DomainError('invalid_token');
    c.set('principal', await principalFromToken(c.var.deps, match[1]!));
    return next();
  };
}
