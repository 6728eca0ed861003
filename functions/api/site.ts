/**
 * The one app the Lambda (and the local runner) serves: the API under /api/v1, its docs, and the pages,
 * behind the same security headers and shared-cache rules. The only file that imports both front doors
 * (web/ and functions/api/): they are siblings over shared/http and never import each other (the
 * dependency rules test holds both to it).
 */
import { Hono } from 'hono';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '../../shared/domain/errors';
import type { ApiDeps } from '../../shared/http/context';
import { handleError, problemResponse } from '../../shared/http/problem';
import { createPages, pageNotFound } from '../../web/app';
import { createApi } from './app';
import { publicCache } from './middleware/public-cache';
import { docsUi } from './openapi/docs-ui';


export function createApp(deps: ApiDeps) {
  const api = createApi(deps);
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
  app.route('/api/v1', api.api);
  app.route('/', docsUi);
  app.route('/', createPages(deps));
  return {
    app,
    routeDocs: api.routeDocs,
    // Still built on first use (a getter, not read here).
    get openApi() {
      return api.openApi;
    },
  };
}
