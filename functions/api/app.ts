/**
 * The API as one Hono app, the same in Lambda and locally: errors → problem+json, a body size limit,
 * the caller resolved from the token, then one chained app per resource. functions/api/site.ts mounts
 * it under /api/v1 next to the pages.
 */
import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '../../shared/domain/errors';
import type { ApiDeps, ApiEnv } from '../../shared/http/context';
import { authenticate } from './middleware/authenticate';
import { limitWrites } from '../../shared/http/rate-limit';
import { openApiDocument } from './openapi/document';
import type { RouteDoc } from './openapi/route-docs';
import { handleError, problemResponse } from '../../shared/http/problem';
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

/** Listings carry up to ~60 KB of text; anything far beyond that is not a listing. */
export const MAX_BODY_BYTES = 256 * 1024;

/** The API alone (mounted under /api/v1 by functions/api/site.ts), with its route docs and OpenAPI document. */
export function createApi(deps: ApiDeps) {
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

  api.onError(handleError);
  api.notFound((c) => problemResponse(c, new DomainError('route_not_found')));
  return {
    api,
    routeDocs,
    get openApi() {
      return openApiOnce();
    },
  };
}
