/**
 * zod's issues → the field issues every failure carries (a dotted path, a stable code, English and
 * Chinese text): the API's problem+json and the pages' inline messages both speak these.
 */
import type * as z from 'zod';
import zhCN from 'zod/v4/locales/zh-CN.js';
import type { FieldIssue } from '../domain/errors';

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
