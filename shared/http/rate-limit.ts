/**
 * Per-client limit on writes (every method but GET/HEAD/OPTIONS), after the caller is known: a signed-in
 * person is counted by their `sub`, whichever token or browser they use. Anonymous writes are refused by
 * the routes themselves (every write needs sign-in), so they are not counted. The local issuer's own
 * routes are not marketplace writes and are left out. Over the limit: 429 with Retry-After.
 */
import type { MiddlewareHandler } from 'hono';
import { takeWriteSlot } from '../db/rate-limits';
import { DomainError } from '../domain/errors';
import type { ApiEnv } from './context';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function limitWrites(): MiddlewareHandler<ApiEnv> {
  return async function limitWritesPerClient(c, next) {
    const { rateLimit, db, now } = c.var.deps;
    const principal = c.var.principal;
    if (!rateLimit || !principal || READS.has(c.req.method) || c.req.path.startsWith('/api/v1/dev/')) return next();
    const slot = await takeWriteSlot(db, `USER#${principal.sub}`, rateLimit, now());
    if (!slot.allowed) throw new DomainError('rate_limited', [], { retryAfterSeconds: slot.retryAfterSeconds });
    return next();
  };
}
