/**
 * The signed-in workspace pages, one file per resource they serve, mounted in this order (a listing's
 * own `/needs/new` before the `/needs/:id` page the interests file refines).
 */
import { Hono } from 'hono';
import type { ApiEnv } from '../../shared/http/context';
import { adminRoutes } from './admin';
import { contractRoutes } from './contracts';
import type { PageContextOf } from './form-flow';
import { homeRoutes } from './home';
import { interestRoutes } from './interests';
import { listingRoutes } from './listings';
import { organisationRoutes } from './organisations';

export function workspaceRoutes(ctxOf: PageContextOf) {
  return new Hono<ApiEnv>()
    .route('/', homeRoutes(ctxOf))
    .route('/', organisationRoutes(ctxOf))
    .route('/', listingRoutes(ctxOf))
    .route('/', interestRoutes(ctxOf))
    .route('/', contractRoutes(ctxOf))
    .route('/', adminRoutes(ctxOf));
}
