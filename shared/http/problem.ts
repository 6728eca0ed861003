/**
 * RFC 9457 problem details: every error the API returns, with a stable `code`, English and Chinese text,
 * and for validation the field paths.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import { DomainError, errorTitle, type ErrorCode, type ErrorKind } from '../domain/errors';

const STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    titleZh: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string(),
    detailZh: z.string(),
    instance: z.string(),
    errors: z.array(z.object({ path: z.string(), code: z.string(), message: z.string(), messageZh: z.string() })).optional(),
  })
  .describe('application/problem+json (RFC 9457)');
export type Problem = z.infer<typeof problemSchema>;

export function problemResponse(c: Context, error: DomainError): Response {
  const status = STATUS[error.kind];
  const title = errorTitle(error.code as ErrorCode);
  const body: Problem = {
    type: `urn:tech-market:problem:${error.code}`,
    title: title.en,
    titleZh: title.zh,
    status,
    code: error.code,
    detail: error.message,
    detailZh: error.messageZh,
    instance: c.req.path,
    ...(error.issues.length ? { errors: error.issues } : {}),
  };
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (status === 401) headers['www-authenticate'] = 'Bearer';
  if (error.retryAfterSeconds !== undefined) headers['retry-after'] = String(error.retryAfterSeconds);
  return new Response(JSON.stringify(body), { status, headers });
}

/** The app's single error handler: domain errors as they are; anything else becomes a 500 without details. */
export function handleError(error: unknown, c: Context): Response {
  if (error instanceof DomainError) return problemResponse(c, error);
  if (error instanceof HTTPException) {
    const code: ErrorCode = error.status === 413 ? 'payload_too_large' : error.status === 401 ? 'unauthenticated' : 'validation_failed';
    return problemResponse(c, new DomainError(code));
  }
  console.error(JSON.stringify({ level: 'ERROR', message: 'unhandled error', path: c.req.path, error: String(error), stack: (error as Error)?.stack }));
  return problemResponse(c, new DomainError('internal'));
}
