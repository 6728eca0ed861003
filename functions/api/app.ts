/**
 * The API as one Hono app, the same in Lambda and locally: errors → problem+json, a body size limit,
 * the caller resolved from the token, then one chained app per resource under /api/v1.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '../../shared/domain/errors';
import type { ApiDeps, ApiEnv } from './context';
import { authenticate } from './middleware/authenticate';
import { publicCache } from './middleware/public-cache';
import { limitWrites } from './middleware/rate-limit';
import { docsUi } from './openapi/docs-ui';
import { openApiDocument } from './openapi/document';
import type { RouteDoc } from './openapi/route-docs';
import { handleError, problemResponse } from './problem';
import { achievements } from './routes/achievements';
import { alerts } from './routes/alerts';
import { contracts } from './routes/contracts';
import { dev } from './routes/dev';
import { files } from './routes/files';
import { health } from './routes/health';
import { interests } from './routes/interests';
import { matches } from './routes/matches';
import { messages } from './routes/messages';
import { programs } from './routes/programs';
import { needs } from './routes/needs';
import { organisations } from './routes/organisations';
import { pageContext, pageError, pageNotFound, webRoutes } from '../../web/routes';
import { webSession } from '../../web/session';
import { workspaceRoutes } from '../../web/workspace-routes';
import { authRoutes } from '../../web/auth-routes';
import { fileRoutes } from '../../web/file-routes';
import { messageRoutes, unreadMessages } from '../../web/message-routes';
import { programRoutes } from '../../web/program-routes';

/** Listings carry up to ~60 KB of text; anything far beyond that is not a listing. */
export const MAX_BODY_BYTES = 256 * 1024;

export function createApp(deps: ApiDeps) {
  const resources = [health, organisations, achievements, needs, matches, interests, messages, alerts, contracts, programs, files, ...(deps.dev ? [dev] : [])];
  const routeDocs: RouteDoc[] = resources.flatMap((r) => r.docs);
  // Built on first use, not at start: JSON Schema for every route is a large part of a Lambda cold start.
  let openApi: ReturnType<typeof openApiDocument> | undefined;
  const openApiOnce = () => (openApi ??= openApiDocument(routeDocs));

  const api = new Hono<ApiEnv>();
  api.use('*', async (c, next) => {
    c.set('deps', deps);
    const incoming = c.req.header('x-request-id');
    c.set('requestId', incoming && /^[\w\-]{8,80}$/.test(incoming) ? incoming : randomUUID());
    c.header('x-request-id', c.get('requestId'));
    await next();
  });
  api.use('*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => problemResponse(c, new DomainError('payload_too_large')) }));
  api.use('*', authenticate());
  api.use('*', limitWrites());
  api.get('/openapi.json', (c) => c.json(openApiOnce()));
  for (const resource of resources) api.route('/', resource.app);

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

  const app = new Hono();
  // strict-origin-when-cross-origin (not no-referrer): with no-referrer browsers send `Origin: null` on
// same-origin form posts, which the pages' CSRF origin check must refuse.
  app.use('*', secureHeaders({ crossOriginResourcePolicy: false, referrerPolicy: 'strict-origin-when-cross-origin' }));
  app.use('*', publicCache());
  app.onError(handleError);
  // Under /api a missing route is problem+json; anywhere else a person gets a page.
  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? problemResponse(c, new DomainError('route_not_found')) : pageNotFound(c as unknown as Parameters<typeof pageNotFound>[0]),
  );
  api.onError(handleError);
  api.notFound((c) => problemResponse(c, new DomainError('route_not_found')));
  app.route('/api/v1', api);
  app.route('/', docsUi);
  app.route('/', web);
  return {
    app,
    routeDocs,
    get openApi() {
      return openApiOnce();
    },
  };
}
