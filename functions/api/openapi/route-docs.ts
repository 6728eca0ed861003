/**
 * Each route file describes its routes with the same zod schemas it validates with; the OpenAPI document
 * is generated from these descriptions (and a test checks that every mounted route is described).
 */
import type * as z from 'zod';

export type Access = 'anyone' | 'signed-in' | 'owner' | 'admin' | 'university' | 'enterprise' | 'local-only';

export interface RouteDoc {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  /** Hono-style path under /api/v1, e.g. /achievements/:id */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  access: Access;
  body?: z.ZodType;
  query?: z.ZodType;
  /** Sends or honours If-Match / ETag. */
  ifMatch?: 'required' | 'optional';
  responses: Record<number, { description: string; schema?: z.ZodType; contentType?: string }>;
}
