/**
 * OpenAPI 3.1 from the route descriptions. JSON Schema 2020-12 is what OpenAPI 3.1 speaks, which is
 * zod's default JSON Schema target.
 */
import * as z from 'zod';
import type { RouteDoc } from './route-docs';

function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): Record<string, unknown> {
  // `unrepresentable: 'any'` keeps transforms (query strings turned into numbers) from failing the document.
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  return rest;
}

const ACCESS_TEXT: Record<RouteDoc['access'], string> = {
  anyone: 'Anyone (signed-in callers may see more).',
  'signed-in': 'Any signed-in caller.',
  owner: 'The owning organisation’s members (admins where stated).',
  admin: 'Admins of the city bureau (group admin).',
  university: 'Members of a university or institute (group university).',
  enterprise: 'Members of an enterprise (group enterprise).',
  'local-only': 'Local runner only; never mounted in Lambda.',
};

export function openApiDocument(routes: RouteDoc[], options: { serverUrl?: string } = {}) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:([A-Za-z]+)/g, '{$1}');
    const pathParams = [...route.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    const queryParams = route.query
      ? Object.entries((jsonSchema(route.query, 'input').properties ?? {}) as Record<string, Record<string, unknown>>).map(([name, schema]) => ({
          name,
          in: 'query',
          required: false,
          ...(schema.description ? { description: schema.description } : {}),
          schema,
        }))
      : [];
    const headerParams = route.ifMatch
      ? [{ name: 'If-Match', in: 'header', required: route.ifMatch === 'required', description: 'The version from the ETag you read, e.g. "3"', schema: { type: 'string' } }]
      : [];
    const responses = Object.fromEntries(
      Object.entries(route.responses).map(([status, r]) => [
        status,
        {
          description: r.description,
          ...(r.schema || r.contentType ? { content: { [r.contentType ?? 'application/json']: r.schema ? { schema: jsonSchema(r.schema, 'output') } : {} } } : {}),
        },
      ]),
    );
    paths[path] ??= {};
    paths[path]![route.method] = {
      tags: [route.tag],
      summary: route.summary,
      description: `${route.description ? `${route.description}\n\n` : ''}Access: ${ACCESS_TEXT[route.access]}`,
      operationId: `${route.method}${path.replace(/[{}]/g, '').replace(/[/\-.](\w)/g, (_m, ch: string) => ch.toUpperCase())}`,
      ...(route.access !== 'anyone' && route.access !== 'local-only' ? { security: [{ bearer: [] }] } : {}),
      parameters: [...pathParams, ...queryParams, ...headerParams],
      ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '石嘴山科技大市场 API · Technology-transfer marketplace',
      version: '1.0.0',
      description:
        'Research achievements, technical needs and challenges (揭榜挂帅), organisations. Money is integer fen (分). ' +
        'Errors are application/problem+json with a stable `code`, English and Chinese text, and field paths.',
    },
    servers: [{ url: options.serverUrl ?? '/api/v1' }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Cognito access token (locally: POST /api/v1/dev/token)' } },
    },
    paths,
  };
}
