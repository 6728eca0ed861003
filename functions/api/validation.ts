/**
 * Request parsing: bodies must be JSON objects matching a strict zod schema; query strings likewise;
 * If-Match carries the version a client read.
 */
import type { Context } from 'hono';
import type * as z from 'zod';
import { DomainError } from '../../shared/domain/errors';
import { issuesFromZod } from '../../shared/http/field-issues';

export async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseRaw(c, await c.req.text(), schema);
}

/**
 * For actions whose body may be left out (approve, publish …): no body at all counts as `{}`; any body
 * that is sent, however it is framed (Content-Length or chunked), is checked like any other.
 */
export async function parseOptionalBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const raw = await c.req.text();
  return raw === '' ? validated(schema, {}) : parseRaw(c, raw, schema);
}

function parseRaw<S extends z.ZodType>(c: Context, raw: string, schema: S): z.infer<S> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/(.+\+)?json\s*(;|$)/i.test(type)) throw new DomainError('unsupported_media_type');
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    throw new DomainError('malformed_json');
  }
  return validated(schema, data);
}

function validated<S extends z.ZodType>(schema: S, data: unknown): z.infer<S> {
  const result = schema.safeParse(data, { reportInput: true });
  if (!result.success) throw new DomainError('validation_failed', issuesFromZod(result.error));
  return result.data;
}

export function parseQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const result = schema.safeParse(c.req.query(), { reportInput: true });
  if (!result.success) throw new DomainError('validation_failed', issuesFromZod(result.error, ['query']));
  return result.data;
}

/** The version in `If-Match: "3"` (or W/"3"), or null when absent. `*` is not accepted: we want the version. */
export function expectedVersion(c: Context): number | null {
  const header = c.req.header('if-match');
  if (header === undefined) return null;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new DomainError('invalid_if_match');
  return Number(match[1]);
}

export function etag(version: number): string {
  return `"${version}"`;
}
