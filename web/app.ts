/**
 * The pages as one Hono app: the session from the cookie (and its CSRF token), the same write limit as
 * the API, the header's unread count, errors as pages; signed-in routes first, then the public ones.
 * functions/api/site.ts mounts it next to the API.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import type { ApiDeps, ApiEnv } from '../shared/http/context';
import { limitWrites } from '../shared/http/rate-limit';
import { authRoutes } from './auth-routes';
import { fileRoutes } from './file-routes';
import { messageRoutes, unreadMessages } from './message-routes';
import { programRoutes } from './program-routes';
import { pageContext, pageError, webRoutes } from './routes';
import { webSession } from './session';
import { workspaceRoutes } from './workspace';

export { pageNotFound } from './routes';

export function createPages(deps: ApiDeps) {
  const web = new Hono<ApiEnv>();
  web.use('*', async (c, next) => {
    c.set('deps', deps);
    c.set('requestId', randomUUID());
    await next();
  });
  web.use('*', webSession());
  web.use('*', limitWrites());
  web.use('*', unreadMessages());
  web.onError(pageError);
  // Signed-in pages first: they refine some public ones (an achievement page gains the interest form).
  web.route('/', authRoutes(pageContext));
  web.route('/', fileRoutes());
  web.route('/', messageRoutes(pageContext));
  web.route('/', programRoutes(pageContext));
  web.route('/', workspaceRoutes(pageContext));
  web.route('/', webRoutes());
  return web;
}
