/**
 * Resolves the caller from `Authorization: Bearer <access token>`. No header → anonymous; a header that
 * does not verify → 401, even on public routes, so a client never silently acts anonymously.
 * A member whose token predates their organisation (no `custom:orgId` yet) is found by membership.
 */
import type { MiddlewareHandler } from 'hono';
import { DomainError } from '../../../shared/domain/errors';
import type { ApiEnv } from '../../../shared/http/context';
import { principalFromToken } from '../../../shared/http/caller';

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
