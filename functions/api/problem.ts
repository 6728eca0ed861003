/**
 * RFC 9457 problem details: every error the API returns, with a stable `code`, English and Chinese text,
 * and for validation the field paths.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import { DomainError, errorTitle, type ErrorCode, type ErrorKind, type FieldIssue } from '../../shared/domain/errors';

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

// Only zh-CN: `z.locales.zhCN()` would pull every locale zod ships (about 260 KB) into the Lambda bundle.
const zhLocale = zhCN();

/**
 * Chinese messages a person can act on for the common cases (zod's own zh-CN locale speaks in types and
 * regular expressions); anything else falls back to that locale.
 */
function friendlyZh(issue: z.core.$ZodIssue): string | null {
  const i = issue as z.core.$ZodIssue & { origin?: string; minimum?: number | bigint; maximum?: number | bigint; format?: string; input?: unknown };
  switch (i.code) {
    case 'too_small':
      if (i.origin === 'string') return Number(i.minimum) <= 1 ? '此项必填' : `至少 ${i.minimum} 个字`;
      if (i.origin === 'array') return `至少填写 ${i.minimum} 项`;
      return `不能小于 ${i.minimum}`;
    case 'too_big':
      if (i.origin === 'string') return `最多 ${i.maximum} 个字`;
      if (i.origin === 'array') return `最多 ${i.maximum} 项`;
      return `不能大于 ${i.maximum}`;
    case 'invalid_format':
      if (i.format === 'email') return '请填写有效的电子邮箱';
      if (i.format === 'date') return '请填写有效日期（年-月-日）';
      if (i.format === 'url') return '请填写有效的网址';
      return '格式不正确';
    case 'invalid_type':
      if (i.input === undefined) return '此项必填';
      return (i as { expected?: string }).expected === 'number' ? '请填写数字' : null;
    case 'invalid_value':
      return '请从给定选项中选择';
    default:
      return null;
  }
}

/** One FieldIssue per offending field; unknown keys are reported one per key so each path is exact. */
export function issuesFromZod(error: z.ZodError, pathPrefix: string[] = []): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of error.issues) {
    const base = [...pathPrefix, ...issue.path.map(String)];
    const zh = ((issue as { params?: { zh?: string } }).params?.zh) ?? friendlyZh(issue) ?? zhLocale.localeError(issue as never);
    const messageZh = typeof zh === 'string' ? zh : (zh?.message ?? issue.message);
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({ path: [...base, key].join('.'), code: 'unrecognized_key', message: `Unknown field "${key}"`, messageZh: `不允许的字段「${key}」` });
      }
      continue;
    }
    const reason = (issue as { params?: { reason?: string } }).params?.reason;
    out.push({ path: base.join('.'), code: reason ?? issue.code, message: issue.message, messageZh });
  }
  return out;
}

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
